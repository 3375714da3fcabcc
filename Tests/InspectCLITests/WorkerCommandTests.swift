import Common
import Foundation
import TestSupport
import Testing

@testable import Store

/// Workers on many machines: a day queued once, three worker processes, one SIGKILLed mid-car (seen in the job
/// table), the others finish it; every car is processed and stored once, and the stored cars read as a single-process
/// SQLite batch of the same day stores them.
@Suite(.serialized) struct WorkerCommandTests {
    let folder = TemporaryFolder()

    @Test func threeWorkersOneKilledMidCarFinishTheDay() throws {
        let server = try PostgresTestServer.require()
        let name = try Self.createDatabase(on: server)
        let day = folder.url.appending(path: "day")
        let generated = try CommandRunner.dev().run(["generate-day", day.path, "--cars", "4", "--size", "4032x3024", "--seed", "5"])
        #expect(generated.status == 0, "\(generated.stderr)")
        let environment = ["INSPECT_DB": server.url(database: name), "INSPECT_PHOTO_ROOT": folder.url.appending(path: "pg").path]
        let runner = CommandRunner(directory: Fixtures.repoRoot, environment: environment)
        let queued = try runner.run(["batch", "enqueue", day.path])
        #expect(queued.status == 0 && queued.stdout.hasPrefix("queued 4 of 4 car folders"), "\(queued.stdout)\(queued.stderr)")
        #expect(try runner.run(["batch", "enqueue", day.path]).stdout.hasPrefix("queued 0 of 4"))  // unchanged: nothing added

        let queue = PostgresStoreDatabase(session: try PostgresSession(try PostgresURL(parsing: server.url(database: name))))
        func running() throws -> [SQLRow] { try queue.read { sql in try sql.rows("SELECT id, worker FROM job WHERE status = 'running'", []) } }
        // The first worker is killed while it holds a car: the job table says so.
        let killed = try runner.runAndKill(["worker", "--lease", "3", "--until-empty"], when: { try !running().isEmpty })
        #expect(killed == .killed)
        let held = try #require(try running().first, "the killed worker's car is still running in the job table")
        // Two more workers finish the day, redoing the killed worker's car once its lease runs out.
        let finished = Locked<[CommandRunner.Result]>([])
        DispatchQueue.concurrentPerform(iterations: 2) { _ in
            if let result = try? runner.run(["worker", "--lease", "3", "--until-empty"]) { finished.withLock { $0.append(result) } }
        }
        #expect(finished.withLock { $0.map(\.status) } == [0, 0], "\(finished.withLock { $0.map(\.stderr) })")
        let jobs = try queue.read { sql in try sql.rows("SELECT id, status, attempts, worker FROM job ORDER BY id", []) }
        #expect(jobs.map { $0.text("status") } == ["done", "done", "done", "done"])
        let redone = try #require(jobs.first { $0.integer("id") == held.integer("id") })
        #expect(redone.int("attempts") == 2 && redone.text("worker") != held.text("worker"))
        // Every stage of every car stored once: the redo recognised what the killed worker had stored.
        let revisions = try queue.read { sql in try sql.rows("SELECT vin, stage, count(*) AS n FROM inspection GROUP BY vin, stage", []) }
        #expect(!revisions.isEmpty && revisions.allSatisfy { $0.int("n") == 1 })

        // The same content as one SQLite batch of the day.
        let sqlite = CommandRunner(directory: Fixtures.repoRoot, environment: ["INSPECT_DB": folder.url.appending(path: "s/inspect.db").path])
        _ = try sqlite.run(["batch", day.path, "--quiet"])
        for vin in try sqlite.run(["find", "SYN", "--format", "json"]).stdout.split(separator: "\"vin\" : \"").dropFirst().map({
            String($0.prefix(17))
        }) {
            let command = ["report", vin, "--format", "json", "--generated-at", "2026-11-27T18:00:00+08:00"]
            // Row ids number records in the order they were stored, which parallel workers do not fix: they are left out.
            func content(_ text: String) -> String {
                text.split(separator: "\n").filter { $0.range(of: #"^\s*"id" : \d+,?$"#, options: .regularExpression) == nil }.joined(separator: "\n")
            }
            let (a, b) = (content(try sqlite.run(command).stdout), content(try runner.run(command).stdout))
            let difference = zip(a.split(separator: "\n"), b.split(separator: "\n")).first { $0 != $1 }.map { "\($0.0)\n\($0.1)" }
            #expect(a == b, "\(vin): \(difference ?? "lengths differ")")
        }
        let status = try runner.run(["batch", "--status", day.path])
        #expect(status.stdout.hasPrefix("queued day: pending 0 · running 0 · done 4 · failed 0"), "\(status.stdout)")
        // ... and the day's summary across the workers, as one batch run reports it.
        let single = try sqlite.run(["batch", day.path, "--quiet"]).stdout
        #expect(status.stdout.contains("cars 4: ok 4") && single.contains("cars 4: ok 4"), "\(status.stdout)")
    }

    @Test func sigtermStopsAWaitingWorkerCleanly() throws {
        let server = try PostgresTestServer.require()
        let name = try Self.createDatabase(on: server)
        let environment = ["INSPECT_DB": server.url(database: name), "INSPECT_PHOTO_ROOT": folder.url.appending(path: "pg").path]
        let queue = PostgresStoreDatabase(session: try PostgresSession(try PostgresURL(parsing: server.url(database: name))))
        // The worker has connected once the schema is there (it migrates on open); then it waits for jobs.
        let status = try CommandRunner(directory: Fixtures.repoRoot, environment: environment).runAndSignal(["worker"], signal: SIGTERM) {
            (try? queue.read { sql in try sql.rows("SELECT id FROM schema_migrations WHERE id = 'v8-jobs'", []) })?.isEmpty == false
        }
        #expect(status == 0)
    }

    static func createDatabase(on server: PostgresTestServer) throws -> String {
        let name = "w_\(UInt32.random(in: 0...UInt32.max))"
        try PostgresTestServer.run(
            "/usr/lib/postgresql/15/bin/createdb", ["-h", "127.0.0.1", "-p", "\(server.port)", "-U", server.user, name], asPostgres: getuid() == 0)
        return name
    }
}
