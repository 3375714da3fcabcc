import ArgumentParser
import Foundation
import Store

/// `--db`: where the store is, for the commands that read or write it.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: "SQLite database file (default: $INSPECT_DB, else ./inspect.db).")
    var db: String?

    /// `--db` as given (a path or a URL).
    var given: String { db ?? Defaults.environment("INSPECT_DB") ?? "inspect.db" }

    /// The database file. A URL is refused with a clear message (never taken for a file name).
    var path: String {
        get throws {
            switch try location() {
            case let .sqlite(path): return path
            case let .postgres(url):
                throw CLIFailure.invalid(
                    "\(url) is a PostgreSQL server; this build of inspect stores in SQLite only (the PostgreSQL store is not built yet): give a file path"
                )
            }
        }
    }

    /// Where the store is; a URL that cannot be used is an error naming it with its password masked.
    func location() throws -> StoreLocation {
        do { return try StoreLocation.parse(given) } catch { throw CLIFailure.store(error) }
    }

    /// Opens (creating and migrating if needed) the store.
    func openStore() throws -> InspectionStore {
        let path = try path
        do { return try InspectionStore(path: path) } catch { throw CLIFailure.store(error) }
    }

    /// Opens the database, which must already exist (commands that only read never create one).
    func existingStore() throws -> InspectionStore {
        let path = try path
        guard FileManager.default.fileExists(atPath: path) else {
            throw CLIFailure.invalid("no database at \(path); submit an inspection first or pass --db")
        }
        return try openStore()
    }
}
