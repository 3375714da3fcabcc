import Common
import Foundation

/// Reading a template's scoring: section allowances, deductions, grade bands, and the cross-checks between them.
extension TemplateLoader.Reader {
    mutating func scoring(_ value: YAMLValue, flags: [String]) -> ChecklistTemplate.Scoring? {
        let item = "scoring"
        guard let pairs = log.mapping(value, item: item) else { return nil }
        log.rejectUnknownKeys(pairs, allowed: ["total", "sections", "grades", "accident", "ungraded"], item: item)
        let total = log.require("total", in: pairs, at: value.location, item: item).flatMap { log.points($0, item: item, field: "total") }
        var sections: [ChecklistTemplate.ScoreSection] = []
        if let map = log.require("sections", in: pairs, at: value.location, item: item), let entries = log.mapping(map, item: item) {
            for entry in entries {
                let sectionItem = "scoring section \"\(entry.key)\""
                guard let l = label(entry.value, item: sectionItem, extra: ["points"]) else { continue }
                guard
                    let pointsValue = log.require(
                        "points", in: log.mapping(entry.value, item: sectionItem) ?? [], at: entry.value.location, item: sectionItem),
                    let points = log.points(pointsValue, item: sectionItem, field: "points")
                else { continue }
                sections.append(.init(id: entry.key, label: l, points: points))
            }
            let sum = sections.reduce(Points.zero) { $0 + $1.points }
            if let total, sum != total {
                log.error("section allowances add up to \(sum), not the total \(total)", at: map.location, item: item)
            }
        }
        var grades: [ChecklistTemplate.Grade] = []
        if let list = log.require("grades", in: pairs, at: value.location, item: item), let entries = log.list(list, item: item, field: "grades") {
            for entry in entries {
                guard let gradePairs = log.mapping(entry, item: "grade") else { continue }
                guard let grade = grade(entry, pairs: gradePairs, needsMinimum: true) else { continue }
                if let last = grades.last, grade.minimum >= last.minimum {
                    log.error("grade bands must be listed best first with falling minimums", at: entry.location, item: "grade \"\(grade.id)\"")
                }
                grades.append(grade)
            }
            if let last = grades.last, last.minimum != .zero {
                log.error("the lowest grade band must start at 0 so every score has a grade", at: list.location, item: item)
            }
            if grades.isEmpty { log.error("no grade bands", at: list.location, item: item) }
        }
        var accidentGrade: ChecklistTemplate.Grade?
        var accidentFlag: String?
        if let accident = pairs.first(where: { $0.key == "accident" })?.value, let accidentPairs = log.mapping(accident, item: "scoring.accident") {
            log.rejectUnknownKeys(accidentPairs, allowed: ["flag", "grade"], item: "scoring.accident")
            accidentFlag = log.require("flag", in: accidentPairs, at: accident.location, item: "scoring.accident").flatMap {
                log.choice($0, allowed: flags, item: "scoring.accident", field: "flag")
            }
            if let gradeValue = log.require("grade", in: accidentPairs, at: accident.location, item: "scoring.accident"),
                let gradePairs = log.mapping(gradeValue, item: "scoring.accident.grade")
            {
                accidentGrade = grade(gradeValue, pairs: gradePairs, needsMinimum: false)
            }
        }
        var ungraded: [String] = []
        if let list = pairs.first(where: { $0.key == "ungraded" })?.value, let entries = log.list(list, item: item, field: "ungraded") {
            ungraded = entries.compactMap { log.choice($0, allowed: flags, item: item, field: "ungraded flag") }
        }
        guard let total else { return nil }
        return .init(
            total: total, sections: sections, grades: grades, accidentGrade: accidentGrade, accidentFlag: accidentFlag, ungradedFlags: ungraded)
    }

    mutating func grade(_ value: YAMLValue, pairs: [(key: String, keyAt: SourceLocation, value: YAMLValue)], needsMinimum: Bool)
        -> ChecklistTemplate.Grade?
    {
        let allowed = needsMinimum ? ["id", "zh", "en", "min"] : ["id", "zh", "en"]
        log.rejectUnknownKeys(pairs, allowed: allowed, item: "grade")
        let id = log.require("id", in: pairs, at: value.location, item: "grade").flatMap { log.text($0, item: "grade", field: "id") }
        let zh = log.require("zh", in: pairs, at: value.location, item: "grade").flatMap { log.text($0, item: "grade", field: "zh") }
        let en = log.require("en", in: pairs, at: value.location, item: "grade").flatMap { log.text($0, item: "grade", field: "en") }
        var minimum = Points.zero
        if needsMinimum {
            guard let value = log.require("min", in: pairs, at: value.location, item: "grade"),
                let points = log.points(value, item: "grade", field: "min")
            else {
                return nil
            }
            minimum = points
        }
        guard let id, let zh, let en else { return nil }
        return .init(id: id, label: LocalizedText(zh: zh, en: en), minimum: minimum)
    }

    mutating func crossCheck(
        groups: [ChecklistTemplate.PartGroup], sections: [ChecklistTemplate.CheckSection], scoring: ChecklistTemplate.Scoring?,
        at location: SourceLocation
    ) {
        let scoreSections = scoring?.sections.map(\.id) ?? []
        var seenParts: [String: String] = [:]
        var seenGroups = Set<String>()
        for group in groups {
            if !seenGroups.insert(group.id).inserted { log.error("part group id used twice", at: location, item: "part group \"\(group.id)\"") }
            var seenDefects = Set<String>()
            for type in group.defectTypes where !seenDefects.insert(type.code).inserted {
                log.error("defect type listed twice", at: location, item: "part group \"\(group.id)\" defect \"\(type.code)\"")
            }
            for part in group.parts {
                if let other = seenParts[part.code] {
                    log.error("part code used twice (in \"\(other)\" and \"\(group.id)\")", at: location, item: "part \"\(part.code)\"")
                }
                seenParts[part.code] = group.id
            }
            if let section = group.section, !scoreSections.contains(section) {
                log.error(
                    "scored in unknown section \"\(section)\" (scoring sections: \(scoreSections.joined(separator: " ")))", at: location,
                    item: "part group \"\(group.id)\"")
            }
        }
        var seenSections = Set<String>()
        for section in sections {
            if !seenSections.insert(section.id).inserted {
                log.error("check section id used twice", at: location, item: "check section \"\(section.id)\"")
            }
            if let scored = section.section, !scoreSections.contains(scored) {
                log.error(
                    "scored in unknown section \"\(scored)\" (scoring sections: \(scoreSections.joined(separator: " ")))", at: location,
                    item: "check section \"\(section.id)\"")
            }
        }
        if let scoring {
            let used = Set(groups.compactMap(\.section) + sections.compactMap(\.section))
            for section in scoring.sections where !used.contains(section.id) {
                log.error("no part group or check section is scored here", at: location, item: "scoring section \"\(section.id)\"")
            }
            if (scoring.accidentGrade == nil) != (scoring.accidentFlag == nil) {
                log.error("scoring.accident needs both flag and grade", at: location, item: "scoring")
            }
        }
    }
}
