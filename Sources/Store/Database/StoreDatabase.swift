/// What the store's SQL runs on: SQLite through GRDB, or PostgreSQL through postgres-nio. SQL is written once with `?`
/// placeholders in the dialect both accept (`ON CONFLICT … DO NOTHING`, `INSERT … RETURNING id`); what differs lives in
/// each backend's migrations.
package protocol StoreDatabase: Sendable {
    /// Which one it is.
    var dialect: SQLDialect { get }
    /// Runs `body` in a read transaction (a consistent snapshot).
    func read<T>(_ body: (any SQLExecutor) throws -> T) throws(StoreError) -> T
    /// Runs `body` in a write transaction: committed when it returns, rolled back when it throws.
    func write<T>(_ body: (any SQLExecutor) throws -> T) throws(StoreError) -> T
}

/// The two SQL dialects.
package enum SQLDialect: String, Sendable {
    case sqlite
    case postgres
}

/// Runs statements inside a transaction of a ``StoreDatabase``.
package protocol SQLExecutor {
    /// Runs one statement.
    func execute(_ sql: String, _ values: [any SQLBindable]) throws
    /// Runs one query and returns its rows.
    func rows(_ sql: String, _ values: [any SQLBindable]) throws -> [SQLRow]
    /// Runs one query whose `columns` columns are all integers and returns them row after row in one flat array (NULL
    /// reads as 0; each row's columns together, the rows in no promised order): the bulk read of the reuse index, a
    /// million rows without a dictionary each.
    func integerRows(_ sql: String, _ values: [any SQLBindable], columns: Int) throws -> [Int64]
}

extension SQLExecutor {
    /// The first row, if any.
    package func row(_ sql: String, _ values: [any SQLBindable] = []) throws -> SQLRow? { try rows(sql, values).first }

    /// Runs an `INSERT … RETURNING id` and returns the id.
    package func insert(_ sql: String, _ values: [any SQLBindable]) throws -> Int64 {
        guard let id = try rows(sql, values).first?.values.values.first, case let .integer(number) = id else {
            throw StoreError.database("an insert returned no id: \(sql.prefix(60))")
        }
        return number
    }
}

extension StoreDatabase {
    /// Maps what a body threw: a store error passes, anything else is a database error with the backend's message.
    static func storeError(_ error: any Error, describe: (any Error) -> String) -> StoreError {
        if let error = error as? StoreError { return error }
        return .database(describe(error))
    }
}
