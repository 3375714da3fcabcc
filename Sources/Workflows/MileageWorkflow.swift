import ImageOps
import Inspection
import Store

/// The mileage-record use case: a manual odometer reading (with its dashboard photo normalised and stored, when
/// there is one) appended to the car's ledger, then the ledger weighed again for the new reading's leg and flags.
package struct MileageWorkflow: Sendable {
    /// Where it is stored.
    package var store: InspectionStore
    /// Allowances and thresholds.
    package var mileagePolicy: MileagePolicy

    /// Creates the use case.
    package init(store: InspectionStore, mileagePolicy: MileagePolicy) {
        self.store = store
        self.mileagePolicy = mileagePolicy
    }

    /// What recording a reading gives.
    package struct Recorded: Sendable {
        /// The new record's id.
        package var id: Int64
        /// The leg from the previous reading to this one.
        package var leg: MileageLedger.Leg?
        /// The ledger's flags on this reading.
        package var flags: [MileageFlag]
        /// Quality gates the photo did not pass (it is stored all the same).
        package var photoWarnings: [GateResult]
    }

    /// Why nothing was recorded.
    package enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        /// The photo could not be read.
        case photo(path: String, ImageError)
        /// The store refused or failed (unknown car, a record already superseded, ...).
        case store(StoreError)

        package var description: String {
            switch self {
            case let .photo(path, error): "\(path): \(error)"
            case let .store(error): error.description
            }
        }
    }

    /// Records `record` (its id is assigned), with the photo at `photoPath` normalised under `photoPolicy`.
    package func record(_ record: OdometerRecord, photoPath: String?, photoPolicy: PhotoPolicy?, recordedAt: String) throws(Failure) -> Recorded {
        var photo: (path: String, sha256: String)?
        var warnings: [GateResult] = []
        if let photoPath, let photoPolicy {
            let normalised: NormalisedPhoto
            do { normalised = try PhotoNormaliser(policy: photoPolicy).normalise(fileAt: photoPath) } catch { throw .photo(path: photoPath, error) }
            warnings = normalised.quality.gates.filter { $0.verdict != .ok }
            do { photo = (try store.storeLedgerPhoto(normalised), normalised.sourceSHA256) } catch { throw .store(error) }
        }
        do {
            let id = try store.recordReading(record, recordedAt: recordedAt, photo: photo)
            let stored = try store.ledger(vin: record.vin)
            let ledger = MileageLedger(records: stored.records, policy: mileagePolicy, sameReadingElsewhere: stored.sameReadingElsewhere)
            return Recorded(id: id, leg: ledger.legs.first { $0.to == id }, flags: ledger.flags.filter { $0.recordID == id }, photoWarnings: warnings)
        } catch {
            throw .store(error)
        }
    }
}
