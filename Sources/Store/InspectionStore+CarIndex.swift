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
    /// inspection stored meanwhile leaves it marked). A re-indexed car's row is replaced by a new one, oldest inspection
    /// first, so the row order is the order of the cars' latest inspections as they were indexed: text lookups list the
    /// newest first by walking the text index backwards, without sorting every match.
    package func index(_ rows: [(row: CarIndexRow, generation: Int64)], indexedAt: String) throws(StoreError) {
        do {
            try pool.write { db in
                let remove = try db.makeStatement(sql: "DELETE FROM car_index WHERE vin = ?")
                let insert = try db.makeStatement(
                    sql:
                        "INSERT INTO car_index (vin, vin_tail, plate_key, latest_epoch, summary, search_text, indexed_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
                )
                let clear = try db.makeStatement(sql: "DELETE FROM car_index_stale WHERE vin = ? AND generation = ?")
                for (row, generation) in rows.sorted(by: { ($0.row.latestEpoch, $0.row.vin) < ($1.row.latestEpoch, $1.row.vin) }) {
                    try remove.execute(arguments: [row.vin])
                    try insert.execute(arguments: [
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

    /// Cars matching an FTS5 query, most recently indexed first: how many match, and the first `limit`.
    package func searchCars(_ match: String, limit: Int) throws(StoreError) -> (total: Int, rows: [CarIndexRow]) {
        do {
            return try pool.read { db in
                let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM car_text WHERE car_text MATCH ?", arguments: [match]) ?? 0
                let rows = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT vin, plate_key, latest_epoch, summary, search_text FROM car_index WHERE rowid IN (
                            SELECT rowid FROM car_text WHERE car_text MATCH ? ORDER BY rowid DESC LIMIT ?)
                        ORDER BY rowid DESC
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
