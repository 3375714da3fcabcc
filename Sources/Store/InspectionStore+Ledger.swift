import Foundation
import GRDB
import ImageOps
import Inspection

/// The mileage ledger: manual readings (append-only, corrections supersede) and every record of a car.
extension InspectionStore {
    /// Appends a manual odometer reading to a car's ledger (the car must be known). `supersedes` names a record of the
    /// same car this one corrects; nothing is ever changed or deleted. Returns the new record's id.
    package func recordReading(_ record: OdometerRecord, recordedAt: String, photo: (path: String, sha256: String)?) throws(StoreError) -> Int64 {
        do {
            return try pool.writeWithoutTransaction { db in
                var id: Int64 = 0
                try db.inTransaction(.immediate) {
                    guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM vehicle WHERE vin = ?)", arguments: [record.vin]) == true else {
                        throw StoreError.unknownVehicle(record.vin)
                    }
                    if let old = record.supersedes {
                        let owner = try String.fetchOne(db, sql: "SELECT vin FROM odometer_reading WHERE id = ?", arguments: [old])
                        guard owner == record.vin else { throw StoreError.unknownReading(id: old, vin: record.vin) }
                        if let newer = try Int64.fetchOne(db, sql: "SELECT id FROM odometer_reading WHERE supersedes_id = ?", arguments: [old]) {
                            throw StoreError.alreadySuperseded(id: old, by: newer)
                        }
                    }
                    try db.execute(
                        sql: """
                            INSERT INTO odometer_reading (vin, inspection_id, stage, reading, unit, km, read_at, read_at_epoch, source, supersedes_id,
                                recorded_at, note, mode, route_km, photo_path, photo_sha256)
                            VALUES (?, NULL, ?, ?, ?, ?, ?, ?, 'manual', ?, ?, ?, ?, ?, ?, ?)
                            """,
                        arguments: [
                            record.vin, record.stage.rawValue, record.reading, record.unit.rawValue, record.kilometres, record.at.text,
                            record.at.epochSeconds,
                            record.supersedes, recordedAt, record.note, record.mode?.rawValue, record.routeKm, photo?.path, photo?.sha256,
                        ])
                    id = db.lastInsertedRowID
                    return .commit
                }
                return id
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw .database(Self.describe(error))
        }
    }

    /// Writes a ledger photo (already normalised) into the photo folder; returns its path relative to the database.
    package func storeLedgerPhoto(_ photo: NormalisedPhoto) throws(StoreError) -> String {
        try photoFiles.write(photo, for: "odometer photo").image
    }

    /// Every odometer record of a car, oldest first, and for each the other cars that recorded the same reading.
    package func ledger(vin: String) throws(StoreError) -> (records: [OdometerRecord], sameReadingElsewhere: [Int64: [String]]) {
        do {
            return try pool.read { db in
                let rows = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT id, vin, stage, reading, unit, read_at, source, mode, route_km, supersedes_id, note
                        FROM odometer_reading WHERE vin = ? ORDER BY read_at_epoch, id
                        """,
                    arguments: [vin])
                var records: [OdometerRecord] = []
                var elsewhere: [Int64: [String]] = [:]
                for row in rows {
                    let text: String = row["read_at"]
                    guard case let .success(at) = Timestamp.parse(text) else { continue }
                    let record = OdometerRecord(
                        id: row["id"], vin: row["vin"], stage: OdometerStage(rawValue: row["stage"]) ?? .other, reading: row["reading"],
                        unit: DistanceUnit(rawValue: row["unit"]) ?? .km,
                        at: at, source: ReadingSource(rawValue: row["source"]) ?? .manual,
                        mode: (row["mode"] as String?).flatMap(Transport.Mode.init(rawValue:)),
                        routeKm: row["route_km"],
                        supersedes: row["supersedes_id"], note: row["note"])
                    records.append(record)
                    let others = try String.fetchAll(
                        db, sql: "SELECT DISTINCT vin FROM odometer_reading WHERE reading = ? AND unit = ? AND vin != ? ORDER BY vin",
                        arguments: [record.reading, record.unit.rawValue, vin])
                    if !others.isEmpty { elsewhere[record.id] = others }
                }
                return (records, elsewhere)
            }
        } catch {
            throw .database(Self.describe(error))
        }
    }
}
