import Common
import Inspection

/// `inspect compare` as text, in one language.
package enum ComparisonRenderer {
    /// The comparison of `vin` in `l`, ending with a newline; a flag reads by its name in `flagNames`.
    package static func text(
        vin: String, appraisal: Submission, audit: Submission, comparison: InspectionComparison, evidence: ComparisonEvidence?,
        flags flagNames: [String: LocalizedText], language l: ReportLanguage
    ) -> String {
        let zh = l == .zh
        var lines: [String] = []
        lines.append(
            zh
                ? "车架号 \(vin)：评估 \(appraisal.inspector.id)（\(appraisal.inspectedAt)）对比稽查 \(audit.inspector.id)（\(audit.inspectedAt)）"
                : "VIN \(vin): appraisal by \(appraisal.inspector.id) (\(appraisal.inspectedAt)) vs audit by \(audit.inspector.id) (\(audit.inspectedAt))"
        )
        func grade(_ total: Points?, _ grade: ChecklistTemplate.Grade?) -> String {
            guard let total, let grade else { return zh ? "不评级" : "not graded" }
            return "\(total) \(l.pick(grade.label))"
        }
        let before = grade(comparison.appraisalTotal, comparison.appraisalGrade), after = grade(comparison.auditTotal, comparison.auditGrade)
        lines.append(zh ? "  得分：评估 \(before) -> 稽查 \(after)" : "  score: appraisal \(before) -> audit \(after)")
        func flags(_ ids: [String]) -> String {
            ids.map { id in flagNames[id].map(l.pick) ?? id }.joined(separator: zh ? "、" : ", ")
        }
        if !comparison.flagsAdded.isEmpty { lines.append((zh ? "  稽查新增标记：" : "  flags raised by the audit: ") + flags(comparison.flagsAdded)) }
        if !comparison.flagsRemoved.isEmpty {
            lines.append((zh ? "  稽查未确认的标记：" : "  flags the audit did not confirm: ") + flags(comparison.flagsRemoved))
        }
        lines.append((zh ? "  背景：" : "  context: ") + l.say(comparison.context))
        let discrepancies = comparison.discrepancies
        lines.append("")
        lines.append(
            discrepancies.isEmpty
                ? (zh ? "无差异" : "no discrepancies")
                : (zh ? "差异 \(discrepancies.count) 项：" : "\(discrepancies.count) discrepanc\(discrepancies.count == 1 ? "y" : "ies"):"))
        for item in discrepancies {
            var line =
                zh
                ? "  [\(l.severity(item.severity.rawValue))] \(l.say(item.summary))"
                : "  [\(item.severity.rawValue)] \(item.kind.rawValue): \(l.say(item.summary))"
            if item.scoreEffect != .zero { line += (zh ? "；得分 " : "; score ") + "\(item.scoreEffect.hundredths > 0 ? "+" : "")\(item.scoreEffect)" }
            if item.possiblyNew { line += zh ? "；可能为评估后新增" : "; possibly new since the appraisal" }
            lines.append(line)
        }
        let confirmed = comparison.items.filter { $0.kind == .confirmed }
        if !confirmed.isEmpty { lines.append((zh ? "一致：" : "confirmed: ") + confirmed.compactMap(\.audit).joined(separator: " ")) }
        if let evidence { lines += Self.evidence(evidence, language: l) }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func evidence(_ evidence: ComparisonEvidence, language l: ReportLanguage) -> [String] {
        let zh = l == .zh
        var lines: [String] = []
        let none = zh ? "无" : "none"
        let withPhotos = evidence.defects.filter { !$0.appraisal.isEmpty || !$0.audit.isEmpty }
        if !withPhotos.isEmpty {
            lines += ["", zh ? "缺陷照片：" : "defect photos:"]
            for entry in withPhotos {
                let appraisal = entry.appraisal.isEmpty ? none : entry.appraisal.joined(separator: " ")
                let audit = entry.audit.isEmpty ? none : entry.audit.joined(separator: " ")
                lines.append(zh ? "  \(entry.item)：评估 \(appraisal)；稽查 \(audit)" : "  \(entry.item): appraisal \(appraisal); audit \(audit)")
            }
        }
        let look = evidence.angles.filter(\.worthALook)
        lines.append("")
        lines.append(
            zh
                ? "同角度照片：\(evidence.angles.count) 组，\(look.count) 组值得复核"
                : "same-angle photos: \(evidence.angles.count) pairs, \(look.count) worth a look")
        for pair in look {
            lines.append(
                zh
                    ? "  \(pair.angle)：pHash 距离 \(pair.distance)：\(pair.appraisal) 对比 \(pair.audit)"
                    : "  \(pair.angle): pHash distance \(pair.distance): \(pair.appraisal) vs \(pair.audit)")
        }
        return lines
    }

    /// The accuracy report as text in `l`.
    package static func text(accuracy: AccuracyReport, from: String, to: String, language l: ReportLanguage) -> String {
        let zh = l == .zh
        var lines = [zh ? "评估师（\(from) 至 \(to)）：" : "appraisers (\(from) .. \(to)):"]
        for a in accuracy.appraisers {
            let who = "\(a.id)\(a.name.map { " \($0)" } ?? "")"
            lines.append(
                zh
                    ? "  \(who)：\(a.cars) 辆，差异 \(a.discrepancies) 项（每辆 \(a.perCar)），漏检结构件 \(a.missedStructural)，严重 \(a.critical)，异议成立 \(a.disputesUpheld)，漏检项目被质保索赔 \(a.claimsMissed)（费用 \(a.claimsMissedCost)），客户投诉未记录缺陷 \(a.complaintsOnMisses)"
                    : "  \(who): \(a.cars) cars, \(a.discrepancies) discrepancies (\(a.perCar) per car), \(a.missedStructural) missed structural, \(a.critical) critical, \(a.disputesUpheld) disputes upheld, \(a.claimsMissed) missed items claimed under warranty (cost \(a.claimsMissedCost)), \(a.complaintsOnMisses) customer complaints about unrecorded defects"
            )
            if !a.mostMissed.isEmpty {
                lines.append(
                    (zh ? "    最常漏检：" : "    most missed: ")
                        + a.mostMissed.map { "\(l.pick($0.label)) \($0.code) x\($0.count)" }.joined(separator: zh ? "，" : ", "))
            }
        }
        lines.append(zh ? "稽查师：" : "auditors:")
        for a in accuracy.auditors {
            let who = "\(a.id)\(a.name.map { " \($0)" } ?? "")"
            lines.append(
                zh
                    ? "  \(who)：稽查 \(a.cars) 辆，发现差异 \(a.discrepancies) 项，严重 \(a.critical)"
                    : "  \(who): \(a.cars) cars audited, \(a.discrepancies) discrepancies found, \(a.critical) critical")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
