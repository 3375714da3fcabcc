import Common

/// What a defect may say beside its code: where on the part it is (`position`, the wheel of a tyre) and the measured
/// value of a degree that is a measurement (`value`, the tread depth in mm).
struct DefectDetail {
    /// Given as a bare code, which can carry neither.
    var compact: Bool
    var position: String?
    var positionAt: SourceLocation?
    var value: Double?
    var valueAt: SourceLocation?

    init(compact: Bool) { self.compact = compact }

    mutating func read(_ pairs: SubmissionReader.Pairs, log: inout DiagnosticLog, item: String) {
        if let entry = pairs.first(where: { $0.key == "position" })?.value, !entry.isNull {
            position = log.text(entry, item: item, field: "position")
            positionAt = entry.location
        }
        if let entry = pairs.first(where: { $0.key == "value" })?.value, !entry.isNull {
            value = log.number(entry, item: item, field: "value")
            valueAt = entry.location
        }
    }
}

extension SubmissionReader {
    /// A defect's position and value checked against its group and degree: a group of several parts in one (the
    /// tyres) needs the position, a degree that is a measurement needs its value within range, and neither is given
    /// where it means nothing.
    mutating func checkDetail(_ detail: DefectDetail, of defect: Defect, template: ChecklistTemplate, at: SourceLocation, item: String) -> Bool {
        guard let (group, part) = template.part(defect.part) else { return true }
        let degree = defect.degree.flatMap { degree in group.degrees.first { $0.value == degree } }
        let measure = degree?.measure
        let example =
            "e.g. {code: \(defect.code)" + (group.positions.isEmpty ? "" : ", position: \(group.positions[0].id)")
            + (measure == nil ? "" : ", value: \(NoticeValue.decimal(measure.map { ($0.min + $0.max) / 2 } ?? 0))") + "}"
        if detail.compact, !group.positions.isEmpty || measure != nil {
            let what = [group.positions.isEmpty ? nil : "which wheel", measure.map { "the \($0.label?.en ?? "value") in \($0.unit)" }]
                .compactMap { $0 }.joined(separator: " and ")
            log.error("\(part.label.en) \(defect.code) must say \(what): give it as a mapping, \(example)", at: at, item: item)
            return false
        }
        var ok = true
        if let position = detail.position, !group.positions.contains(where: { $0.id == position }) {
            let allowed = group.positions.map(\.id).joined(separator: " ")
            log.error(
                group.positions.isEmpty
                    ? "\(group.id) part \(defect.part) takes no position" : "unknown position \"\(position)\" (allowed: \(allowed))",
                at: detail.positionAt ?? at, item: item)
            ok = false
        } else if detail.position == nil, !group.positions.isEmpty {
            let allowed = group.positions.map(\.id).joined(separator: " ")
            log.error("\(part.label.en) \(defect.code): position missing (allowed: \(allowed)), \(example)", at: at, item: item)
            ok = false
        }
        switch (measure, detail.value) {
        case let (measure?, value?) where value < measure.min || value >= measure.max:
            log.error(
                "\(measure.label?.en ?? "value") \(NoticeValue.decimal(value)) \(measure.unit) does not fit degree \(defect.degree ?? 0), \(degree?.label.en ?? "")"
                    + " (at least \(NoticeValue.decimal(measure.min)) and under \(NoticeValue.decimal(measure.max)) \(measure.unit))",
                at: detail.valueAt ?? at, item: item)
            ok = false
        case let (measure?, nil):
            log.error(
                "\(defect.code) is a measurement: value missing (\(measure.label?.en ?? "value") in \(measure.unit)), \(example)", at: at, item: item)
            ok = false
        case (nil, .some):
            log.error("\(defect.code) measures no value (only a degree that is a measurement does)", at: detail.valueAt ?? at, item: item)
            ok = false
        default: break
        }
        return ok
    }
}
