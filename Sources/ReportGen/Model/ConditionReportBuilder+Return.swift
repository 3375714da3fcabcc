import Common
import Inspection

extension ConditionReportBuilder {
    /// One finding as the report shows it: the defect named by `template`, its deduction in `assessment`, its photos.
    static func finding(
        _ defect: Defect, seenBy: [String], appraisalCode: String?, photos: [StoredPhoto], template: ChecklistTemplate, assessment: Assessment
    ) -> ConditionReport.Finding {
        let located = template.part(defect.part)
        let group = located?.group
        let type = group?.defectTypes.first { $0.code == defect.type }
        let degree = defect.degree.flatMap { degree in group?.degrees.first { $0.value == degree } }
        let position = defect.position.map { code in
            ConditionReport.Coded(code: code, name: group?.positions.first { $0.id == code }?.label ?? LocalizedText(zh: code, en: code))
        }
        let measured = defect.value.flatMap { value in
            degree?.measure.map { ConditionReport.Measured(value: value, unit: $0.unit, name: $0.label) }
        }
        var finding = ConditionReport.Finding(
            id: "F-\(defect.part)-\(defect.type)", code: defect.code,
            part: .init(code: defect.part, group: group?.id ?? "", name: located?.part.label ?? LocalizedText(zh: defect.part, en: defect.part)),
            defect: .init(code: defect.type, name: type?.label ?? LocalizedText(zh: defect.type, en: defect.type)), degree: defect.degree,
            degreeLabel: degree?.label, structural: group?.raises != nil && group?.raises == template.scoring?.accidentFlag, seenBy: seenBy,
            appraisalCode: appraisalCode,
            deduction: Self.points(assessment.deductions.filter { $0.item == defect.code }.reduce(.zero) { $0 + $1.points }),
            safety: degree?.safety ?? false, remeasuredDegree: nil, note: defect.note,
            photos: photos.map { ConditionReport.PhotoRef(image: $0.storedPath, thumbnail: $0.thumbnailPath) })
        finding.position = position
        finding.measured = measured
        return finding
    }

    /// Says which report this one replaces (a return after the basis), or, on a report generated before a later
    /// return, which report replaced it.
    func supersession(of report: inout ConditionReport, record: CarRecord, template: ChecklistTemplate, returned: ReturnedCondition?) {
        let table = ReportMessages.table
        if let returned {
            report.supersedes = returned.supersedes
            report.warnings.insert(
                Notice(
                    "report.supersedes",
                    ["report_id": .text(returned.supersedes), "returned_at": .text(returned.returned.submission.inspectedAt.text)],
                    table: table), at: 0)
        } else if let later = ReturnedCondition.of(record, template: template, asOf: nil) {
            let at = later.returned.submission.inspectedAt.text
            report.supersededBy = .init(reportID: later.reportID, returnedAt: at)
            report.warnings.insert(
                Notice("report.superseded", ["report_id": .text(later.reportID), "returned_at": .text(at)], table: table), at: 0)
        }
    }
}
