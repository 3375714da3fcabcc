import Inspection
import Store

/// Loads one car's ``CarRecord`` from the store: the one read that reports, comparisons and delivery checks use.
package enum CarRecordLoader {
    /// The record of `vin`, or nil when nothing is stored for it.
    package static func load(vin: String, from store: InspectionStore) throws(StoreError) -> CarRecord? {
        guard let vehicle = try store.vehicle(vin: vin) else { return nil }
        var photos: [Int64: [StoredPhoto]] = [:]
        // Every handover attempt is judged with its photos, not only the latest one.
        for inspection in vehicle.latestByStage + vehicle.inspections.filter({ $0.stage == .delivery }) where photos[inspection.id] == nil {
            photos[inspection.id] = try store.photoRows(inspection: inspection.id)
        }
        let ledger = try store.ledger(vin: vin)
        var others: [String: String] = [:]
        for other in Set(vehicle.latestByStage.flatMap(\.reuse).map(\.otherVIN)) {
            others[other] = try store.vehicle(vin: other)?.reportReference ?? "?"
        }
        var record = CarRecord(
            vehicle: vehicle, photos: photos, ledger: ledger.records, sameReadingElsewhere: ledger.sameReadingElsewhere,
            otherReportReferences: others,
            disputes: try store.disputes(vin: vin), claims: try store.claims(vin: vin)
        )
        record.feedback = try store.feedback(vin: vin)
        record.mileageResolutions = try store.mileageResolutions(vin: vin)
        return record
    }
}
