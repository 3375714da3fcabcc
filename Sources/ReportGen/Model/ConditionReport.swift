import Common
import Inspection

/// The condition report of one car: what the quoting stage prices from, the delivery stage checks against and a
/// buyer reads. Assembled from the store by ``ConditionReportBuilder``; rendered as JSON (`condition-report/2`, the
/// contract, schema in `schemas/`), HTML and Markdown. Deterministic: stable order, injected time, no locale.
package struct ConditionReport: Sendable, Hashable, Codable {
    /// A label in both languages.
    package typealias Label = LocalizedText

    /// The contract's version.
    package var format = Self.formatName
    /// The name and version of the JSON contract.
    package static let formatName = "condition-report/2"
    /// Who it is for: `internal` (staff: everything) or `customer` (no staff ids or names, no appraiser-miss details,
    /// no internal notes). Absent means internal.
    package var audience: String?
    /// Stable id: VIN plus the revisions used, e.g. `LSVAM4189C2184526-A1-U1`.
    package var reportID: String
    /// An opaque reference to this report (`R-3F9A0C17B2`): how other cars' reports name it without its VIN.
    package var reportReference: String
    /// The id of the report this one replaces (a return inspected after the basis supersedes it).
    package var supersedes: String? = nil
    /// On a report generated before a later return: the report that replaces it.
    package var supersededBy: Supersession? = nil
    /// When it was generated (injected for reproducible output).
    package var generatedAt: String
    /// The car.
    package var vehicle: Vehicle
    /// The inspections used, in stage order.
    package var inspections: [InspectionUsed]
    /// The final findings: the audit's (it supersedes the appraisal), else the appraisal's.
    package var findings: [Finding]
    /// Checks answered minor or major in the final inspection.
    package var checks: [CheckFinding]
    /// What the report puts first: the grade band, or why there is none (nil for unscored templates).
    package var headline: Headline?
    /// Section scores, total and grade of the final inspection (nil for unscored templates).
    package var score: Score?
    /// Raised flags with their causes.
    package var flags: [Flag]
    /// Appraiser vs auditor.
    package var discrepancies: Discrepancies?
    /// The odometer history.
    package var mileage: Mileage
    /// Walkaround photos of the final inspection, in the template's angle order.
    package var photos: [Photo]
    /// The latest delivery check, when the car was handed over.
    package var delivery: Delivery?
    /// Every handover attempt, oldest first, when there was more than one (a stop stays on record after a later
    /// attempt goes ahead) or a return superseded the report (the handover is history then, not the car's state).
    package var handovers: [HandoverAttempt]? = nil
    /// The reconditioning estimate (`quote/1`), when a repair cost table is configured (internal reports only).
    package var estimate: QuoteOutput?
    /// Disputes about the findings, with their settlements (none before any was opened).
    package var disputes: [DisputeItem]
    /// The car's after-sale history: the return inspection and its verdict, warranty claims (internal reports only).
    package var afterSale: AfterSale?
    /// Things a reader should know (missing audit, photos that failed a gate or were reused, critical mileage flags),
    /// each coded and worded in both languages.
    package var warnings: [Notice]

    package struct Vehicle: Sendable, Hashable, Codable {
        package var vin: String
        package var modelYear: Int?
        package var plate: String?
        package var make: String?
        package var model: String?
        package var color: String?
        package var firstRegistered: String?
        /// Every recorded fact of the vehicle record, latest value first recorded wins (see ``VehicleFacts``).
        package var facts: [Fact] = []
        /// Values later inspections corrected (internal reports only).
        package var factChanges: [FactChange]?
    }

    package struct InspectionUsed: Sendable, Hashable, Codable {
        package var stage: String
        package var stageLabel: Label
        package var revision: Int
        package var inspectorID: String?
        package var inspectorName: String?
        package var inspectedAt: String
        package var site: String?
        package var template: String
        package var odometer: Odometer
    }

    package struct Odometer: Sendable, Hashable, Codable {
        package var reading: Int
        package var unit: String
        package var km: Int
    }

    package struct Finding: Sendable, Hashable, Codable {
        /// Stable id: `F-<part>-<defect>`.
        package var id: String
        /// Compact code, e.g. `14HH2`.
        package var code: String
        package var part: Part
        package var defect: Coded
        package var degree: Int?
        package var degreeLabel: Label?
        /// Structural (a 车体骨架 part): makes the car an accident car.
        package var structural: Bool
        /// `appraisal`, `audit` or both.
        package var seenBy: [String]
        /// What the appraiser recorded for it, when it differs from ``code`` (e.g. `15XF1` for the audit's `15XF2`).
        package var appraisalCode: String?
        /// Points deducted for it.
        package var deduction: Double
        /// A safety item (its degree is one the template marks so: a tyre below the legal tread depth).
        package var safety: Bool
        /// The degree re-measured when a dispute about it was settled (a new measurement; `degree` stays as reported).
        package var remeasuredDegree: Int?
        package var note: String?
        package var photos: [PhotoRef]
        /// Where on the part (the wheel of a tyre finding), when the template names positions.
        package var position: Coded? = nil
        /// The measured value of a degree that is a measurement (tread depth 1.3 mm).
        package var measured: Measured? = nil
    }

    package struct Part: Sendable, Hashable, Codable {
        package var code: String
        package var group: String
        package var name: Label
    }

    package struct Coded: Sendable, Hashable, Codable {
        package var code: String
        package var name: Label

        /// Creates a coded name.
        package init(code: String, name: Label) {
            self.code = code
            self.name = name
        }
    }

    package struct CheckFinding: Sendable, Hashable, Codable {
        package var id: String
        package var name: Label
        /// `minor` or `major`.
        package var result: String
        /// The result as a reader sees it.
        package var resultLabel: Label
        package var seenBy: [String]
        package var deduction: Double
        package var note: String?
    }

    /// The headline: `graded` (a band), `accident` (五级（事故车）), `not_graded` (flood, fire: no band) or
    /// `not_tradeable`; the score is information only unless `graded`.
    package struct Headline: Sendable, Hashable, Codable {
        package var kind: String
        package var label: Label
        package var grade: String?
        package var flag: String?
        package var scoreIsInformationOnly: Bool

        /// False for a car with no band at all (flood, fire, not tradeable): its headline is the exclusion alone, and
        /// the score stays in the scores section.
        package var showsScore: Bool { kind != "not_graded" && kind != "not_tradeable" }
    }

    package struct Score: Sendable, Hashable, Codable {
        package var sections: [Section]
        package var total: Double
        package var maximum: Double
        package var grade: Grade
    }

    package struct Section: Sendable, Hashable, Codable {
        package var id: String
        package var name: Label
        package var allowance: Double
        package var score: Double
    }

    package struct Grade: Sendable, Hashable, Codable {
        package var id: String
        package var name: Label
    }

    package struct Flag: Sendable, Hashable, Codable {
        package var id: String
        package var name: Label
        package var causes: [String]
    }

    package struct Discrepancies: Sendable, Hashable, Codable {
        package var count: Int
        package var critical: Int
        package var appraisalGrade: Grade?
        package var kmBetween: Int
        package var hoursBetween: Int
        /// Time and distance between the two, and whether findings may be new since the appraisal.
        package var context: Notice
        package var items: [DiscrepancyItem]
    }

    package struct DiscrepancyItem: Sendable, Hashable, Codable {
        package var kind: String
        package var severity: String
        package var item: String
        package var name: Label
        package var appraisal: String?
        package var audit: String?
        /// For checks: the two results as a reader sees them.
        package var appraisalLabel: Label?
        /// See ``appraisalLabel``.
        package var auditLabel: Label?
        package var summary: Notice
        package var possiblyNew: Bool
    }

    package struct Mileage: Sendable, Hashable, Codable {
        package var readings: [Reading]
        package var flags: [MileageFlag]
    }

    package struct Reading: Sendable, Hashable, Codable {
        package var id: Int64
        package var stage: String
        package var at: String
        package var reading: Int
        package var unit: String
        package var km: Int
        package var source: String
        package var mode: String?
        package var routeKm: Int?
        package var deltaKm: Int?
        package var allowanceKm: Int?
        package var supersededBy: Int64?
        package var supersedes: Int64?
    }

    package struct MileageFlag: Sendable, Hashable, Codable {
        package var kind: String
        package var severity: String
        package var readingID: Int64
        /// The rule and the numbers (`mileage.rollback`, ...).
        package var notice: Notice
    }

    package struct Photo: Sendable, Hashable, Codable {
        package var angle: String
        package var name: Label
        /// The normalised photo; nil when it cannot stand as this car's evidence (``reusedFrom``).
        package var image: String?
        package var thumbnail: String?
        /// `ok`, `warn`, `fail` or `retake_required` (reused from another car).
        package var verdict: String?
        /// The verdict as a reader sees it.
        package var verdictLabel: Label?
        /// The gates that did not pass.
        package var problems: [Notice]
        /// The report id of another car this photo was also submitted for (its VIN is not shown): the photo must be
        /// retaken.
        package var reusedFrom: String?
    }

    package struct PhotoRef: Sendable, Hashable, Codable {
        package var image: String
        package var thumbnail: String?
    }

    package struct Delivery: Sendable, Hashable, Codable {
        /// `ok`, `attention` or `stop`.
        package var verdict: String
        /// The verdict as a reader sees it.
        package var verdictLabel: Label
        package var inspectedAt: String
        /// The odometer against the report and the leg's allowance, in one sentence.
        package var odometer: Notice
        package var newDamage: [String]
        package var disputed: [String]
        package var reasons: [DeliveryReason]
    }

    /// One handover attempt: when, where and its verdict.
    package struct HandoverAttempt: Sendable, Hashable, Codable {
        package var inspectedAt: String
        package var site: String?
        /// `ok`, `attention` or `stop`.
        package var verdict: String
        package var verdictLabel: Label
    }

    /// After the sale.
    package struct AfterSale: Sendable, Hashable, Codable {
        /// The latest return inspection and its verdict.
        package var returned: ReturnCheckOutput?
        /// Warranty claims, each held against the inspections.
        package var claims: WarrantyListOutput?
    }

    /// A dispute about a finding and its settlement.
    package struct DisputeItem: Sendable, Hashable, Codable {
        package var id: Int64
        package var finding: String
        package var part: Label?
        /// `customer` or `staff`.
        package var openedBy: String
        package var openedAt: String
        package var note: String?
        /// The report's close-up of the finding.
        package var reportPhoto: PhotoRef?
        /// The photo taken when it was disputed (the dispute's own, or the delivery's close-up of the same code).
        package var disputePhoto: PhotoRef?
        /// `open` or `settled`.
        package var status: String
        package var statusLabel: Label
        package var decision: String?
        package var resolvedBy: String?
        package var resolvedAt: String?
        /// Re-measured degree.
        package var degree: Int?
        /// Whole currency units.
        package var cost: Int?
        package var bearer: String?
        package var bearerLabel: Label?
        package var approvedBy: String?
        package var resolutionNote: String?
    }

    /// One reason behind the delivery verdict.
    package struct DeliveryReason: Sendable, Hashable, Codable {
        /// The verdict it calls for.
        package var verdict: String
        /// `odometer`, `new-damage`, `dispute`, `photo` or `ledger`.
        package var topic: String
        /// How it is tagged: its verdict, or `dispute`.
        package var tag: String
        /// The tag as a reader sees it.
        package var tagLabel: Label
        /// What it says.
        package var notice: Notice
        /// What it says to the buyer (the customer's copy shows this instead, and drops it).
        package var customerNotice: Notice?
    }
}
