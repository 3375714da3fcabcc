import Common

/// Walks a submission's YAML tree, building a ``Submission`` and recording every problem.
struct SubmissionReader {
    typealias Pairs = [(key: String, keyAt: SourceLocation, value: YAMLValue)]

    var log: DiagnosticLog
    let catalog: TemplateCatalog
    var photos: PhotoPathResolver
    var template: ChecklistTemplate?
    /// Where the VIN was written (for the model-year cross-check once the dates are read).
    var vinLocation: SourceLocation?
    /// Where each vehicle fact was written (`manufactured`, `documents.annual_inspection`, ...), for the date checks.
    var factLocations: [String: SourceLocation] = [:]
    /// The plausibility rules and the clock they are checked at (none: not checked).
    var plausibility: (policy: PlausibilityPolicy, now: Timestamp?)?

    static let topKeys =
        [
            "format", "template", "stage", "vehicle", "inspector", "inspected_at", "site", "odometer", "transport", "defects", "checks",
            "photos", "notes", "disputes", "acknowledged",
        ] + serviceKeys

    init(log: DiagnosticLog, catalog: TemplateCatalog, photos: PhotoPathResolver) {
        self.log = log
        self.catalog = catalog
        self.photos = photos
    }

    mutating func read(_ root: YAMLValue) -> (Submission, ChecklistTemplate)? {
        guard let top = log.mapping(root, item: nil) else { return nil }
        log.rejectUnknownKeys(top, allowed: Self.topKeys, item: nil)
        let at = root.location

        if let value = log.require("format", in: top, at: at, item: nil), let format = log.text(value, item: nil, field: "format"),
            format != Submission.format
        {
            log.error("format \"\(format)\" is not supported (expected \(Submission.format))", at: value.location)
        }
        let templateID = log.require("template", in: top, at: at, item: nil).flatMap { value -> String? in
            guard let id = log.text(value, item: nil, field: "template") else { return nil }
            do {
                template = try catalog.template(id: id)
            } catch let error as TemplateError {
                switch error {
                case .notFound:
                    let known = catalog.availableIDs()
                    log.error("unknown template \"\(id)\" (available: \(known.isEmpty ? "none" : known.joined(separator: " ")))", at: value.location)
                default:
                    log.error("template \"\(id)\" cannot be used: \(error)", at: value.location)
                }
            } catch {
                log.error("template \"\(id)\" cannot be used: \(error)", at: value.location)
            }
            return id
        }
        let stage = log.require("stage", in: top, at: at, item: nil).flatMap {
            log.choice($0, allowed: Stage.allNames, item: nil, field: "stage").flatMap(Stage.init(rawValue:))
        }
        let vehicle = log.require("vehicle", in: top, at: at, item: nil).flatMap { readVehicle($0) }
        let inspector = log.require("inspector", in: top, at: at, item: nil).flatMap { readInspector($0) }
        let inspectedAt = log.require("inspected_at", in: top, at: at, item: nil).flatMap { readTimestamp($0, field: "inspected_at") }
        let site = optionalText(top, "site", item: nil)
        let notes = optionalText(top, "notes", item: nil)
        let odometer = log.require("odometer", in: top, at: at, item: nil).flatMap { readOdometer($0) }
        var transport: Transport?
        if let entry = top.first(where: { $0.key == "transport" }), !entry.value.isNull {
            if let stage, stage != .delivery {
                log.error("recorded at delivery only, not at \(stage.rawValue)", at: entry.keyAt, item: "transport")
            }
            transport = readTransport(entry.value)
        } else if stage == .delivery {
            log.warning("delivery without transport: the mileage allowance for the leg cannot be checked", at: at, item: "transport")
        }
        var defects: [Defect] = []
        if let value = top.first(where: { $0.key == "defects" })?.value, !value.isNull {
            defects = readDefects(value)
        }
        var checks: [CheckEntry] = []
        let checksEntry = top.first(where: { $0.key == "checks" })
        if let value = checksEntry?.value, !value.isNull { checks = readChecks(value) }
        if let stage { requireChecks(checks, stage: stage, at: checksEntry?.keyAt ?? at) }
        var anglePhotos: [AnglePhoto] = []
        let photosEntry = top.first(where: { $0.key == "photos" })
        if let value = photosEntry?.value, !value.isNull { anglePhotos = readPhotos(value) }
        requireAngles(anglePhotos, at: photosEntry?.keyAt ?? at)

        var disputes: [String]?
        if let entry = top.first(where: { $0.key == "disputes" }), !entry.value.isNull {
            if let stage, stage != .delivery {
                log.error("recorded at delivery only, not at \(stage.rawValue)", at: entry.keyAt, item: "disputes")
            }
            disputes = readDisputes(entry.value)
        }
        var acknowledged: [String]?
        if let entry = top.first(where: { $0.key == "acknowledged" }), !entry.value.isNull {
            if let stage, stage != .delivery {
                log.error("recorded at delivery only, not at \(stage.rawValue)", at: entry.keyAt, item: "acknowledged")
            }
            acknowledged = readAcknowledged(entry.value)
        }
        let service = readService(top, stage: stage, at: at)
        if let vehicle, let inspectedAt {
            checkModelYear(vehicle, inspectedAt: inspectedAt)
            checkFactDates(vehicle, inspectedAt: inspectedAt)
        }
        guard let templateID, let template, let stage, let vehicle, let inspector, let inspectedAt, let odometer else { return nil }
        let submission = Submission(
            templateID: templateID, stage: stage, vehicle: vehicle, inspector: inspector, inspectedAt: inspectedAt, site: site,
            odometer: odometer, transport: transport, defects: defects, checks: checks, photos: anglePhotos, notes: notes, disputes: disputes,
            service: service)
        var read = submission
        read.acknowledged = acknowledged
        checkPlausibility(read, template: template, at: top)
        return (read, template)
    }

