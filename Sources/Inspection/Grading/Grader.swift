import Common

/// Scores an inspection against its template: section deductions, total, grade band, and flags.
package enum Grader {
    /// Grades `submission`. Defects and checks must already be valid for `template`.
    package static func assess(_ submission: Submission, template: ChecklistTemplate) -> Assessment {
        var deductions: [Assessment.Deduction] = []
        var causes: [String: [String]] = [:]

        for defect in submission.defects {
            guard let (group, part) = template.part(defect.part) else { continue }
            let type = group.defectTypes.first { $0.code == defect.type }
            if let flag = group.raises { causes[flag, default: []].append(defect.code) }
            if let section = group.section, let degreeValue = defect.degree, degreeValue >= 1, degreeValue <= group.degrees.count {
                let degree = group.degrees[degreeValue - 1]
                let reason = LocalizedText(
                    zh: "\(part.label.zh) \(type?.label.zh ?? defect.type) 程度\(degreeValue)",
                    en: "\(part.label.en), \(type?.label.en ?? defect.type), degree \(degreeValue)")
                deductions.append(.init(section: section, item: defect.code, reason: reason, points: degree.deduction))
            }
        }
        for entry in submission.checks {
            guard let (section, check) = template.check(entry.id) else { continue }
            if entry.result == .major {
                for flag in [section.raises, check.raises].compactMap({ $0 }) where !(causes[flag]?.contains(entry.id) ?? false) {
                    causes[flag, default: []].append(entry.id)
                }
            }
            if let scored = section.section, let points = section.deductions[entry.result], points > .zero {
                let reason = LocalizedText(zh: "\(check.label.zh)：\(entry.result.rawValue)", en: "\(check.label.en): \(entry.result.rawValue)")
                deductions.append(.init(section: scored, item: entry.id, reason: reason, points: points))
            }
        }
        let flags = template.flags.compactMap { flag in
            causes[flag.id].map { Assessment.RaisedFlag(id: flag.id, label: flag.label, causes: $0) }
        }
        guard let scoring = template.scoring else {
            return Assessment(sections: [], total: nil, grade: nil, deductions: deductions, flags: flags)
        }
        var total = Points.zero
        let sections = scoring.sections.map { section in
            let deducted = deductions.filter { $0.section == section.id }.reduce(Points.zero) { $0 + $1.points }
            let score = max(.zero, section.points - deducted)
            total += score
            return Assessment.SectionScore(id: section.id, label: section.label, allowance: section.points, deducted: deducted, score: score)
        }
        var grade = band(for: total, in: scoring)
        if let accidentFlag = scoring.accidentFlag, let accidentGrade = scoring.accidentGrade, causes[accidentFlag] != nil {
            grade = accidentGrade
        }
        return Assessment(sections: sections, total: total, grade: grade, deductions: deductions, flags: flags)
    }

    /// The band whose minimum is the highest one not above `total`.
    package static func band(for total: Points, in scoring: ChecklistTemplate.Scoring) -> ChecklistTemplate.Grade? {
        scoring.grades.first { total >= $0.minimum }
    }
}
