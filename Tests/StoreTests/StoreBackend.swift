import Common
import Foundation
import TestSupport

@testable import Store

/// The two backends every store test runs on: SQLite in a temporary folder, and a fresh database on the test
/// command's own PostgreSQL server (photos under the same temporary folder).
enum StoreBackend: String, CaseIterable, Sendable, CustomStringConvertible {
    case sqlite
    case postgres

    var description: String { rawValue }

    /// One test's store: the same database every time it is opened in that test (`name` keeps PostgreSQL's).
    final class Opener: Sendable {
        let backend: StoreBackend
        let folder: URL
        private let database = Locked<String?>(nil)

        init(_ backend: StoreBackend, folder: URL) {
            self.backend = backend
            self.folder = folder
        }

        func open() throws -> InspectionStore {
            switch backend {
            case .sqlite:
                return try InspectionStore(path: folder.appending(path: "db/inspect.db").path)
            case .postgres:
                let server = try PostgresTestServer.require()
                let name = try database.withLock { name -> String in
                    if let name { return name }
                    let created = try PostgresSchemaTests.createDatabase(on: server)
                    name = created
                    return created
                }
                return try InspectionStore(
                    postgres: try PostgresURL(parsing: server.url(database: name)), photoRoot: folder.appending(path: "db"), migratedAt: "t0")
            }
        }
    }
}
