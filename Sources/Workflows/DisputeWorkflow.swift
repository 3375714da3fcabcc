import Common
import ImageOps
import Inspection
import Store

/// The dispute use cases: open one about a finding of the car's condition report (by hand, or from a delivery's
/// `disputes` list), settle it once, list them.
package struct DisputeWorkflow: Sendable {
    /// Where they are stored.
    package var store: InspectionStore
    /// Templates by id (a re-measured degree must be one of the finding's part group).
    package var catalog: TemplateCatalog

    /// Creates the use case.
    package init(store: InspectionStore, catalog: TemplateCatalog) {
        self.store = store
        self.catalog = catalog
    }

    /// Why nothing was stored.
    package enum Failure: StoreFailing, Sendable, Equatable, CustomStringConvertible {
        case unknownVehicle(String)
        /// The code is not a finding of the car's condition report.
        case unknownFinding(code: String, vin: String, findings: [String])
        /// The settlement's fields do not fit together.
        case invalidResolution(String)
        case photo(path: String, ImageError)
        case store(StoreError)

        package var description: String {
            switch self {
            case let .unknownVehicle(vin): "no inspections stored for VIN \(vin)"
            case let .unknownFinding(code, vin, findings):
                "\(code) is not a finding of the condition report of \(vin) (findings: \(findings.isEmpty ? "none" : findings.joined(separator: " ")))"
            case let .invalidResolution(message): message
            case let .photo(path, error): "\(path): \(error)"
            case let .store(error): error.description
            }
        }
    }

    /// Opens a dispute about `dispute.finding` (a finding of the car's report), with an optional photo normalised under
    /// `photoPolicy`; returns its id.
    package func open(_ dispute: Dispute, photoPath: String?, photoPolicy: PhotoPolicy?, recordedAt: String) throws(Failure) -> Int64 {
        let record: CarRecord?
        do { record = try CarRecordLoader.load(vin: dispute.vin, from: store) } catch { throw .store(error) }
        guard let record, let basis = record.reportBasis else { throw .unknownVehicle(dispute.vin) }
        let findings = basis.submission.defects.map(\.code)
        guard findings.contains(dispute.finding) else { throw .unknownFinding(code: dispute.finding, vin: dispute.vin, findings: findings) }
        var photo: (path: String, sha256: String)?
        if let photoPath, let photoPolicy {
            let normalised: NormalisedPhoto
            do { normalised = try PhotoNormaliser(policy: photoPolicy).normalise(fileAt: photoPath) } catch { throw .photo(path: photoPath, error) }
            do { photo = (try store.storeDisputePhoto(normalised), normalised.sourceSHA256) } catch { throw .store(error) }
        }
        do { return try store.openDispute(dispute, photo: photo, recordedAt: recordedAt) } catch { throw .store(error) }
    }

    /// Settles dispute `id`. A cost needs who bears it and who approved it; a re-measured degree must be one of the
    /// finding's part group. A dispute is settled once.
    package func resolve(_ id: Int64, _ resolution: Dispute.Resolution, recordedAt: String) throws(Failure) {
        if resolution.cost != nil, resolution.bearer == nil || resolution.approvedBy == nil {
            throw .invalidResolution("a cost needs --bearer and --approved-by (a settlement with money is a special approval)")
        }
        if resolution.cost == nil, resolution.bearer != nil || resolution.approvedBy != nil {
            throw .invalidResolution("--bearer and --approved-by go with --cost")
        }
        let dispute: Dispute?
        do { dispute = try store.dispute(id: id) } catch { throw .store(error) }
        guard let dispute else { throw .store(.unknownDispute(id)) }
        if let degree = resolution.degree {
            let record: CarRecord?
            do { record = try CarRecordLoader.load(vin: dispute.vin, from: store) } catch { throw .store(error) }
            let template = record?.reportBasis.flatMap { try? catalog.template(id: $0.submission.templateID) }
            let part = Defect.split(code: dispute.finding)?.part
            let degrees = part.flatMap { template?.part($0)?.group.degrees.map(\.value) } ?? []
            guard degrees.contains(degree) else {
                throw .invalidResolution(
                    "--degree \(degree) is not a degree of \(dispute.finding)'s part (degrees: \(degrees.map(String.init).joined(separator: " ")))")
            }
        }
        do { try store.resolveDispute(id, resolution, recordedAt: recordedAt) } catch { throw .store(error) }
    }

    /// The disputes of `vin`, oldest first.
    package func list(vin: String) throws(Failure) -> [Dispute] {
        return try Failure.catching {
            guard try store.vehicle(vin: vin) != nil else { throw Failure.unknownVehicle(vin) }
            return try store.disputes(vin: vin)
        }
    }

    /// Opens, for a stored delivery, a dispute per code of its `disputes` list that is a finding of the car's report
    /// (other codes are the delivery check's business: the report does not list them). Opened by the customer at the
    /// handover's time; storing the same delivery again opens nothing new.
    static func openFromDelivery(_ delivery: Submission, inspectionID: Int64, store: InspectionStore, recordedAt: String) throws(StoreError) {
        let vin = delivery.vehicle.vin.value
        guard let vehicle = try store.vehicle(vin: vin) else { return }
        let basis = vehicle.latestByStage.first { $0.stage == .audit } ?? vehicle.latestByStage.first { $0.stage == .appraisal }
        let findings = Set(basis?.submission.defects.map(\.code) ?? [])
        for code in delivery.disputes ?? [] where findings.contains(code) {
            let dispute = Dispute(
                vin: vin, finding: code, openedBy: .customer, openedAt: delivery.inspectedAt, deliveryInspectionID: inspectionID,
                note: delivery.notes)
            _ = try store.openDispute(dispute, photo: nil, recordedAt: recordedAt)
        }
    }
}
