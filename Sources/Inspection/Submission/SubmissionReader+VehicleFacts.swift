import Common

extension SubmissionReader {
    /// The vehicle-record keys of `vehicle:` beyond the identity.
    static let factKeys = ["manufactured", "use", "registration_count", "estimated_km", "documents", "trim", "equipment"]

    /// Reads the vehicle-record facts: formats, ranges and the template's vocabularies (dates are checked against each
    /// other and the inspection in ``checkFactDates(_:inspectedAt:)``).
    mutating func readFacts(_ pairs: Pairs, into identity: inout VehicleIdentity) {
        func value(_ key: String) -> YAMLValue? {
            guard let value = pairs.first(where: { $0.key == key })?.value, !value.isNull else { return nil }
            return value
        }
        if let v = value("manufactured"), let text = log.text(v, item: "vehicle", field: "manufactured") {
            identity.manufactured = YearMonth(parsing: text)
            if identity.manufactured == nil {
                log.error("manufactured \"\(text)\" must be a month written YYYY-MM (出厂日期)", at: v.location, item: "vehicle")
            } else {
                factLocations["manufactured"] = v.location
            }
        }
        if let v = value("use") { identity.use = term(v, field: "use", in: template?.vehicleUses, vocabulary: "vehicle_facts.uses") }
        identity.registrationCount = value("registration_count").flatMap { count($0, field: "registration_count", range: 0...99) }
        identity.estimatedKm = value("estimated_km").flatMap { count($0, field: "estimated_km", range: 0...OdometerReading.maximumKilometres) }
        if let v = value("trim"), let text = log.text(v, item: "vehicle", field: "trim") {
            if text.count > 80 {
                log.error("trim is \(text.count) characters long (at most 80)", at: v.location, item: "vehicle")
            } else {
                identity.trim = text
            }
        }
        if let v = value("equipment"), let items = log.list(v, item: "vehicle", field: "equipment") {
            var ids: [String] = []
            for item in items {
                guard let id = term(item, field: "equipment", in: template?.equipment, vocabulary: "vehicle_facts.equipment") else { continue }
                if ids.contains(id) { log.error("\"\(id)\" is listed twice", at: item.location, item: "vehicle equipment") } else { ids.append(id) }
            }
            identity.equipment = ids
        }
        if let v = value("documents") { identity.documents = readDocuments(v) }
    }

    /// An id of a template vocabulary; unknown ids are errors naming the allowed ones.
    private mutating func term(_ value: YAMLValue, field: String, in terms: [ChecklistTemplate.Term]?, vocabulary: String) -> String? {
        guard let id = log.text(value, item: "vehicle", field: field) else { return nil }
        guard let terms else { return nil }  // the template is unknown: reported already
        if terms.isEmpty {
            log.error(
                "template \"\(template?.id ?? "?")\" defines no \(vocabulary), so \(field) cannot be recorded with it", at: value.location,
                item: "vehicle")
            return nil
        }
        guard terms.contains(where: { $0.id == id }) else {
            log.error("\(field) \"\(id)\" is not known (allowed: \(terms.map(\.id).joined(separator: " ")))", at: value.location, item: "vehicle")
            return nil
        }
        return id
    }

    private mutating func count(_ value: YAMLValue, field: String, range: ClosedRange<Int>, item: String = "vehicle") -> Int? {
        guard let number = log.integer(value, item: item, field: field) else { return nil }
        guard range.contains(number) else {
            log.error("\(field) \(number) is out of range (\(range.lowerBound)-\(range.upperBound))", at: value.location, item: item)
            return nil
        }
        return number
    }

    /// `documents: {driving_licence: true, compulsory_insurance: 2027-05-11, annual_inspection: false, keys: 2, ...}`:
    /// a presence is true or false; an expiring document is its expiry date, or false when missing.
    mutating func readDocuments(_ value: YAMLValue) -> VehicleDocuments? {
        let item = "vehicle documents"
        guard let pairs = log.mapping(value, item: item) else { return nil }
        log.rejectUnknownKeys(pairs, allowed: VehicleDocuments.fieldNames, item: item)
        var documents = VehicleDocuments()
        for pair in pairs where !pair.value.isNull {
            switch pair.key {
            case "driving_licence": documents.drivingLicence = presence(pair.value, field: pair.key)
            case "registration_certificate": documents.registrationCertificate = presence(pair.value, field: pair.key)
            case "purchase_invoice": documents.purchaseInvoice = presence(pair.value, field: pair.key)
            case "compulsory_insurance": documents.compulsoryInsurance = expiring(pair.value, field: pair.key)
            case "annual_inspection": documents.annualInspection = expiring(pair.value, field: pair.key)
            case "keys": documents.keys = count(pair.value, field: "keys", range: 0...9, item: item)
            default: break
            }
        }
        return documents
    }

    private mutating func presence(_ value: YAMLValue, field: String) -> Bool? {
        if let flag = value.plainBool { return flag }
        log.error("\(field) must be true (present) or false (missing), found \(value.kindName)", at: value.location, item: "vehicle documents")
        return nil
    }

    private mutating func expiring(_ value: YAMLValue, field: String) -> VehicleDocuments.Expiring? {
        if value.plainBool == false { return .missing }
        if let text = value.scalarText, let date = CalendarDate(parsing: text) {
            factLocations["documents.\(field)"] = value.location
            return .validUntil(date)
        }
        log.error(
            "\(field) must be its expiry date written YYYY-MM-DD, or false when it is missing; found \(value.kindName)", at: value.location,
            item: "vehicle documents")
        return nil
    }

    /// The dates must agree: built before first registered, both not after the inspection, no document expiring before the
    /// car was registered; a document already expired at the inspection is a warning; the VIN's model year should be
    /// within a year of the build date.
    mutating func checkFactDates(_ vehicle: VehicleIdentity, inspectedAt: Timestamp) {
        guard let inspected = inspectedAt.localDate else { return }
        let first = vehicle.firstRegistered
        if let first, first > inspected {
            log.error("first_registered \(first) is after the inspection (\(inspected))", at: factLocations["first_registered"], item: "vehicle")
        }
        if let built = vehicle.manufactured {
            let at = factLocations["manufactured"]
            if built > YearMonth(inspected) {
                log.error("manufactured \(built) is after the inspection (\(inspected))", at: at, item: "vehicle")
            } else if let first, built > YearMonth(first) {
                log.error(
                    "manufactured \(built) is after the first registration (\(first)): a car is built before it is registered", at: at,
                    item: "vehicle")
            }
            if let year = vehicle.modelYear(inspectedIn: inspectedAt.localYear), abs(year - built.year) > 1 {
                log.warning("the VIN's model year \(year) is more than a year from the build date \(built); check both", at: at, item: "vehicle")
            }
        }
        let expiring: [(String, VehicleDocuments.Expiring?)] = [
            ("compulsory_insurance", vehicle.documents?.compulsoryInsurance), ("annual_inspection", vehicle.documents?.annualInspection),
        ]
        for case let (field, expires?) in expiring.map({ ($0.0, $0.1?.expires) }) {
            let at = factLocations["documents.\(field)"]
            if let first, expires < first {
                log.error("\(field) expires \(expires), before the first registration (\(first))", at: at, item: "vehicle documents")
            } else if expires < inspected {
                log.warning("\(field) expired on \(expires), before the inspection (\(inspected))", at: at, item: "vehicle documents")
            }
        }
    }
}
