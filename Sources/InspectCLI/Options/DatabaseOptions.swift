import ArgumentParser
import Foundation
import Store

/// `--db`: where the store is, for the commands that read or write it.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: "SQLite database (default: $INSPECT_DB, else ./inspect.db).")
    var db: String?

    /// The database path to use.
    var path: String { db ?? Defaults.environment("INSPECT_DB") ?? "inspect.db" }

    /// Opens (creating and migrating if needed) the store.
    func openStore() throws -> InspectionStore {
        do { return try InspectionStore(path: path) } catch { throw CLIFailure.store(error) }
    }

    /// Opens the database, which must already exist (commands that only read never create one).
    func existingStore() throws -> InspectionStore {
        guard FileManager.default.fileExists(atPath: path) else {
            throw CLIFailure.invalid("no database at \(path); submit an inspection first or pass --db")
        }
        return try openStore()
    }
}
