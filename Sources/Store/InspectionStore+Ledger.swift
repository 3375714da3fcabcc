import ImageOps
import Inspection

/// The mileage ledger: manual readings (append-only, corrections supersede) and every record of a car.
extension InspectionStore {
    /// Appends a manual odometer reading to a car's ledger (the car must be known). `supersedes` names a record of the
    /// same car this one corrects; nothing is ever changed or deleted. Returns the new record's id.
    package func recordReading(_ record: OdometerRecord, recordedAt: String, photo: (path: String, sha256: String)?) throws(StoreError) -> Int64 {
        try database.write { sql in try Self.insertReading(record, recordedAt: recordedAt, photo: photo, sql) }
    }

    /// The insert of ``recordReading(_:recordedAt:photo:)``, inside the caller's transaction.
    static func insertReading(_ record: OdometerRecord, recordedAt: String, photo: (path: String, sha256: String)?, _ sql: any SQLExecutor) throws
        -> Int64
    {
        guard try sql.row("SELECT vin FROM vehicle WHERE vin = ?", [record.vin]) != nil else { throw StoreError.unknownVehicle(record.vin) }
        if let old = record.supersedes {
            guard try sql.row("SELECT vin FROM odometer_reading WHERE id = ?", [old])?.text("vin") == record.vin else {
                throw StoreError.unknownReading(id: old, vin: record.vin)
            }
            if let newer = try sql.row("SELECT id FROM odometer_reading WHERE supersedes_id = ?", [old])?.integer("id") {
                throw StoreError.alreadySuperseded(id: old, by: newer)
            }
        }
        return try sql.insert(
            """
            INSERT INTO odometer_reading (vin, inspection_id, stage, reading, unit, km, read_at, read_at_epoch, source, supersedes_id,
                recorded_at, note, mode, route_km, photo_path, photo_sha256)
            VALUES (?, NULL, ?, ?, ?, ?, ?, ?, 'manual', ?, ?, ?, ?, ?, ?, ?) RETURNING id
            """,
            [
                record.vin, record.stage.rawValue, record.reading, record.unit.rawValue, record.kilometres, record.at.text,
                record.at.epochSeconds,
                record.supersedes, recordedAt, record.note, record.mode?.rawValue, record.routeKm, photo?.path, photo?.sha256,
            ])
    }

    /// Writes a ledger photo (already normalised) into the photo folder; returns its path relative to the database.
    package func storeLedgerPhoto(_ photo: NormalisedPhoto) throws(StoreError) -> String {
        try photoFiles.write(photo, for: "odometer photo").image
    }

    /// Every odometer record of a car, oldest first, and for each the other cars that recorded the same reading.
    package func ledger(vin: String) throws(StoreError) -> (records: [OdometerRecord], sameReadingElsewhere: [Int64: [String]]) {
        try database.read { sql in
            var records: [OdometerRecord] = []
            var elsewhere: [Int64: [String]] = [:]
            let rows = try sql.rows(
                """
                SELECT id, vin, stage, reading, unit, read_at, source, mode, route_km, supersedes_id, note
                FROM odometer_reading WHERE vin = ? ORDER BY read_at_epoch, id
                """, [vin])
            for row in rows {
                guard case let .success(at) = Timestamp.parse(row.text("read_at") ?? "") else { continue }
                let record = OdometerRecord(
                    id: row.integer("id") ?? 0, vin: row.text("vin") ?? "", stage: OdometerStage(rawValue: row.text("stage") ?? "") ?? .other,
                    reading: row.int("reading") ?? 0, unit: DistanceUnit(rawValue: row.text("unit") ?? "") ?? .km, at: at,
                    source: ReadingSource(rawValue: row.text("source") ?? "") ?? .manual,
                    mode: row.text("mode").flatMap(Transport.Mode.init(rawValue:)),
                    routeKm: row.int("route_km"), supersedes: row.integer("supersedes_id"), note: row.text("note"))
                records.append(record)
                let others = try sql.rows(
                    "SELECT DISTINCT vin FROM odometer_reading WHERE reading = ? AND unit = ? AND vin != ? ORDER BY vin",
                    [record.reading, record.unit.rawValue, vin]
                ).compactMap { $0.text("vin") }
                if !others.isEmpty { elsewhere[record.id] = others }
            }
            return (records, elsewhere)
        }
    }
}