    /// With a plausibility policy: an inspection dated in the future is an error (at `inspected_at`); an odometer
    /// implausible for the car's age and use, or a car at the end of its use's service life, a warning (at `odometer`).
    mutating func checkPlausibility(_ submission: Submission, template: ChecklistTemplate, at top: Pairs) {
        guard let plausibility else { return }
        if let now = plausibility.now, let problem = Plausibility.futureDate(submission.inspectedAt, now: now, policy: plausibility.policy) {
            log.error(problem, at: top.first { $0.key == "inspected_at" }?.value.location, item: nil)
        }
        let odometer = top.first { $0.key == "odometer" }?.value.location
        for notice in Plausibility.notices(submission, template: template, policy: plausibility.policy) {
            log.warning(notice.message.en, at: odometer, item: "odometer")
        }
    }

    mutating func optionalText(_ pairs: Pairs, _ key: String, item: String?) -> String? {
        guard let value = pairs.first(where: { $0.key == key })?.value, !value.isNull else { return nil }
        return log.text(value, item: item, field: key)
    }

    mutating func readInspector(_ value: YAMLValue) -> Inspector? {
        guard let pairs = log.mapping(value, item: "inspector") else { return nil }
        log.rejectUnknownKeys(pairs, allowed: ["id", "name"], item: "inspector")
        guard let id = log.require("id", in: pairs, at: value.location, item: "inspector").flatMap({ log.text($0, item: "inspector", field: "id") })
        else { return nil }
        return Inspector(id: id, name: optionalText(pairs, "name", item: "inspector"))
    }

    mutating func readTimestamp(_ value: YAMLValue, field: String) -> Timestamp? {
        guard let text = log.text(value, item: nil, field: field) else { return nil }
        switch Timestamp.parse(text) {
        case let .success(timestamp): return timestamp
        case let .failure(problem):
            log.error("\(field) \"\(text)\" \(problem)", at: value.location)
            return nil
        }
    }

