import Foundation
import GRDB
import ImageOps
import Inspection

/// The SQLite store (WAL mode): append-only inspections with revisions, findings, checks, scores, photos
/// and the odometer ledger; photo files live content-addressed in a `photos/` folder beside the database.
///
/// The store persists and queries; it never grades, renders or decides. Its concerns live in one file each:
/// submitting (`+Submit`), reading back (`+Queries`), the mileage ledger (`+Ledger`), batch progress
/// (`+BatchProgress`); photo files and their path scheme belong to ``PhotoFileStore``.
package final class InspectionStore: Sendable {
    /// The database file.
    package let path: String
    /// The photo files beside the database.
    package let photoFiles: PhotoFileStore
    /// Where photo files are kept (`<db folder>/photos`).
    package var photoFolder: URL { photoFiles.folder }
    /// The connection pool (WAL: one writer, concurrent readers).
    let pool: DatabasePool
    /// The same database behind the SQL surface both backends share (the store's queries move onto it; issue 15).
    let database: any StoreDatabase

    /// Opens (creating if needed) the database at `path`, brings its schema up to date and sweeps stale partial
    /// photo files.
    package init(path: String) throws(StoreError) {
        self.path = path
        let url = URL(filePath: path)
        photoFiles = PhotoFileStore(root: url.deletingLastPathComponent())
        var config = Configuration()
        config.busyMode = .timeout(30)
        config.foreignKeysEnabled = true
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            pool = try DatabasePool(path: path, configuration: config)
            database = GRDBStoreDatabase(pool: pool)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            throw .notADatabase(path: path)
        } catch {
            throw .cannotOpen(path: path, reason: Self.describe(error))
        }
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

    /// A database error as a sentence.
    static func describe(_ error: any Error) -> String {
        if let error = error as? DatabaseError { return error.message ?? error.description }
        return "\(error)"
    }
}
