extension InspectionStore {
    /// Cars whose index row is missing or older than their latest inspection, with the mark's generation.
    package func staleCars() throws(StoreError) -> [(vin: String, generation: Int64)] {
        try database.read { sql in
            try sql.rows("SELECT vin, generation FROM car_index_stale ORDER BY vin", []).map { ($0.text("vin") ?? "", $0.integer("generation") ?? 0) }
        }
    }

    /// Writes index rows in one transaction; a car's stale mark is cleared only when its generation is unchanged (an
    /// inspection stored meanwhile leaves it marked). A re-indexed car's row is replaced by a new one, oldest inspection
    /// first, so the row order is the order of the cars' latest inspections as they were indexed: text lookups list the
    /// newest first by walking the text index backwards, without sorting every match.
    package func index(_ rows: [(row: CarIndexRow, generation: Int64)], indexedAt: String) throws(StoreError) {
        try database.write { sql in
            for (row, generation) in rows.sorted(by: { ($0.row.latestEpoch, $0.row.vin) < ($1.row.latestEpoch, $1.row.vin) }) {
                try sql.execute("DELETE FROM car_index WHERE vin = ?", [row.vin])
                try sql.execute(
                    "INSERT INTO car_index (vin, vin_tail, plate_key, latest_epoch, summary, search_text, indexed_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    [row.vin, String(row.vin.suffix(6)), row.plateKey, row.latestEpoch, row.summary, row.searchText, indexedAt])
                try sql.execute("DELETE FROM car_index_stale WHERE vin = ? AND generation = ?", [row.vin, generation])
            }
        }
    }

    /// The car with this VIN.
    package func indexedCars(vin: String) throws(StoreError) -> [CarIndexRow] { try indexed("WHERE vin = ?", [vin]) }

    /// Cars whose VIN ends in `tail` (the last six characters).
    package func indexedCars(vinTail tail: String) throws(StoreError) -> [CarIndexRow] { try indexed("WHERE vin_tail = ?", [tail]) }

    /// Cars with this normalised plate.
    package func indexedCars(plateKey: String) throws(StoreError) -> [CarIndexRow] { try indexed("WHERE plate_key = ?", [plateKey]) }

    /// Cars matching every term, most recently indexed first: how many match, and the first `limit`. SQLite walks the
    /// FTS5 index backwards and stops at `limit`; PostgreSQL takes the top `limit` of the GIN index's matches by `seq`.
    package func searchCars(_ terms: [CarSearchTerm], limit: Int) throws(StoreError) -> (total: Int, rows: [CarIndexRow]) {
        let columns = "SELECT vin, plate_key, latest_epoch, summary, search_text FROM car_index"
        let (count, list, query): (String, String, String) =
            database.dialect == .postgres
            ? (
                "SELECT count(*) AS n FROM car_index WHERE search @@ to_tsquery('simple', ?)",
                "\(columns) WHERE search @@ to_tsquery('simple', ?) ORDER BY seq DESC LIMIT ?", CarSearchTerm.tsquery(terms)
            )
            : (
                "SELECT count(*) AS n FROM car_text WHERE car_text MATCH ?",
                "\(columns) WHERE rowid IN (SELECT rowid FROM car_text WHERE car_text MATCH ? ORDER BY rowid DESC LIMIT ?) ORDER BY rowid DESC",
                CarSearchTerm.fts5(terms)
            )
        return try database.read { sql in
            let total = try sql.row(count, [query])?.int("n") ?? 0
            return (total, try sql.rows(list, [query, limit]).map(Self.indexRow))
        }
    }

    private func indexed(_ condition: String, _ values: [any SQLBindable]) throws(StoreError) -> [CarIndexRow] {
        try database.read { sql in
            try sql.rows(
                "SELECT vin, plate_key, latest_epoch, summary, search_text FROM car_index \(condition) ORDER BY latest_epoch DESC, vin", values
            )
            .map(Self.indexRow)
        }
    }

    private static func indexRow(_ row: SQLRow) -> CarIndexRow {
        CarIndexRow(
            vin: row.text("vin") ?? "", plateKey: row.text("plate_key"), latestEpoch: row.integer("latest_epoch") ?? 0,
            summary: row.text("summary") ?? "",
            searchText: row.text("search_text") ?? "")
    }
}
