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

    /// `measure: {unit: mm, min: 0, max: 12}`, optionally named (`zh: 花纹深度, en: tread depth`).
    mutating func measure(_ value: YAMLValue, item: String) -> ChecklistTemplate.Measure? {
        guard let pairs = log.mapping(value, item: item) else { return nil }
        log.rejectUnknownKeys(pairs, allowed: ["unit", "min", "max", "zh", "en"], item: item)
        let named = pairs.contains { $0.key == "zh" || $0.key == "en" }
        let name = named ? label(value, item: item, extra: ["unit", "min", "max"]) : nil
        let unit = log.require("unit", in: pairs, at: value.location, item: item).flatMap { log.text($0, item: item, field: "unit") }
        let low = log.require("min", in: pairs, at: value.location, item: item).flatMap { log.number($0, item: item, field: "min") }
        let high = log.require("max", in: pairs, at: value.location, item: item).flatMap { log.number($0, item: item, field: "max") }
        guard let unit, let low, let high else { return nil }
        guard low < high else {
            log.error("measure min \(low) must be below max \(high)", at: value.location, item: item)
            return nil
        }
        return .init(label: name, unit: unit, min: low, max: high)
    }

    /// A part group's `degrees: {1: {zh, en, deduction, safety, measure}, ...}`, numbered 1, 2, 3 ... in order;
    /// `section` is the scoring section the group is deducted from (each degree then needs a deduction).
    mutating func degrees(_ list: YAMLValue, item: String, section: String?) -> [ChecklistTemplate.Degree] {
        guard let entries = log.mapping(list, item: item) else { return [] }
        var degrees: [ChecklistTemplate.Degree] = []
        for (offset, entry) in entries.enumerated() {
            let degreeItem = "\(item) degree \(entry.key)"
            guard let number = Int(entry.key), number == offset + 1 else {
                log.error("degrees must be numbered 1, 2, 3 ... in order", at: entry.keyAt, item: degreeItem)
                continue
            }
            guard let l = label(entry.value, item: degreeItem, extra: ["deduction", "safety", "measure"]) else { continue }
            let deduction = entry.value["deduction"].flatMap { log.points($0, item: degreeItem, field: "deduction") }
            let safety = entry.value["safety"].flatMap { log.choice($0, allowed: ["true", "false"], item: degreeItem, field: "safety") }
            if entry.value["deduction"] == nil, section != nil {
                log.error(
                    "missing required key \"deduction\" (the group is scored in section \"\(section ?? "")\")", at: entry.value.location,
                    item: degreeItem)
            }
            let measure = entry.value["measure"].flatMap { self.measure($0, item: "\(degreeItem) measure") }
            degrees.append(.init(value: number, label: l, deduction: deduction ?? .zero, safety: safety == "true", measure: measure))
        }
        return degrees
    }

    /// A part group's `positions: {left_front: {zh: 左前, en: left front}, ...}`: where on the part a finding is.
    mutating func positions(_ value: YAMLValue, item: String) -> [ChecklistTemplate.Term] {
        guard let entries = log.mapping(value, item: item) else { return [] }
        let terms = entries.compactMap { entry in
            label(entry.value, item: "\(item) position \"\(entry.key)\"", extra: []).map { ChecklistTemplate.Term(id: entry.key, label: $0) }
        }
        if terms.isEmpty { log.error("positions must name at least one", at: value.location, item: item) }
        return terms
    }
}
