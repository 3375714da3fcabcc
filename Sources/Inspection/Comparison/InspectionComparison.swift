import Common

/// The latest appraisal and audit of one car, compared item by item.
package struct InspectionComparison: Sendable, Hashable, Codable {
    /// Every defect item (confirmed ones included) and every differing check, most severe first.
    package var items: [Discrepancy]
    /// Appraisal total and grade.
    package var appraisalTotal: Points?
    /// See ``appraisalTotal``.
    package var appraisalGrade: ChecklistTemplate.Grade?
    /// Audit total and grade.
    package var auditTotal: Points?
    /// See ``auditTotal``.
    package var auditGrade: ChecklistTemplate.Grade?
    /// Flags the audit raised that the appraisal did not.
    package var flagsAdded: [String]
    /// Flags the appraisal raised that the audit did not.
    package var flagsRemoved: [String]
    /// Km between the two odometer readings.
    package var kmBetween: Int
    /// Seconds between the two inspections.
    package var secondsBetween: Int64
    /// Why discrepancies are (or are not) possibly new since the appraisal.
    package var context: Notice

    /// The items that are discrepancies (everything but confirmed defects).
    package var discrepancies: [Discrepancy] { items.filter { $0.kind != .confirmed } }
}
