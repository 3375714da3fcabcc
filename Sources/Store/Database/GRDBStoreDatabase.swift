import GRDB
import GRDBSQLite

/// The SQLite backend: a GRDB pool (WAL, one writer, concurrent readers).
package struct GRDBStoreDatabase: StoreDatabase {
    /// The pool.
    let pool: DatabasePool

    package var dialect: SQLDialect { .sqlite }

    package func read<T>(_ body: (any SQLExecutor) throws -> T) throws(StoreError) -> T {
        do { return try pool.read { db in try body(Executor(db: db)) } } catch { throw Self.storeError(error, describe: InspectionStore.describe) }
    }

    /// An immediate transaction: it takes the write lock before reading, so two processes writing at once are
    /// serialised (a deferred one could fail with SQLITE_BUSY when upgrading from read to write under WAL).
    package func write<T>(_ body: (any SQLExecutor) throws -> T) throws(StoreError) -> T {
        do {
            return try pool.writeWithoutTransaction { db in
                var value: T?
                try db.inTransaction(.immediate) {
                    value = try body(Executor(db: db))
                    return .commit
                }
                guard let value else { throw StoreError.database("the transaction returned nothing") }
                return value
            }
        } catch {
            throw Self.storeError(error, describe: InspectionStore.describe)
        }
    }

    struct Executor: SQLExecutor {
        let db: Database

        func execute(_ sql: String, _ values: [any SQLBindable]) throws {
            try statement(sql, values).execute()
        }

        func rows(_ sql: String, _ values: [any SQLBindable]) throws -> [SQLRow] {
            try Row.fetchAll(try statement(sql, values)).map { row in
                var values: [String: SQLValue] = [:]
                for (column, value) in row {
                    switch value.storage {
                    case .null: values[column] = .null
                    case let .int64(number): values[column] = .integer(number)
                    case let .double(number): values[column] = .real(number)
                    case let .string(text): values[column] = .text(text)
                    case let .blob(data): values[column] = .text(String(decoding: data, as: UTF8.self))
                    }
                }
                return SQLRow(values)
            }
        }

        /// The statement for `sql` with `values` bound: kept prepared on the connection when it has few placeholders
        /// (the store's fixed statements: a reuse lookup runs three per photo), prepared afresh for bulk inserts.
        private func statement(_ sql: String, _ values: [any SQLBindable]) throws -> Statement {
            let statement = values.count <= 32 ? try db.cachedStatement(sql: sql) : try db.makeStatement(sql: sql)
            try statement.setArguments(Self.arguments(values))
            return statement
        }

        /// Steps the statement through SQLite's C API: GRDB's `Row` costs about 0.5 µs a row, which at a million
        /// rows is most of the reuse index's load time.
        func integerRows(_ sql: String, _ values: [any SQLBindable], columns: Int) throws -> [Int64] {
            let handle = try statement(sql, values).sqliteStatement
            defer { sqlite3_reset(handle) }
            var result: [Int64] = []
            while true {
                let code = sqlite3_step(handle)
                if code == SQLITE_DONE { return result }
                guard code == SQLITE_ROW else {
                    throw DatabaseError(
                        resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)), sql: sql)
                }
                for column in 0..<Int32(columns) { result.append(sqlite3_column_int64(handle, column)) }
            }
        }

        static func arguments(_ values: [any SQLBindable]) -> StatementArguments {
            StatementArguments(
                values.map { value -> (any DatabaseValueConvertible)? in
                    switch value.sqlValue {
                    case .null: nil
                    case let .integer(number): number
                    case let .real(number): number
                    case let .text(text): text
                    }
                })
        }
    }
}
