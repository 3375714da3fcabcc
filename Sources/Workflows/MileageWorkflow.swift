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
        /// The ledger's flags on this reading, and the conflicts it raised on a later one it disagrees with.
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
        /// There is no such conflict to resolve, or the resolution names the wrong readings.
        case unresolvable(String)

        package var description: String {
            switch self {
            case let .photo(path, error): "\(path): \(error)"
            case let .store(error): error.description
            case let .unresolvable(message): message
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
            let ledger = try currentLedger(vin: record.vin)
            return Recorded(
                id: id, leg: ledger.legs.first { $0.to == id }, flags: ledger.flags.filter { $0.recordID == id || $0.earlierRecordID == id },
                photoWarnings: warnings)
        } catch {
            throw .store(error)
        }
    }

    /// The ledger of `vin` as stored now, nil when it has no readings.
    package func ledger(vin: String) throws(Failure) -> MileageLedger? {
        do {
            let ledger = try currentLedger(vin: vin)
            return ledger.records.isEmpty ? nil : ledger
        } catch { throw .store(error) }
    }

    /// What a person found about two readings that disagree.
    package enum Finding: Sendable, Hashable {
        /// The odometer really went back.
        case rollback
        /// Record `wrong` was mistyped; the true reading, in that record's unit.
        case entryError(wrong: Int64, trueReading: Int)
    }

    /// Resolves the conflict at reading `reading` of `vin` (append-only): a confirmed rollback, or a data-entry error
    /// whose correction (the wrong record's stage, time and unit with the true reading) supersedes it. Returns the
    /// stored resolution and the ledger after it.
    package func resolve(
        vin: String, reading: Int64, finding: Finding, by: String, at: Timestamp, note: String?, recordedAt: String
    ) throws(Failure) -> (resolution: MileageResolution, ledger: MileageLedger) {
        do {
            let ledger = try currentLedger(vin: vin)
            var wrongID: Int64?
            if case let .entryError(wrong, _) = finding { wrongID = wrong }
            if let problem = MileageResolution.problem(reading: reading, wrong: wrongID, in: ledger) { throw Failure.unresolvable(problem) }
            let earlier = ledger.flags.first { $0.recordID == reading && $0.kind == .conflict }?.earlierRecordID ?? 0
            var correction: OdometerRecord?
            let decision: MileageResolution.Decision
            switch finding {
            case .rollback:
                decision = .rollback
            case let .entryError(wrong, trueReading):
                guard let original = ledger.records.first(where: { $0.id == wrong }) else { throw Failure.unresolvable("no reading #\(wrong)") }
                correction = OdometerRecord(
                    id: 0, vin: vin, stage: original.stage, reading: trueReading, unit: original.unit, at: original.at, source: .manual,
                    mode: original.mode, routeKm: original.routeKm, supersedes: wrong, note: note ?? "data-entry error resolved by \(by)")
                decision = .entryError(wrong: wrong, correction: 0)
            }
            let resolution = try store.resolveMileage(
                MileageResolution(vin: vin, reading: reading, earlier: earlier, decision: decision, by: by, at: at, note: note),
                correction: correction, recordedAt: recordedAt)
            return (resolution, try currentLedger(vin: vin))
        } catch let error as Failure {
            throw error
        } catch let error as StoreError {
            throw .store(error)
        } catch {
            throw .store(.database("\(error)"))
        }
    }

    private func currentLedger(vin: String) throws(StoreError) -> MileageLedger {
        let stored = try store.ledger(vin: vin)
        return MileageLedger(
            records: stored.records, policy: mileagePolicy, sameReadingElsewhere: stored.sameReadingElsewhere,
            confirmedRollbacks: MileageResolution.confirmedRollbacks(try store.mileageResolutions(vin: vin)))
    }
}
