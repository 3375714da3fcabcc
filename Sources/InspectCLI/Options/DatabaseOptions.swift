import ArgumentParser
import Foundation
import Inspection
import Store

/// `--db` and `--photo-root`: where the store is, for the commands that read or write it.
struct DatabaseOptions: ParsableArguments {
    @Option(
        name: .long, help: "SQLite database file, or postgres://USER[:PASS]@HOST[:PORT]/DB[?sslmode=…] (default: $INSPECT_DB, else ./inspect.db).")
    var db: String?

    @Option(name: .long, help: "With PostgreSQL: the folder every worker mounts for photo files (default: $INSPECT_PHOTO_ROOT).")
    var photoRoot: String?

    /// `--db` as given (a path or a URL).
    var given: String { db ?? Defaults.environment("INSPECT_DB") ?? "inspect.db" }

    /// Where the store is; a URL that cannot be used is an error naming it with its password masked.
    func location() throws -> StoreLocation {
        do { return try StoreLocation.parse(given) } catch { throw CLIFailure.store(error) }
    }

    /// The SQLite database file; a PostgreSQL URL is refused by the commands that need a file.
    var path: String {
        get throws {
            switch try location() {
            case let .sqlite(path): return path
            case let .postgres(url): throw CLIFailure.invalid("\(url) is a PostgreSQL server; this command needs a SQLite file")
            }
        }
    }

    /// Opens (creating and migrating if needed) the store.
    func openStore() throws -> InspectionStore {
        switch try location() {
        case let .sqlite(path):
            do { return try InspectionStore(path: path) } catch { throw CLIFailure.store(error) }
        case let .postgres(url):
            guard let root = photoRoot ?? Defaults.environment("INSPECT_PHOTO_ROOT") else {
                throw CLIFailure.invalid(
                    "\(url) is a PostgreSQL server: give --photo-root DIR (or INSPECT_PHOTO_ROOT), the folder every worker mounts for photos")
            }
            let now = Timestamp(epochSeconds: Int64(Date().timeIntervalSince1970)).utcText
            do { return try InspectionStore(postgres: url, photoRoot: URL(filePath: root), migratedAt: now) } catch { throw CLIFailure.store(error) }
        }
    }

    /// Opens the database, which must already exist (commands that only read never create one).
    func existingStore() throws -> InspectionStore {
        if case let .sqlite(path) = try location(), !FileManager.default.fileExists(atPath: path) {
            throw CLIFailure.invalid("no database at \(path); submit an inspection first or pass --db")
        }
        return try openStore()
    }
}
