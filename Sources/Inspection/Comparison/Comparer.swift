import Common

/// Compares an appraisal with an audit of the same car, using their template.
package enum Comparer {
    /// Compares; both submissions must be valid for `template`.
    /// Compares; both submissions must be valid for `template`. `transported` says a transport record (mode, route)
    /// lies between them: the car was on the road, so findings may be new once it went more than the policy's
    /// `possibly_new_after_km`; without one, the car only moved on site and anything beyond the appraisal -> audit
    /// allowance (the ledger's number for that leg) makes findings possibly new.
    package static func compare(
        appraisal: Submission, audit: Submission, template: ChecklistTemplate, policy: MileagePolicy, transported: Bool = false
    ) -> InspectionComparison {
        let before = Grader.assess(appraisal, template: template)
        let after = Grader.assess(audit, template: template)
        let km = DistanceUnit.kilometresBetween(
            (appraisal.odometer.reading, appraisal.odometer.unit), (audit.odometer.reading, audit.odometer.unit))
        let seconds = audit.inspectedAt.epochSeconds - appraisal.inspectedAt.epochSeconds
        let days = Double(seconds) / 86_400
        let rolledBack =
            audit.odometer.unit.exactKilometres(audit.odometer.reading) + (audit.odometer.unit == .km ? 1 : DistanceUnit.kilometresPerMile)
            <= appraisal.odometer.unit.exactKilometres(appraisal.odometer.reading)
        let thresholdKm = transported ? policy.possiblyNewAfterKm : policy.appraisalToAuditKm
        let mayBeNew = km > thresholdKm || days > Double(policy.possiblyNewAfterDays)
        let table = InspectionMessages.table
        let thresholds: [String: NoticeValue] = ["threshold_km": .int(thresholdKm), "threshold_days": .int(policy.possiblyNewAfterDays)]
        let verdict =
            mayBeNew
            ? Notice("compare.may_be_new", variant: transported ? "compare.may_be_new+transport" : nil, thresholds, table: table)
            : Notice("compare.most_likely_there", thresholds, table: table)
        var params = thresholds
        params["km"] = .int(km)
        params["back_km"] = .int(-km)
        params["hours"] = .int(Int(seconds / 3600))
        params["possibly_new"] = .text(mayBeNew ? "yes" : "no")
        params["transported"] = .text(transported ? "yes" : "no")
        let context = Notice(
            rolledBack ? "compare.context.rolled_back" : "compare.context.driven", params,
            labels: ["duration": InspectionMessages.duration(seconds: seconds), "verdict": verdict.message], table: table)
        var items: [Discrepancy] = []
        let rules = Context(template: template, before: before, after: after, mayBeNew: mayBeNew)
        if rolledBack {
            // The same car read less at the audit: a rollback (or a misread) between the two inspections, first on the list.
            let a = OdometerRecord.grouped(appraisal.odometer.reading), b = OdometerRecord.grouped(audit.odometer.reading)
            items.append(
                Discrepancy(
                    kind: .odometerRollback, severity: .critical, item: "odometer", label: LocalizedText(zh: "表显里程", en: "Odometer"),
                    appraisal: "\(a) \(appraisal.odometer.unit.rawValue)", audit: "\(b) \(audit.odometer.unit.rawValue)", degreeChange: nil,
                    scoreEffect: .zero, gradeEffect: nil, flag: nil, possiblyNew: false,
                    summary: Notice("compare.odometer_rollback", ["back_km": .int(-km)], table: table)))
        }

        // Defects, part by part in template order.
        let parts = template.partGroups.flatMap(\.parts).map(\.code)
        for part in parts {
            let a = appraisal.defects.filter { $0.part == part }, b = audit.defects.filter { $0.part == part }
            guard !a.isEmpty || !b.isEmpty else { continue }
            var onlyA: [Defect] = [], onlyB = b.sorted(by: Self.pairingOrder)
            for defect in a.sorted(by: Self.pairingOrder) {
                if let index = onlyB.firstIndex(where: { $0.type == defect.type }) {
                    items.append(rules.pair(defect, onlyB[index]))
                    onlyB.remove(at: index)
                } else {
                    onlyA.append(defect)
                }
            }
            while !onlyA.isEmpty && !onlyB.isEmpty { items.append(rules.typeChanged(onlyA.removeFirst(), onlyB.removeFirst())) }
            items += onlyA.map { rules.single($0, missedByAppraiser: false) }
            items += onlyB.map { rules.single($0, missedByAppraiser: true) }
        }
        // Checks, in template order; only those answered differently.
        let answersA = Dictionary(appraisal.checks.map { ($0.id, $0.result) }, uniquingKeysWith: { first, _ in first })
        let answersB = Dictionary(audit.checks.map { ($0.id, $0.result) }, uniquingKeysWith: { first, _ in first })
        for section in template.checkSections {
            for check in section.checks where answersA[check.id] != answersB[check.id] {
                // An optional panel left out by one side and answered ok by the other is no discrepancy.
                let a = answersA[check.id], b = answersB[check.id]
                if (a == nil && (b == .ok || b == .na)) || (b == nil && (a == .ok || a == .na)) { continue }
                items.append(rules.check(section: section, check: check, a, b))
            }
        }
        let ordered = items.enumerated().sorted { ($0.element.severity, $0.offset) < ($1.element.severity, $1.offset) }.map(\.element)
        return InspectionComparison(
            items: ordered, appraisalTotal: before.total, appraisalGrade: before.grade, auditTotal: after.total, auditGrade: after.grade,
            flagsAdded: after.flags.map(\.id).filter { !before.has($0) }, flagsRemoved: before.flags.map(\.id).filter { !after.has($0) },
            kmBetween: km, secondsBetween: seconds, context: context)
    }

    /// The order in which one part's defects are paired (same type first, then the rest one by one as type changes):
    /// by defect type code, then degree, so the pairing does not depend on the order a submission lists them in.
    static func pairingOrder(_ a: Defect, _ b: Defect) -> Bool { (a.type, a.degree ?? 0) < (b.type, b.degree ?? 0) }

    /// What the classification rules need.
    private struct Context {
        let template: ChecklistTemplate
        let before: Assessment
        let after: Assessment
        let mayBeNew: Bool

        func deduction(_ assessment: Assessment, _ item: String?) -> Points {
            guard let item else { return .zero }
            return assessment.deductions.filter { $0.item == item }.reduce(.zero) { $0 + $1.points }
        }

        /// The appraisal's grade with one item changed by `effect` and, optionally, a flag added.
        func grade(effect: Points, flag: String?) -> ChecklistTemplate.Grade? {
            guard let scoring = template.scoring, let total = before.total else { return nil }
            var grade = Grader.band(for: total + effect, in: scoring)
            let accident = before.flags.contains { $0.id == scoring.accidentFlag } || (flag != nil && flag == scoring.accidentFlag)
            if accident, let accidentGrade = scoring.accidentGrade { grade = accidentGrade }
            return grade == before.grade ? nil : grade
        }

        func labels(_ defect: Defect) -> (group: ChecklistTemplate.PartGroup?, part: LocalizedText, type: LocalizedText) {
            let unknownType = LocalizedText(zh: defect.type, en: defect.type)
            guard let (group, part) = template.part(defect.part) else { return (nil, LocalizedText(zh: defect.part, en: defect.part), unknownType) }
            let type = group.defectTypes.first { $0.code == defect.type }?.label ?? unknownType
            return (group, part.label, LocalizedText(zh: type.zh, en: type.en.lowercased()))
        }

        /// A summary notice about one defect (`code`, part and defect type as labels).
        func notice(
            _ code: String, variant: String? = nil, _ defect: Defect, _ extra: [String: NoticeValue] = [:], labels more: [String: LocalizedText] = [:]
        ) -> Notice {
            let (_, part, type) = labels(defect)
            var params: [String: NoticeValue] = ["code": .text(defect.code), "part_code": .text(defect.part), "defect_type": .text(defect.type)]
            params.merge(extra) { _, new in new }
            return Notice(
                code, variant: variant, params, labels: ["part": part, "defect": type].merging(more) { _, new in new },
                table: InspectionMessages.table)
        }

        func pair(_ a: Defect, _ b: Defect) -> Discrepancy {
            let (group, label, _) = labels(a)
            let change = (b.degree ?? 0) - (a.degree ?? 0)
            let effect = deduction(before, a.code) - deduction(after, b.code)
            if change == 0 {
                return Discrepancy(
                    kind: .confirmed, severity: .none, item: a.part, label: label, appraisal: a.code, audit: b.code, degreeChange: nil,
                    scoreEffect: .zero,
                    gradeEffect: nil, flag: group?.raises, possiblyNew: false, summary: notice("compare.confirmed", a))
            }
            let gradeEffect = grade(effect: effect, flag: nil)
            let severity: Discrepancy.Severity = abs(change) >= 2 || gradeEffect != nil ? .major : .minor
            return Discrepancy(
                kind: .degreeChanged, severity: severity, item: a.part, label: label, appraisal: a.code, audit: b.code, degreeChange: change,
                scoreEffect: effect, gradeEffect: gradeEffect, flag: nil, possiblyNew: change > 0 && mayBeNew,
                summary: notice("compare.degree_changed", a, ["from": .int(a.degree ?? 0), "to": .int(b.degree ?? 0)]))
        }

        func typeChanged(_ a: Defect, _ b: Defect) -> Discrepancy {
            let (group, label, _) = labels(a)
            let effect = deduction(before, a.code) - deduction(after, b.code)
            let flag = group?.raises
            return Discrepancy(
                kind: .typeChanged, severity: flag != nil ? .critical : .major, item: a.part, label: label, appraisal: a.code, audit: b.code,
                degreeChange: nil, scoreEffect: effect, gradeEffect: grade(effect: effect, flag: nil), flag: flag, possiblyNew: mayBeNew,
                summary: notice("compare.type_changed", a, ["appraisal_code": .text(a.code), "audit_code": .text(b.code)]))
        }

        func single(_ defect: Defect, missedByAppraiser: Bool) -> Discrepancy {
            let (group, label, _) = labels(defect)
            let flag = group?.raises
            let effect = missedByAppraiser ? .zero - deduction(after, defect.code) : deduction(before, defect.code)
            var severity: Discrepancy.Severity = .minor
            let gradeEffect = missedByAppraiser ? grade(effect: effect, flag: flag) : grade(effect: effect, flag: nil)
            if flag != nil { severity = .critical } else if (defect.degree ?? 0) >= 3 || gradeEffect != nil { severity = .major }
            let summary =
                missedByAppraiser
                ? notice(
                    "compare.missed_by_appraiser", variant: gradeEffect == nil ? nil : "compare.missed_by_appraiser+grade", defect,
                    gradeEffect.map { ["grade": .text($0.id)] } ?? [:], labels: gradeEffect.map { ["grade": $0.label] } ?? [:])
                : notice("compare.not_confirmed", defect)
            return Discrepancy(
                kind: missedByAppraiser ? .missedByAppraiser : .notConfirmedByAuditor, severity: severity, item: defect.part, label: label,
                appraisal: missedByAppraiser ? nil : defect.code, audit: missedByAppraiser ? defect.code : nil, degreeChange: nil,
                scoreEffect: effect,
                gradeEffect: gradeEffect, flag: flag, possiblyNew: missedByAppraiser && mayBeNew, summary: summary)
        }

        /// A check answered differently, classed like a defect: a finding (minor/major) only the auditor made is missed
        /// by the appraiser (an optional panel the appraiser left unanswered included), one only the appraiser made is
        /// not confirmed, minor <-> major is a changed result.
        func check(section: ChecklistTemplate.CheckSection, check: ChecklistTemplate.Check, _ a: CheckResult?, _ b: CheckResult?) -> Discrepancy {
            let flag = (b == .major || a == .major) ? (check.raises ?? section.raises) : nil
            let effect = deduction(before, a == nil ? nil : check.id) - deduction(after, b == nil ? nil : check.id)
            let worse = rank(b) > rank(a)
            let kind: Discrepancy.Kind
            let code: String
            switch (rank(a) > 0, rank(b) > 0) {
            case (false, true):
                kind = .missedByAppraiser
                code = "compare.check_missed"
            case (true, false):
                kind = .notConfirmedByAuditor
                code = "compare.check_not_confirmed"
            default:
                kind = .checkChanged
                code = "compare.check_changed"
            }
            var severity: Discrepancy.Severity = .minor
            if flag != nil { severity = .critical } else if a == .major || b == .major { severity = .major }
            let gradeEffect = grade(effect: effect, flag: kind == .missedByAppraiser ? flag : nil)
            if gradeEffect != nil, severity > .major { severity = .major }  // moving the car across a grade band is at least major
            var params: [String: NoticeValue] = [
                "check": .text(check.id), "appraisal_result": .text(a?.rawValue ?? "none"), "audit_result": .text(b?.rawValue ?? "none"),
            ]
            var labels: [String: LocalizedText] = [
                "name": check.label, "appraisal_result": InspectionMessages.checkResult(a), "audit_result": InspectionMessages.checkResult(b),
            ]
            var variant: String?
            if let gradeEffect, kind == .missedByAppraiser {
                variant = code + "+grade"
                params["grade"] = .text(gradeEffect.id)
                labels["grade"] = gradeEffect.label
            }
            let summary = Notice(code, variant: variant, params, labels: labels, table: InspectionMessages.table)
            return Discrepancy(
                kind: kind, severity: severity, item: check.id, label: check.label, appraisal: a?.rawValue, audit: b?.rawValue,
                degreeChange: nil,
                scoreEffect: effect, gradeEffect: gradeEffect, flag: flag, possiblyNew: worse && mayBeNew, summary: summary)
        }

        func rank(_ result: CheckResult?) -> Int {
            switch result {
            case .major?, .urgent?: 3
            case .minor?, .advise?: 2
            case .ok?, .na?, nil: 0
            }
        }
    }
}
