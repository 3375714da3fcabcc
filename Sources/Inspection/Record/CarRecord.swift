/// Everything known of one car, as a plain value: every stored revision of every stage, the photos of the latest
/// revision of each stage, and the mileage ledger. The application layer loads it from the store; reports, the
/// comparison and the delivery verdict are computed from it, so they all stand on the same inspections.
package struct CarRecord: Sendable, Hashable {
    /// The stored inspections and odometer rows.
    package var vehicle: StoredVehicle
    /// Photo rows of the latest revision of each stage and of every delivery revision, by inspection id.
    package var photos: [Int64: [StoredPhoto]]
    /// Every ledger record (readings from submissions and by hand), oldest first.
    package var ledger: [OdometerRecord]
    /// For a record id: other VINs with the same reading and unit.
    package var sameReadingElsewhere: [Int64: [String]]
    /// The report references of the other cars this car's photos were found reused from (by VIN), so a report can
    /// name the other car without showing its VIN.
    package var otherReportReferences: [String: String]
    /// Disputes about the report's findings, with their settlements, oldest first.
    package var disputes: [Dispute]
    /// Warranty claims, oldest first.
    package var claims: [WarrantyClaim]
    /// What customers told the service desk about the car, oldest first.
    package var feedback: [Feedback] = []
    /// How people resolved the ledger's conflicting readings, oldest first.
    package var mileageResolutions: [MileageResolution] = []

    /// Creates a record.
    package init(
        vehicle: StoredVehicle, photos: [Int64: [StoredPhoto]], ledger: [OdometerRecord], sameReadingElsewhere: [Int64: [String]],
        otherReportReferences: [String: String] = [:], disputes: [Dispute] = [], claims: [WarrantyClaim] = []
    ) {
        self.disputes = disputes
        self.claims = claims
        self.vehicle = vehicle
        self.photos = photos
        self.ledger = ledger
        self.sameReadingElsewhere = sameReadingElsewhere
        self.otherReportReferences = otherReportReferences
    }

    /// The condition report's stable id: VIN plus the revisions used, e.g. `LSVAM4189C2184526-A1-U1`.
    package var reportID: String { vehicle.reportID }

    /// The opaque reference of the condition report (see ``StoredVehicle/reportReference``).
    package var reportReference: String { vehicle.reportReference }

    /// The VIN.
    package var vin: String { vehicle.vin }

    /// The latest revision of `stage`, if any.
    package func latest(_ stage: Stage) -> StoredInspection? { vehicle.latestByStage.first { $0.stage == stage } }

    /// The inspection the condition report stands on: the latest audit, else the latest appraisal.
    package var reportBasis: StoredInspection? { latest(.audit) ?? latest(.appraisal) }

    /// The latest appraisal and audit, when both exist: the pair the comparison and the report's discrepancies use.
    package var comparisonPair: (appraisal: StoredInspection, audit: StoredInspection)? {
        guard let appraisal = latest(.appraisal), let audit = latest(.audit) else { return nil }
        return (appraisal, audit)
    }

    /// The photo rows of one inspection (empty for an older revision of a stage other than delivery).
    package func photos(of inspection: StoredInspection) -> [StoredPhoto] { photos[inspection.id] ?? [] }

    /// The mileage ledger under `policy`.
    package func mileageLedger(policy: MileagePolicy) -> MileageLedger {
        MileageLedger(
            records: ledger, policy: policy, sameReadingElsewhere: sameReadingElsewhere,
            confirmedRollbacks: MileageResolution.confirmedRollbacks(mileageResolutions))
    }
}
