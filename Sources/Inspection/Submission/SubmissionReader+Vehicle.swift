import Common

extension SubmissionReader {
    // MARK: - Identity

    /// Position 10 must name a model year the car can have: not after next year (from the inspection), not more than a
    /// year after the first registration.
    mutating func checkModelYear(_ vehicle: VehicleIdentity, inspectedAt: Timestamp) {
        let vin = vehicle.vin
        guard
            case let .impossible(year, latest, byRegistration) = vin.modelYear(
                inspectedIn: inspectedAt.localYear, firstRegisteredYear: vehicle.firstRegistered?.year)
        else { return }
        let code = Array(vin.value)[9]
        let reason =
            byRegistration
            ? "the car was first registered on \(vehicle.firstRegistered?.description ?? "?"), so its model year is \(latest) at the latest"
            : "inspected in \(inspectedAt.localYear), a car's model year is \(latest) at the latest"
        let cycle = vin.isNorthAmerican ? " (position 7 \"\(Array(vin.value)[6])\" picks the \(year >= 2010 ? 2010 : 1980) cycle)" : ""
        log.error(
            "position 10 \"\(code)\" means model year \(year)\(cycle), but \(reason); check the VIN",
            at: vinLocation ?? SourceLocation(line: 1, column: 1),
            item: "vin \"\(vin.value)\"")
    }

    mutating func readVehicle(_ value: YAMLValue) -> VehicleIdentity? {
        guard let pairs = log.mapping(value, item: "vehicle") else { return nil }
        log.rejectUnknownKeys(pairs, allowed: ["vin", "plate", "make", "model", "color", "first_registered"] + Self.factKeys, item: "vehicle")
        let vin = log.require("vin", in: pairs, at: value.location, item: "vehicle").flatMap { readVIN($0) }
        var firstRegistered: CalendarDate?
        if let dateValue = pairs.first(where: { $0.key == "first_registered" })?.value, !dateValue.isNull,
            let text = log.text(dateValue, item: "vehicle", field: "first_registered")
        {
            firstRegistered = CalendarDate(parsing: text)
            if firstRegistered == nil {
                log.error("first_registered \"\(text)\" must be a real date written YYYY-MM-DD", at: dateValue.location, item: "vehicle")
            }
        }
        if firstRegistered != nil, let at = pairs.first(where: { $0.key == "first_registered" })?.value.location {
            factLocations["first_registered"] = at
        }
        guard let vin else { return nil }
        var identity = VehicleIdentity(
            vin: vin, plate: optionalText(pairs, "plate", item: "vehicle"), make: optionalText(pairs, "make", item: "vehicle"),
            model: optionalText(pairs, "model", item: "vehicle"), color: optionalText(pairs, "color", item: "vehicle"),
            firstRegistered: firstRegistered)
        readFacts(pairs, into: &identity)
        return identity
    }

    mutating func readVIN(_ value: YAMLValue) -> VIN? {
        guard let text = log.text(value, item: "vehicle", field: "vin") else { return nil }
        let item = "vin \"\(text)\""
        switch VIN.problem(in: text) {
        case nil: break
        case let .checkDigit(expected, found)?:
            let problem = VIN.Problem.checkDigit(expected: expected, found: found)
            if VIN.checkDigitMandatory(text) {
                log.error("\(problem) (mandatory for VINs starting with L or 1-5)", at: value.location, item: item)
                return nil
            }
            log.warning("\(problem) (optional outside China and North America)", at: value.location, item: item)
        case let problem?:
            log.error(problem.description, at: value.location, item: item)
            return nil
        }
        let vin = VIN(unchecked: text)
        vinLocation = value.location
        if vin.modelYears.isEmpty {
            let message = "position 10 \"\(Array(text)[9])\" is not a model-year code (U, Z and 0 are never used)"
            if VIN.checkDigitMandatory(text) {
                log.error("\(message); it is a required code for VINs starting with L or 1-5", at: value.location, item: item)
                return nil
            }
            log.warning(message, at: value.location, item: item)
        }
        return vin
    }
}
