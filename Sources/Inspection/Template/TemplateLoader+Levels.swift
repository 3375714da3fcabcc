import Common

extension TemplateLoader.Reader {
    /// `result_levels: {ok: {zh: 正常, en: OK}, advise: {...}, urgent: {...}}`: the vocabulary a template's checks
    /// answer in, each a known result with its labels; `ok` must be one.
    mutating func resultLevels(_ value: YAMLValue) -> [ChecklistTemplate.ResultLevel] {
        guard let pairs = log.mapping(value, item: "result_levels") else { return [] }
        var levels: [ChecklistTemplate.ResultLevel] = []
        for pair in pairs {
            let item = "result level \"\(pair.key)\""
            guard let result = CheckResult(rawValue: pair.key) else {
                log.error("unknown result level (known: \(CheckResult.allNames.joined(separator: " ")))", at: pair.keyAt, item: item)
                continue
            }
            if let label = label(pair.value, item: item, extra: []) { levels.append(.init(result: result, label: label)) }
        }
        if !levels.contains(where: { $0.result == .ok }) { log.error("result_levels must include ok", at: value.location, item: "result_levels") }
        return levels
    }

    /// `measure: {unit: mm, min: 0, max: 12}`.
    mutating func measure(_ value: YAMLValue, item: String) -> ChecklistTemplate.Measure? {
        guard let pairs = log.mapping(value, item: item) else { return nil }
        log.rejectUnknownKeys(pairs, allowed: ["unit", "min", "max"], item: item)
        let unit = log.require("unit", in: pairs, at: value.location, item: item).flatMap { log.text($0, item: item, field: "unit") }
        let low = log.require("min", in: pairs, at: value.location, item: item).flatMap { log.number($0, item: item, field: "min") }
        let high = log.require("max", in: pairs, at: value.location, item: item).flatMap { log.number($0, item: item, field: "max") }
        guard let unit, let low, let high else { return nil }
        guard low < high else {
            log.error("measure min \(low) must be below max \(high)", at: value.location, item: item)
            return nil
        }
        return .init(unit: unit, min: low, max: high)
    }
}
