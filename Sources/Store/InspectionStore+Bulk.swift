/// Bulk loading: many rows in one transaction as multi-row INSERT statements (benchmark seeding and imports; the
/// store's own writes go through `submit` and friends).
extension InspectionStore {
    /// Inserts rows table by table inside one write transaction.
    package struct BulkInserter {
        let sql: any SQLExecutor

        /// Inserts `rows` into `table` in statements of up to `perStatement` rows (bound values stay below both
        /// backends' limits); returns the `returning` columns of every row inserted, in no promised order.
        @discardableResult
        package func insert(into table: String, columns: [String], rows: [[SQLValue]], returning: [String] = []) throws -> [SQLRow] {
            let perStatement = max(1, 20_000 / max(1, columns.count))
            let tuple = "(" + Array(repeating: "?", count: columns.count).joined(separator: ",") + ")"
            let suffix = returning.isEmpty ? "" : " RETURNING " + returning.joined(separator: ", ")
            var result: [SQLRow] = []
            for start in stride(from: 0, to: rows.count, by: perStatement) {
                let chunk = rows[start..<min(rows.count, start + perStatement)]
                let statement =
                    "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
                    + Array(repeating: tuple, count: chunk.count).joined(separator: ",") + suffix
                let values = chunk.flatMap { $0 as [any SQLBindable] }
                if returning.isEmpty { try sql.execute(statement, values) } else { result += try sql.rows(statement, values) }
            }
            return result
        }
    }

    /// Runs `body` in one write transaction with a ``BulkInserter``; nothing is kept if it throws.
    package func bulkWrite(_ body: (BulkInserter) throws -> Void) throws(StoreError) {
        try database.write { sql in try body(BulkInserter(sql: sql)) }
    }
}
