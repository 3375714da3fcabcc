import Common
import Foundation
import GRDB
import PostgresNIO
import TestSupport
import Testing

@testable import Store

/// The PostgreSQL schema against a real server (the test command's own): migrations run once and refuse a newer
/// schema, the tables and columns are SQLite's, and the append-only rules hold. Without a server these fail, naming why.
@Suite struct PostgresSchemaTests {
    /// A new, empty database on the test server, and a session to it.
    static func freshDatabase() throws -> PostgresSession {
        let server = try PostgresTestServer.require()
        return try PostgresSession(try PostgresURL(parsing: server.url(database: try createDatabase(on: server))))
    }

    /// Creates an empty database on `server` and returns its name.
    static func createDatabase(on server: PostgresTestServer) throws -> String {
        let admin = try PostgresSession(try PostgresURL(parsing: server.url()))
        let name = "t_\(UInt32.random(in: 0...UInt32.max))_\(UInt32.random(in: 0...UInt32.max))"
        try admin.execute(script: "CREATE DATABASE \(name)")
        return name
    }

    @Test func migrationsRunOnceAndRefuseANewerSchema() throws {
        let session = try Self.freshDatabase()
        try session.migrate(appliedAt: "t0")
        try session.migrate(appliedAt: "t1")  // nothing left to do
        #expect(try session.appliedMigrations() == PostgresSchema.migrations.map(\.id))
        _ = try session.query("INSERT INTO schema_migrations (id, applied_at) VALUES ('v99-from-the-future', 't2')")
        #expect(throws: StoreError.newerSchema(path: session.url.description)) { try session.migrate(appliedAt: "t3") }
    }

    @Test func workersStartingTogetherMigrateOnce() throws {
        let first = try Self.freshDatabase()
        let second = try PostgresSession(first.url)
        let failures = Locked<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            do { try (index == 0 ? first : second).migrate(appliedAt: "t\(index)") } catch { failures.withLock { $0.append("\(error)") } }
        }
        #expect(failures.withLock { $0 } == [])
        #expect(try first.query("SELECT count(*) FROM schema_migrations").first?[0].decode(Int64.self) == Int64(PostgresSchema.migrations.count))
    }

    @Test func scriptsSplitIntoStatementsOutsideQuotesBodiesAndComments() {
        let script = "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1; $$;\n-- a comment; with a semicolon\nSELECT ';';\n\nSELECT 2"
        #expect(
            PostgresSession.statements(in: script) == [
                "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1; $$", "-- a comment; with a semicolon\nSELECT ';'", "SELECT 2",
            ])
    }

    @Test func theTablesAndColumnsAreSQLites() throws {
        let session = try Self.freshDatabase()
        try session.migrate(appliedAt: "t0")
        var postgres: [String: Set<String>] = [:]
        for row in try session.query("SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public'") {
            postgres[try row[0].decode(String.self), default: []].insert(try row[1].decode(String.self))
        }
        postgres["schema_migrations"] = nil  // the migration ledger of each backend
        postgres["job"] = nil  // the worker queue: PostgreSQL only
        postgres["car_index"]?.subtract(["seq", "search"])  // SQLite's rowid and FTS5 table
        let folder = TemporaryFolder()
        _ = try InspectionStore(path: folder.url.appending(path: "inspect.db").path)
        let sqlite = try DatabaseQueue(path: folder.url.appending(path: "inspect.db").path).read { db in
            var tables: [String: Set<String>] = [:]
            let names = try String.fetchAll(
                db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'car_text%'")
            for name in names where name != "grdb_migrations" {
                tables[name] = Set(try Row.fetchAll(db, sql: "PRAGMA table_info(\(name))").map { $0["name"] as String })
            }
            return tables
        }
        #expect(postgres.keys.sorted() == sqlite.keys.sorted())
        for (table, columns) in sqlite { #expect(postgres[table] == columns, "\(table)") }
    }

    @Test func appendOnlyTablesRefuseChanges() throws {
        let session = try Self.freshDatabase()
        try session.migrate(appliedAt: "t0")
        let triggers = Set(try session.query("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal").map { try $0[0].decode(String.self) })
        for table in Schema.appendOnlyTables {
            #expect(triggers.isSuperset(of: ["\(table)_no_update", "\(table)_no_delete"]), "\(table)")
        }
        _ = try session.query("INSERT INTO vehicle (vin, first_seen_at) VALUES ('LSVAM4189C2184526', 't0')")
        _ = try session.query(
            """
            INSERT INTO feedback (vin, kind, channel, text, received_at, received_at_epoch, recorded_at)
            VALUES ('LSVAM4189C2184526', 'praise', 'store', 'quick', 't', 1, 't')
            """)
        #expect(throws: StoreError.database("feedback is append-only: corrections are new records")) {
            try session.query("UPDATE feedback SET text = 'slow'")
        }
        #expect(throws: StoreError.database("feedback is append-only: nothing stored is deleted")) { try session.query("DELETE FROM feedback") }
        // Only a complaint is closed; a new inspection marks its car for the lookup index.
        #expect(throws: StoreError.database("only a complaint is closed")) {
            try session.query(
                "INSERT INTO feedback_resolution (feedback_id, resolution, resolved_by, resolved_at, resolved_at_epoch, recorded_at) VALUES (1, 'x', 'y', 't', 1, 't')"
            )
        }
        for revision in 1...2 {
            _ = try session.query(
                """
                INSERT INTO inspection (vin, stage, revision, content_sha256, template_id, template_sha256, inspected_at, inspected_at_epoch,
                    inspector_id, source_path, submitted_at, document, assessment)
                VALUES ('LSVAM4189C2184526', 'appraisal', $1, 'h', 't', 't', 't', 0, 'A', 'p', 't', '{}', '{}')
                """, [.integer(Int64(revision))])
        }
        #expect(try session.query("SELECT generation FROM car_index_stale").map { try $0[0].decode(Int64.self) } == [2])
    }

    @Test func anUnreachableServerIsAClearErrorWithoutThePassword() throws {
        let url = try PostgresURL(parsing: "postgres://inspect:hunter2@127.0.0.1:\(try PostgresTestServer.freePort())/inspect?sslmode=disable")
        #expect {
            try PostgresSession(url)
        } throws: { error in
            let text = "\(error)"
            return text.hasPrefix("cannot open database postgres://inspect:***@127.0.0.1:") && !text.contains("hunter2")
        }
    }
}
