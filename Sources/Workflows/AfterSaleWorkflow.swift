import Common
import ImageOps
import Inspection
import Store

/// The after-sale use cases: the 7-day return (store the return inspection, then the one return verdict) and
/// warranty claims (refused for an undelivered car or outside the warranty period; append-only).
package struct AfterSaleWorkflow: Sendable {
    package var store: InspectionStore
    package var catalog: TemplateCatalog
    package var photoPolicy: PhotoPolicy
    package var mileagePolicy: MileagePolicy
    package var policy: AfterSalePolicy
    /// Prices new damage at the return, when configured.
    package var costTable: CostTable?

    /// Creates the use cases.
    package init(
        store: InspectionStore, catalog: TemplateCatalog, photoPolicy: PhotoPolicy, mileagePolicy: MileagePolicy, policy: AfterSalePolicy,
        costTable: CostTable?
    ) {
        self.store = store
        self.catalog = catalog
        self.photoPolicy = photoPolicy
        self.mileagePolicy = mileagePolicy
        self.policy = policy
        self.costTable = costTable
    }

    /// Why nothing was decided or stored.
    package enum Failure: StoreFailing, Sendable, Equatable, CustomStringConvertible {
        case wrongSubmission(String)
        case unreadablePhotos(String)
        case unknownVehicle(String)
        /// The claim is refused (no delivery, outside the warranty, before the delivery).
        case refused(String)
        /// A check or part the car's template does not have.
        case unknownItem(String)
        case template(String)
        case photo(path: String, ImageError)
        case store(StoreError)

        package var description: String {
            switch self {
            case let .wrongSubmission(m), let .unreadablePhotos(m), let .refused(m), let .unknownItem(m), let .template(m): m
            case let .unknownVehicle(vin): "no inspections stored for VIN \(vin)"
            case let .photo(path, error): "\(path): \(error)"
            case let .store(error): error.description
            }
        }
    }

    /// What a return gives: the verdict and the stored return inspection.
    package struct Returned: Sendable {
        package var check: ReturnCheck
        package var inspection: StoredInspection
        package var diagnostics: [Diagnostic]
    }

    /// Stores `validated` (a return of `vin`) and checks it against the delivery state.
    package func returnCar(_ validated: ValidatedSubmission, vin: String, submittedAt: String) throws(Failure) -> Returned {
        return try Failure.catching {
            let stored: SubmissionIntake.Result?
            do {
                stored = try SubmissionIntake.storeHandover(
                    validated, stage: .return, vin: vin, store: store, policy: photoPolicy, concurrency: 2, submittedAt: submittedAt)
            } catch let error as SubmissionIntake.HandoverFailure {
                switch error {
                case let .wrongSubmission(message): throw Failure.wrongSubmission(message)
                case let .store(storeError): throw storeError
                }
            }
            guard let intake = stored else { throw Failure.unreadablePhotos("\(validated.displayPath): photos could not be read; nothing stored") }
            guard let record = try CarRecordLoader.load(vin: vin, from: store), let returned = record.latest(.return) else {
                throw Failure.unknownVehicle(vin)
            }
            let check: ReturnCheck
            do {
                check = try ReturnCheck.evaluate(
                    returned: returned, record: record, catalog: catalog, policy: policy, mileagePolicy: mileagePolicy, costTable: costTable)
            } catch { throw Failure.template("\(error)") }
            return Returned(check: check, inspection: returned, diagnostics: intake.diagnostics)
        }
    }

    /// Records a warranty claim (its photo normalised and stored); returns its id.
    package func claim(_ claim: WarrantyClaim, photoPath: String?, recordedAt: String) throws(Failure) -> Int64 {
        let record: CarRecord?
        do { record = try CarRecordLoader.load(vin: claim.vin, from: store) } catch { throw .store(error) }
        guard let record else { throw .unknownVehicle(claim.vin) }
        let attempts = record.handovers(catalog: catalog, policy: mileagePolicy)
        let delivered = attempts.first(where: \.handedOver)?.at
        if let refusal = WarrantyClaim.refusal(at: claim.claimedAt, delivered: delivered, stoppedAttempts: attempts.count, policy: policy) {
            throw .refused(refusal.message.en)
        }
        if let basis = record.reportBasis, let template = try? catalog.template(id: basis.submission.templateID) {
            switch claim.item {
            case let .check(id) where template.check(id) == nil: throw .unknownItem("check \(id) is not in template \(template.id)")
            case let .part(code) where template.part(code) == nil: throw .unknownItem("part \(code) is not in template \(template.id)")
            default: break
            }
        }
        var photo: (path: String, sha256: String)?
        if let photoPath {
            let normalised: NormalisedPhoto
            do { normalised = try PhotoNormaliser(policy: photoPolicy).normalise(fileAt: photoPath) } catch { throw .photo(path: photoPath, error) }
            do { photo = (try store.storeClaimPhoto(normalised), normalised.sourceSHA256) } catch { throw .store(error) }
        }
        do { return try store.recordClaim(claim, photo: photo, recordedAt: recordedAt) } catch { throw .store(error) }
    }

    /// The claims of `vin` with how each item stood in the inspections.
    package func claims(vin: String) throws(Failure) -> (claims: [WarrantyClaim], record: CarRecord) {
        let record: CarRecord?
        do { record = try CarRecordLoader.load(vin: vin, from: store) } catch { throw .store(error) }
        guard let record else { throw .unknownVehicle(vin) }
        return (record.claims, record)
    }
}
