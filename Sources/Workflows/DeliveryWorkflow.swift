import Common
import ImageOps
import Inspection
import Store

/// The deliver use case: store a validated delivery (a failing photo gate does not block it here), then give the one
/// delivery verdict (``DeliveryCheck/evaluate(delivery:record:catalog:policy:)``) against the car's report.
package struct DeliveryWorkflow: Sendable {
    /// Where it is stored.
    package var store: InspectionStore
    /// Templates by id.
    package var catalog: TemplateCatalog
    /// Photo sizes, limits and gates.
    package var photoPolicy: PhotoPolicy
    /// Allowances and thresholds.
    package var mileagePolicy: MileagePolicy
    /// Photos normalised at once.
    package var concurrency: Int

    /// Creates the use case.
    package init(store: InspectionStore, catalog: TemplateCatalog, photoPolicy: PhotoPolicy, mileagePolicy: MileagePolicy, concurrency: Int) {
        self.store = store
        self.catalog = catalog
        self.photoPolicy = photoPolicy
        self.mileagePolicy = mileagePolicy
        self.concurrency = concurrency
    }

    /// What a delivery check gives.
    package struct Result: Sendable {
        /// The verdict with its reasons.
        package var check: DeliveryCheck
        /// The inspection the report stands on (the latest audit, else the appraisal).
        package var basis: StoredInspection
        /// Photo problems found while storing (errors mean a photo could not be read).
        package var diagnostics: [Diagnostic]
    }

    /// Why there is no verdict.
    package enum Failure: StoreFailing, Sendable, Equatable, CustomStringConvertible {
        /// The submission is not a delivery of this VIN.
        case wrongSubmission(String)
        /// There is no appraisal or audit to deliver against.
        case noReport(String)
        /// A photo could not be read: nothing was stored.
        case unreadablePhotos(String)
        /// The report's template cannot be loaded.
        case template(String)
        /// The store failed.
        case store(StoreError)

        package var description: String {
            switch self {
            case let .wrongSubmission(message), let .noReport(message), let .unreadablePhotos(message), let .template(message): message
            case let .store(error): error.description
            }
        }
    }

    /// Stores `validated` (a delivery of `vin`) and checks it.
    package func deliver(_ validated: ValidatedSubmission, vin: String, submittedAt: String) throws(Failure) -> Result {
        if let problem = SubmissionIntake.handoverProblem(validated, stage: .delivery, vin: vin) { throw Failure.wrongSubmission(problem) }
        let noReport = Failure.noReport("VIN \(vin) has no appraisal or audit: there is no condition report to deliver against")
        return try Failure.catching {
            guard let before = try CarRecordLoader.load(vin: vin, from: store), before.reportBasis != nil else { throw noReport }
            let stored: SubmissionIntake.Result?
            do {
                stored = try SubmissionIntake.storeHandover(
                    validated, stage: .delivery, vin: vin, store: store, policy: photoPolicy, concurrency: concurrency, submittedAt: submittedAt)
            } catch let error as SubmissionIntake.HandoverFailure {
                switch error {
                case let .wrongSubmission(message): throw Failure.wrongSubmission(message)
                case let .store(storeError): throw storeError
                }
            }
            guard let intake = stored else { throw Failure.unreadablePhotos("\(validated.displayPath): photos could not be read; nothing stored") }
            guard let record = try CarRecordLoader.load(vin: vin, from: store), let basis = record.reportBasis,
                let delivery = record.latest(.delivery)
            else { throw noReport }
            do { _ = try catalog.template(id: basis.submission.templateID) } catch { throw Failure.template("\(error)") }
            guard let check = DeliveryCheck.evaluate(delivery: delivery, record: record, catalog: catalog, policy: mileagePolicy) else {
                throw noReport
            }
            return Result(check: check, basis: basis, diagnostics: intake.diagnostics)
        }
    }
}
