import Foundation

/// Where the store is: a SQLite file (a path), or a PostgreSQL server (`postgres://` or `postgresql://` URL).
package enum StoreLocation: Sendable, Equatable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(PostgresURL)

    /// Reads `--db` / `INSPECT_DB`: a URL with a scheme is a server (only PostgreSQL's), anything else a file path.
    package static func parse(_ text: String) throws(StoreError) -> StoreLocation {
        guard let schemeEnd = text.range(of: "://") else { return .sqlite(path: text) }
        let scheme = text[..<schemeEnd.lowerBound].lowercased()
        guard scheme == "postgres" || scheme == "postgresql" else {
            throw .badDatabaseURL(
                PostgresURL.maskPassword(in: text), reason: "\"\(scheme)://\" is not a store inspect knows: give a file path (SQLite) or postgres://")
        }
        return .postgres(try PostgresURL(parsing: text))
    }

    /// The location as it may be printed: a path, or the URL with its password masked.
    package var description: String {
        switch self {
        case let .sqlite(path): path
        case let .postgres(url): url.description
        }
    }
}
