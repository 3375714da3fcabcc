import Inspection

/// Resolutions of conflicting ledger readings: append-only, one per conflicting reading.
extension InspectionStore {
    /// Stores `resolution` (its id and, for a data-entry error, the correction's id are assigned): a data-entry error
    /// first appends `correction` (a manual record superseding the wrong one, with the true reading), both in one
    /// transaction. Returns the resolution as stored.
    package func resolveMileage(_ resolution: MileageResolution, correction: OdometerRecord?, recordedAt: String) throws(StoreError)
        -> MileageResolution
    {
        try database.write { sql in
            if let done = try sql.row("SELECT id FROM mileage_resolution WHERE reading_id = ?", [resolution.reading])?.integer("id") {
                throw StoreError.readingAlreadyResolved(reading: resolution.reading, resolution: done)
            }
            var stored = resolution
            var wrong: Int64?, correctionID: Int64?
            if let correction, case let .entryError(wrongID, _) = resolution.decision {
                wrong = wrongID
                correctionID = try Self.insertReading(correction, recordedAt: recordedAt, photo: nil, sql)
                stored.decision = .entryError(wrong: wrongID, correction: correctionID ?? 0)
            }
            stored.id = try sql.insert(
                """
                INSERT INTO mileage_resolution (vin, reading_id, earlier_id, decision, wrong_id, correction_id, resolved_by, resolved_at,
                    resolved_at_epoch, note, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
                """,
                [
                    resolution.vin, resolution.reading, resolution.earlier, resolution.decision.code, wrong, correctionID, resolution.by,
                    resolution.at.text, resolution.at.epochSeconds, resolution.note, recordedAt,
                ])
            return stored
        }
    }

    /// The resolutions of a car's conflicting readings, oldest first.
    package func mileageResolutions(vin: String) throws(StoreError) -> [MileageResolution] {
        try database.read { sql in
            try sql.rows(
                """
                SELECT id, vin, reading_id, earlier_id, decision, wrong_id, correction_id, resolved_by, resolved_at, note
                FROM mileage_resolution WHERE vin = ? ORDER BY id
                """, [vin]
            ).compactMap { row -> MileageResolution? in
                guard let at = try? Timestamp.parse(row.text("resolved_at") ?? "").get() else { return nil }
                let decision: MileageResolution.Decision =
                    row.text("decision") == "rollback"
                    ? .rollback : .entryError(wrong: row.integer("wrong_id") ?? 0, correction: row.integer("correction_id") ?? 0)
                return MileageResolution(
                    id: row.integer("id") ?? 0, vin: row.text("vin") ?? "", reading: row.integer("reading_id") ?? 0,
                    earlier: row.integer("earlier_id") ?? 0, decision: decision, by: row.text("resolved_by") ?? "", at: at, note: row.text("note"))
            }
        }
    }
}
