/// One row read back, by column name, with typed reads that mean the same on both backends (a PostgreSQL boolean
/// reads as 0 or 1, a SQLite integer as a Swift `Int64`).
package struct SQLRow: Sendable, Hashable {
    /// Column values by name (the query's column names or `AS` aliases).
    package var values: [String: SQLValue]

    /// Creates a row.
    package init(_ values: [String: SQLValue]) { self.values = values }

    /// Text, or nil for NULL (a number reads as its decimal text).
    package func text(_ column: String) -> String? {
        switch values[column] {
        case let .text(text)?: text
        case let .integer(number)?: String(number)
        case let .real(number)?: String(number)
        case .null?, nil: nil
        }
    }

    /// An integer, or nil for NULL or text that is not one.
    package func integer(_ column: String) -> Int64? {
        switch values[column] {
        case let .integer(number)?: number
        case let .real(number)?: Int64(exactly: number)
        case let .text(text)?: Int64(text)
        case .null?, nil: nil
        }
    }

    /// An `Int`, or nil.
    package func int(_ column: String) -> Int? { integer(column).map { Int($0) } }

    /// A boolean (any non-zero integer), or nil.
    package func bool(_ column: String) -> Bool? { integer(column).map { $0 != 0 } }
}
