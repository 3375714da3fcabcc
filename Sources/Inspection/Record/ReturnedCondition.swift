/// The car's condition after a 7-day return: the report basis with what the return found new or worse in its place,
/// graded again under the basis's template. A report on record after the return stands on this, so the next buyer
/// is not sold the car as it was before it went out; the report it replaces keeps its id.
package struct ReturnedCondition: Sendable, Hashable {
    /// The return inspection that supersedes the report.
    package var returned: StoredInspection
    /// The basis submission with the return's new or worse defects (each replaces the basis's defect on the same part
    /// and type, or is added after the basis's).
    package var submission: Submission
    /// The merged submission graded under the basis's template.
    package var assessment: Assessment
    /// For a defect of ``submission`` that came from the return (none when it found nothing new or worse): its index among the return's defects.
    package var fromReturn: [Int: Int]
    /// The id of the report this one supersedes.
    package var supersedes: String

    /// The report id after the return: the superseded id plus the return's revision, e.g. `…-A1-U1-R1`.
    package var reportID: String { supersedes + "-R\(returned.revision)" }

    /// The condition after the latest return on record at `asOf` (every return when nil), when that return was inspected
    /// after the report basis; nil otherwise.
    package static func of(_ record: CarRecord, template: ChecklistTemplate, asOf: Int64?) -> ReturnedCondition? {
        guard let basis = record.reportBasis, let returned = record.latest(.return),
            asOf.map({ returned.submission.inspectedAt.epochSeconds <= $0 }) ?? true,
            basis.submission.inspectedAt < returned.submission.inspectedAt
        else { return nil }
        var merged = basis.submission
        var fromReturn: [Int: Int] = [:]
        for (index, defect) in returned.submission.defects.enumerated() where template.part(defect.part) != nil {
            let same = merged.defects.firstIndex { $0.part == defect.part && $0.type == defect.type }
            if let same {
                guard (defect.degree ?? 0) > (merged.defects[same].degree ?? 0) else { continue }
                merged.defects[same] = defect
                fromReturn[same] = index
            } else {
                fromReturn[merged.defects.count] = index
                merged.defects.append(defect)
            }
        }
        return ReturnedCondition(
            returned: returned, submission: merged, assessment: Grader.assess(merged, template: template), fromReturn: fromReturn,
            supersedes: record.reportID)
    }
}
