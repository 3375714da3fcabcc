import Common

/// One item compared between the appraisal and the audit.
package struct Discrepancy: Sendable, Hashable, Codable {
    /// How the two inspections differ on this item.
    package enum Kind: String, Sendable, Hashable, Codable {
        /// Same part and defect type, same degree (not a discrepancy; listed for completeness).
        case confirmed
        /// Same part and type, another degree.
        case degreeChanged = "degree-changed"
        /// Only the auditor recorded it.
        case missedByAppraiser = "missed-by-appraiser"
        /// Only the appraiser recorded it.
        case notConfirmedByAuditor = "not-confirmed-by-auditor"
        /// The same part, another defect type.
        case typeChanged = "type-changed"
        /// A check whose result changed between minor and major.
        case checkChanged = "check-changed"
        /// The audit's odometer reads less than the appraisal's.
        case odometerRollback = "odometer-rollback"
    }

    /// How much it matters.
    package enum Severity: String, Sendable, Hashable, Codable, Comparable {
        /// Changes a flag (accident, flood, fire, not tradeable) and so the grade or tradeability.
        case critical
        case major
        case minor
        /// No discrepancy.
        case none

        private var rank: Int {
            switch self {
            case .critical: 0
            case .major: 1
            case .minor: 2
            case .none: 3
            }
        }

        package static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    /// The kind.
    package var kind: Kind
    /// Severity.
    package var severity: Severity
    /// Part code (defects) or check id (checks).
    package var item: String
    /// The part or check name.
    package var label: LocalizedText
    /// What the appraiser recorded: a defect code (`14HH2`) or a check result; nil when nothing.
    package var appraisal: String?
    /// What the auditor recorded.
    package var audit: String?
    /// Degree difference (audit - appraisal) for degree changes.
    package var degreeChange: Int?
    /// Effect on the total score (audit - appraisal deductions, negative when the audit deducts more).
    package var scoreEffect: Points
    /// The grade the appraisal would have had with this item as the auditor saw it, when that differs.
    package var gradeEffect: ChecklistTemplate.Grade?
    /// A flag the auditor's version raises (or the appraiser's, when the auditor did not confirm it).
    package var flag: String?
    /// True when the car travelled or waited long enough between the inspections that it may have happened since.
    package var possiblyNew: Bool
    /// One sentence for people, coded (`compare.missed_by_appraiser`, ...).
    package var summary: Notice
}