    mutating func readOdometer(_ value: YAMLValue) -> OdometerReading? {
        guard let pairs = log.mapping(value, item: "odometer") else { return nil }
        log.rejectUnknownKeys(pairs, allowed: ["reading", "unit", "photo"], item: "odometer")
        let unit = log.require("unit", in: pairs, at: value.location, item: "odometer").flatMap {
            log.choice($0, allowed: DistanceUnit.allCases.map(\.rawValue), item: "odometer", field: "unit").flatMap(DistanceUnit.init(rawValue:))
        }
        var reading: Int?
        if let readingValue = log.require("reading", in: pairs, at: value.location, item: "odometer"),
            let number = log.integer(readingValue, item: "odometer", field: "reading")
        {
            if number < 0 {
                log.error("reading \(number) is negative", at: readingValue.location, item: "odometer")
            } else if (unit ?? .km).kilometres(number) > OdometerReading.maximumKilometres {
                log.error(
                    "reading \(number) \((unit ?? .km).rawValue) is absurd (more than \(OdometerReading.maximumKilometres) km)",
                    at: readingValue.location, item: "odometer")
            } else {
                reading = number
            }
        }
        var photo: String?
        if let photoValue = pairs.first(where: { $0.key == "photo" })?.value, !photoValue.isNull,
            let path = log.text(photoValue, item: "odometer", field: "photo")
        {
            checkPhoto(path, at: photoValue.location, item: "odometer photo")
            photo = path
        }
        guard let reading, let unit else { return nil }
        return OdometerReading(reading: reading, unit: unit, photo: photo)
    }

    mutating func readTransport(_ value: YAMLValue) -> Transport? {
        guard let pairs = log.mapping(value, item: "transport") else { return nil }
        log.rejectUnknownKeys(pairs, allowed: ["mode", "route_km"], item: "transport")
        let mode = log.require("mode", in: pairs, at: value.location, item: "transport").flatMap {
            log.choice($0, allowed: Transport.Mode.allCases.map(\.rawValue), item: "transport", field: "mode").flatMap(Transport.Mode.init(rawValue:))
        }
        var route: Int?
        if let routeValue = pairs.first(where: { $0.key == "route_km" })?.value, !routeValue.isNull,
            let number = log.integer(routeValue, item: "transport", field: "route_km")
        {
            if number < 0 || number > 20_000 {
                log.error("route_km \(number) is out of range (0-20000)", at: routeValue.location, item: "transport")
            } else {
                route = number
            }
        }
        guard let mode else { return nil }
        return Transport(mode: mode, routeKm: route)
    }

    /// Defect codes the buyer disputes: compact codes, each once.
    mutating func readDisputes(_ value: YAMLValue) -> [String] {
        guard let items = log.list(value, item: "disputes", field: "disputes") else { return [] }
        var codes: [String] = []
        for item in items {
            guard let code = log.text(item, item: "disputes", field: "defect code") else { continue }
            if Defect.split(code: code) == nil {
                log.error("\"\(code)\" is not a defect code (part number, defect letters, degree; e.g. 14HH2)", at: item.location, item: "disputes")
            } else if codes.contains(code) {
                log.error("\(code) is listed twice", at: item.location, item: "disputes")
            } else {
                codes.append(code)
            }
        }
        return codes
    }

    /// What the buyer acknowledged: flag or use ids (a-z, 0-9, _), each once.
    mutating func readAcknowledged(_ value: YAMLValue) -> [String] {
        guard let items = log.list(value, item: "acknowledged", field: "acknowledged") else { return [] }
        var ids: [String] = []
        for item in items {
            guard let id = log.text(item, item: "acknowledged", field: "flag or use") else { continue }
            if id.isEmpty || !id.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isASCIIDigit || $0 == "_") }) {
                log.error("\"\(id)\" is not a flag or use id (e.g. flood, accident, ride_hailing)", at: item.location, item: "acknowledged")
            } else if ids.contains(id) {
                log.error("\(id) is listed twice", at: item.location, item: "acknowledged")
            } else {
                ids.append(id)
            }
        }
        return ids
    }

    /// Records an error when `path` cannot be used as a photo of this submission.
    mutating func checkPhoto(_ path: String, at location: SourceLocation, item: String) {
        if case let .failure(problem) = photos.resolve(path) {
            log.error("\(problem): \(path)", at: location, item: item)
        }
    }
}
