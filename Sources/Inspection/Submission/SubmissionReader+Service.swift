import Common

extension SubmissionReader {
    static let serviceKeys = ["work_order", "fuel_level", "valuables", "acknowledgement"]

    /// The service keys: `work_order` required at reception and health check (and only there); `fuel_level`,
    /// `valuables` and `acknowledgement` at reception only, the acknowledgement required there.
    mutating func readService(_ top: Pairs, stage: Stage?, at location: SourceLocation) -> ServiceVisit? {
        func entry(_ key: String) -> (key: String, keyAt: SourceLocation, value: YAMLValue)? {
            top.first { $0.key == key && !$0.value.isNull }
        }
        if let stage {
            for key in Self.serviceKeys {
                guard let found = entry(key) else { continue }
                let allowed = key == "work_order" ? stage.isService : stage == .reception
                if !allowed {
                    log.error(
                        "recorded at \(key == "work_order" ? "reception and health_check" : "reception") only, not at \(stage.rawValue)",
                        at: found.keyAt,
                        item: key)
                }
            }
        }
        guard stage?.isService == true else { return nil }
        guard let value = log.require("work_order", in: top, at: location, item: nil), let order = log.text(value, item: nil, field: "work_order")
        else { return nil }
        var visit = ServiceVisit(workOrder: order)
        if let fuel = entry("fuel_level"), let percent = log.integer(fuel.value, item: nil, field: "fuel_level") {
            if percent < 0 || percent > 100 { log.error("fuel_level \(percent) must be 0-100 (percent)", at: fuel.value.location) }
            visit.fuelLevel = percent
        }
        if let list = entry("valuables"), let items = log.list(list.value, item: "valuables", field: "valuables") {
            visit.valuables = items.compactMap { log.text($0, item: "valuables", field: "valuable") }
        }
        if stage == .reception {
            if let ack = log.require("acknowledgement", in: top, at: location, item: nil), let pairs = log.mapping(ack, item: "acknowledgement") {
                log.rejectUnknownKeys(pairs, allowed: ["name", "at"], item: "acknowledgement")
                let name = log.require("name", in: pairs, at: ack.location, item: "acknowledgement").flatMap {
                    log.text($0, item: "acknowledgement", field: "name")
                }
                let at = log.require("at", in: pairs, at: ack.location, item: "acknowledgement").flatMap { readTimestamp($0, field: "at") }
                if let name, let at { visit.acknowledgement = .init(name: name, at: at) }
            }
        }
        return visit
    }
}
