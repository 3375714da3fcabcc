import Foundation
import GRDB
import ImageOps
import Inspection

/// The store: append-only inspections with revisions, findings, checks, scores, photos and the odometer ledger, on
/// SQLite (WAL; photo files content-addressed in a `photos/` folder beside the database) or on PostgreSQL (photo files
/// under a photo root every worker mounts). Both run the same SQL through ``StoreDatabase``.
///
/// The store persists and queries; it never grades, renders or decides. Its concerns live in one file each:
/// submitting (`+Submit`), reading back (`+Queries`), the mileage ledger (`+Ledger`), batch progress
/// (`+BatchProgress`); photo files and their path scheme belong to ``PhotoFileStore``.
package final class InspectionStore: Sendable {
    /// The database file (SQLite), or the server's URL with its password masked (PostgreSQL).
    package let path: String
    /// The photo files.
    package let photoFiles: PhotoFileStore
    /// Where photo files are kept (`<photo base>/photos`).
    package var photoFolder: URL { photoFiles.folder }
    /// The folder stored photo paths are relative to (the database's folder on SQLite, the photo root on PostgreSQL).
    package var photoBase: URL { photoFiles.root }
    /// SQLite's connection pool (WAL: one writer, concurrent readers); nil on PostgreSQL.
    let pool: DatabasePool?
    /// The database behind the SQL surface both backends share.
    let database: any StoreDatabase
    /// Every stored photo's pHash in memory, for the reuse lookup (loaded on first use).
    package let photoHashes = PhotoHashCache()

    /// Opens (creating if needed) the SQLite database at `path`, brings its schema up to date and sweeps stale partial
    /// photo files.
    package init(path: String) throws(StoreError) {
        self.path = path
        let url = URL(filePath: path)
        photoFiles = PhotoFileStore(root: url.deletingLastPathComponent())
        var config = Configuration()
        config.busyMode = .timeout(30)
        config.foreignKeysEnabled = true
        let pool: DatabasePool
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            pool = try DatabasePool(path: path, configuration: config)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            throw .notADatabase(path: path)
        } catch {
            throw .cannotOpen(path: path, reason: Self.describe(error))
        }
        self.pool = pool
        database = GRDBStoreDatabase(pool: pool)
        do {
            let migrator = Schema.migrator
            if try pool.read({ try migrator.hasBeenSuperseded($0) }) { throw StoreError.newerSchema(path: path) }
            try migrator.migrate(pool)
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            throw .notADatabase(path: path)
        } catch {
            throw .database(Self.describe(error))
        }
        photoFiles.sweepIncoming()
    }

    /// Connects to the PostgreSQL server at `url`, brings its schema up to date (once, however many workers start
    /// together) and keeps photo files under `photoRoot`.
    package init(postgres url: PostgresURL, photoRoot: URL, migratedAt: String) throws(StoreError) {
        path = url.description
        let session = try PostgresSession(url)
        try session.migrate(appliedAt: migratedAt)
        pool = nil
        database = PostgresStoreDatabase(session: session)
        photoFiles = PhotoFileStore(root: photoRoot)
        do { try FileManager.default.createDirectory(at: photoRoot, withIntermediateDirectories: true) } catch {
            throw .cannotOpen(path: photoRoot.path, reason: "the photo root cannot be created: \(Self.describe(error))")
        }
        photoFiles.sweepIncoming()
    }

    /// A database error as a sentence.
    static func describe(_ error: any Error) -> String {
        if let error = error as? DatabaseError { return error.message ?? error.description }
        return "\(error)"
    }
}
