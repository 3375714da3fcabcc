import Common
import Inspection

extension ConditionReportBuilder {
    /// Why a structural finding deducts nothing: its group raises a flag and is scored in no section (GB/T 30323
    /// judges the body structure for the accident car, not for points), so the report says so rather than show a
    /// welded pillar at 0 points without a word.
    static func unscoredStructure(_ findings: [ConditionReport.Finding], template: ChecklistTemplate) -> [Notice] {
        findings.compactMap { finding in
            guard finding.structural, let group = template.partGroups.first(where: { $0.id == finding.part.group }), group.section == nil,
                let raised = group.raises, let flag = template.flags.first(where: { $0.id == raised })
            else { return nil }
            return Notice(
                "report.structural_not_scored", ["code": .text(finding.code)],
                labels: ["part": finding.place, "template": template.title, "flag": flag.label], table: ReportMessages.table)
        }
    }
}
