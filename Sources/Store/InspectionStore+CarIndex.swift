import GRDB

extension InspectionStore {
    /// Cars whose index row is missing or older than their latest inspection, with the mark's generation.
    package func staleCars() throws(StoreError) -> [(vin: String, generation: Int64)] {
        do {
            return try pool.read { db in
                try Row.fetchAll(db, sql: "SELECT vin, generation FROM car_index_stale ORDER BY vin").map { ($0["vin"], $0["generation"]) }
            }
        } catch {
            throw .database(Self.describe(error))
        }
    }

    /// Writes index rows in one transaction; a car's stale mark is cleared only when its generation is unchanged (an
    /// inspection stored meanwhile leaves it marked).
    package func index(_ rows: [(row: CarIndexRow, generation: Int64)], indexedAt: String) throws(StoreError) {
        do {
            try pool.write { db in
                let upsert = try db.makeStatement(
                    sql: """
                        INSERT INTO car_index (vin, vin_tail, plate_key, latest_epoch, summary, search_text, indexed_at) VALUES (?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT(vin) DO UPDATE SET vin_tail = excluded.vin_tail, plate_key = excluded.plate_key,
                            latest_epoch = excluded.latest_epoch, summary = excluded.summary, search_text = excluded.search_text,
                            indexed_at = excluded.indexed_at
                        """)
                let clear = try db.makeStatement(sql: "DELETE FROM car_index_stale WHERE vin = ? AND generation = ?")
                for (row, generation) in rows {
                    try upsert.execute(arguments: [
                        row.vin, String(row.vin.suffix(6)), row.plateKey, row.latestEpoch, row.summary, row.searchText, indexedAt,
                    ])
                    try clear.execute(arguments: [row.vin, generation])
                }
            }
        } catch {
            throw .database(Self.describe(error))
        }
    }

    /// The car with this VIN.
    package func indexedCars(vin: String) throws(StoreError) -> [CarIndexRow] { try indexed("WHERE vin = ?", [vin]) }

    /// Cars whose VIN ends in `tail` (the last six characters).
    package func indexedCars(vinTail tail: String) throws(StoreError) -> [CarIndexRow] { try indexed("WHERE vin_tail = ?", [tail]) }

    /// Cars with this normalised plate.
    package func indexedCars(plateKey: String) throws(StoreError) -> [CarIndexRow] { try indexed("WHERE plate_key = ?", [plateKey]) }

    /// Cars matching an FTS5 query, newest first: how many match, and the first `limit`.
    package func searchCars(_ match: String, limit: Int) throws(StoreError) -> (total: Int, rows: [CarIndexRow]) {
        do {
            return try pool.read { db in
                let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM car_text WHERE car_text MATCH ?", arguments: [match]) ?? 0
                let rows = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT c.vin, c.plate_key, c.latest_epoch, c.summary, c.search_text FROM car_text
                        JOIN car_index c ON c.rowid = car_text.rowid WHERE car_text MATCH ? ORDER BY c.latest_epoch DESC, c.vin LIMIT ?
                        """,
                    arguments: [match, limit]
                ).map(Self.indexRow)
                return (total, rows)
            }
        } catch {
            throw .database(Self.describe(error))
        }
    }

    private func indexed(_ condition: String, _ arguments: StatementArguments) throws(StoreError) -> [CarIndexRow] {
        do {
            return try pool.read { db in
                try Row.fetchAll(
                    db, sql: "SELECT vin, plate_key, latest_epoch, summary, search_text FROM car_index \(condition) ORDER BY latest_epoch DESC, vin",
                    arguments: arguments
                ).map(Self.indexRow)
            }
        } catch {
            throw .database(Self.describe(error))
        }
    }

    private static func indexRow(_ row: Row) -> CarIndexRow {
        CarIndexRow(
            vin: row["vin"], plateKey: row["plate_key"], latestEpoch: row["latest_epoch"], summary: row["summary"], searchText: row["search_text"])
    }
}
