import Common
import Inspection

/// `inspect compare` as text.
package enum ComparisonRenderer {
    /// The comparison of `vin`, ending with a newline.
    package static func text(vin: String, appraisal: Submission, audit: Submission, comparison: InspectionComparison, evidence: ComparisonEvidence?)
        -> String
    {
        var lines: [String] = []
        lines.append(
            "VIN \(vin): appraisal by \(appraisal.inspector.id) (\(appraisal.inspectedAt)) vs audit by \(audit.inspector.id) (\(audit.inspectedAt))")
        func grade(_ total: Points?, _ grade: ChecklistTemplate.Grade?) -> String {
            guard let total, let grade else { return "not graded" }
            return "\(total) \(grade.label.zh) (\(grade.label.en))"
        }
        lines.append(
            "  score: appraisal \(grade(comparison.appraisalTotal, comparison.appraisalGrade)) -> audit \(grade(comparison.auditTotal, comparison.auditGrade))"
        )
        if !comparison.flagsAdded.isEmpty { lines.append("  flags raised by the audit: \(comparison.flagsAdded.joined(separator: " "))") }
        if !comparison.flagsRemoved.isEmpty { lines.append("  flags the audit did not confirm: \(comparison.flagsRemoved.joined(separator: " "))") }
        lines.append("  context: \(comparison.context.message.en)")
        let discrepancies = comparison.discrepancies
        lines.append("")
        lines.append(discrepancies.isEmpty ? "no discrepancies" : "\(discrepancies.count) discrepanc\(discrepancies.count == 1 ? "y" : "ies"):")
        for item in discrepancies {
            var line = "  [\(item.severity.rawValue)] \(item.kind.rawValue): \(item.summary.message.en)"
            if item.scoreEffect != .zero { line += "; score \(item.scoreEffect.hundredths > 0 ? "+" : "")\(item.scoreEffect)" }
            if item.possiblyNew { line += "; possibly new since the appraisal" }
            lines.append(line)
        }
        let confirmed = comparison.items.filter { $0.kind == .confirmed }
        if !confirmed.isEmpty { lines.append("confirmed: " + confirmed.compactMap(\.audit).joined(separator: " ")) }
        if let evidence {
            let withPhotos = evidence.defects.filter { !$0.appraisal.isEmpty || !$0.audit.isEmpty }
            if !withPhotos.isEmpty {
                lines.append("")
                lines.append("defect photos:")
                for entry in withPhotos {
                    lines.append(
                        "  \(entry.item): appraisal \(entry.appraisal.isEmpty ? "none" : entry.appraisal.joined(separator: " ")); audit \(entry.audit.isEmpty ? "none" : entry.audit.joined(separator: " "))"
                    )
                }
            }
            let look = evidence.angles.filter(\.worthALook)
            lines.append("")
            lines.append("same-angle photos: \(evidence.angles.count) pairs, \(look.count) worth a look")
            for pair in look { lines.append("  \(pair.angle): pHash distance \(pair.distance): \(pair.appraisal) vs \(pair.audit)") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The accuracy report as text.
    package static func text(accuracy: AccuracyReport, from: String, to: String) -> String {
        var lines = ["appraisers (\(from) .. \(to)):"]
        for a in accuracy.appraisers {
            lines.append(
                "  \(a.id)\(a.name.map { " \($0)" } ?? ""): \(a.cars) cars, \(a.discrepancies) discrepancies (\(a.perCar) per car), \(a.missedStructural) missed structural, \(a.critical) critical, \(a.disputesUpheld) disputes upheld, \(a.claimsMissed) missed items claimed under warranty (cost \(a.claimsMissedCost)), \(a.complaintsOnMisses) customer complaints about unrecorded defects"
            )
            if !a.mostMissed.isEmpty { lines.append("    most missed: " + a.mostMissed.map { "\($0.item) x\($0.count)" }.joined(separator: ", ")) }
        }
        lines.append("auditors:")
        for a in accuracy.auditors {
            lines.append(
                "  \(a.id)\(a.name.map { " \($0)" } ?? ""): \(a.cars) cars audited, \(a.discrepancies) discrepancies found, \(a.critical) critical")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
