import Common
import Inspection

/// `inspect compare --format json`: `format: comparison/2` (schema `schemas/comparison-2.schema.json`). Scores are
/// decimals, every sentence is a coded notice.
package struct ComparisonOutput: Sendable, Encodable {
    /// The contract's name and version.
    package static let formatName = "comparison/2"

    /// One side of the comparison.
    package struct Side: Sendable, Encodable {
        package var revision: Int
        package var inspectorID: String
        package var inspectedAt: String
        package var total: Double?
        package var grade: Grade?
    }

    /// A grade band.
    package struct Grade: Sendable, Encodable {
        package var id: String
        package var name: LocalizedText
    }

    /// One compared item.
    package struct Item: Sendable, Encodable {
        package var kind: String
        package var severity: String
        package var item: String
        package var name: LocalizedText
        package var appraisal: String?
        package var audit: String?
        package var degreeChange: Int?
        package var scoreEffect: Double
        package var gradeEffect: Grade?
        package var flag: String?
        package var possiblyNew: Bool
        package var summary: Notice
    }

    package var format = Self.formatName
    package var vin: String
    package var appraisal: Side
    package var audit: Side
    package var flagsAdded: [String]
    package var flagsRemoved: [String]
    package var kmBetween: Int
    package var hoursBetween: Double
    package var context: Notice
    /// Discrepancies, most severe first.
    package var discrepancies: [Item]
    /// Defects both recorded alike.
    package var confirmed: [Item]
    package var evidence: ComparisonEvidence

    /// The output for one car's comparison.
    package init(
        vin: String, appraisal: StoredInspection, audit: StoredInspection, comparison c: InspectionComparison, evidence: ComparisonEvidence
    ) {
        func grade(_ g: ChecklistTemplate.Grade?) -> Grade? { g.map { Grade(id: $0.id, name: $0.label) } }
        func item(_ d: Discrepancy) -> Item {
            Item(
                kind: d.kind.rawValue, severity: d.severity.rawValue, item: d.item, name: d.label, appraisal: d.appraisal, audit: d.audit,
                degreeChange: d.degreeChange, scoreEffect: d.scoreEffect.decimal, gradeEffect: grade(d.gradeEffect), flag: d.flag,
                possiblyNew: d.possiblyNew, summary: d.summary)
        }
        self.vin = vin
        self.appraisal = Side(
            revision: appraisal.revision, inspectorID: appraisal.submission.inspector.id, inspectedAt: appraisal.submission.inspectedAt.text,
            total: c.appraisalTotal?.decimal, grade: grade(c.appraisalGrade))
        self.audit = Side(
            revision: audit.revision, inspectorID: audit.submission.inspector.id, inspectedAt: audit.submission.inspectedAt.text,
            total: c.auditTotal?.decimal, grade: grade(c.auditGrade))
        flagsAdded = c.flagsAdded
        flagsRemoved = c.flagsRemoved
        kmBetween = c.kmBetween
        hoursBetween = (Double(c.secondsBetween) / 36).rounded() / 100
        context = c.context
        discrepancies = c.discrepancies.map(item)
        confirmed = c.items.filter { $0.kind == .confirmed }.map(item)
        self.evidence = evidence
    }
}

extension Points {
    /// As a decimal number of points (87.5), the way machine outputs carry scores.
    package var decimal: Double { Double(hundredths) / 100 }
}
