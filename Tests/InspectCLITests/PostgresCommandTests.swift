import Foundation
import TestSupport
import Testing

/// The commands on PostgreSQL (`--db postgres://… --photo-root DIR`) store and answer exactly as on SQLite: the same
/// sample day gives byte-identical reports, comparisons, ledgers, lookups and delivery checks.
@Suite(.serialized) struct PostgresCommandTests {
    let folder = TemporaryFolder()
    let day = "samples/day-2026-11-20"
    let cars = ["LSVAM4189C2184526", "LFV2A21K2D4052187", "JHMCM56557C404453", "LGXCE6CB2H0123456", "LHGCR2654E8012345"]

    @Test func theSameDayGivesTheSameOutputsOnBothBackends() throws {
        let server = try PostgresTestServer.require()
        let name = "cli_\(UInt32.random(in: 0...UInt32.max))"
        try PostgresTestServer.run(
            "/usr/lib/postgresql/15/bin/createdb", ["-h", "127.0.0.1", "-p", "\(server.port)", "-U", server.user, name], asPostgres: getuid() == 0)
        let sqlite = CommandRunner(directory: Fixtures.repoRoot, environment: ["INSPECT_DB": folder.url.appending(path: "s/inspect.db").path])
        let postgres = CommandRunner(
            directory: Fixtures.repoRoot,
            environment: ["INSPECT_DB": server.url(database: name), "INSPECT_PHOTO_ROOT": folder.url.appending(path: "pg").path])
        let files = cars.flatMap { ["\(day)/\($0)/appraisal.yaml", "\(day)/\($0)/audit.yaml"] }
        for runner in [sqlite, postgres] {
            let stored = try runner.run(["submit", "--now", "2026-11-26T10:00:00+08:00"] + files)
            #expect(stored.status == 0, "\(stored.stderr)")
            let delivered = try runner.run([
                "deliver", "--lang", "en", "LSVAM4189C2184526", "--submission", "\(day)/LSVAM4189C2184526/delivery.yaml", "--now",
                "2026-11-27T10:00:00+08:00",
            ])
            #expect(delivered.status == 0, "\(delivered.stderr)")
        }
        var commands: [[String]] = cars.flatMap { vin in
            [
                ["report", vin, "--format", "json", "--generated-at", "2026-11-27T18:00:00+08:00"],
                ["mileage", "show", "--lang", "en", vin, "--format", "json"],
                ["show", vin],
            ]
        }
        commands += [
            ["compare", "--lang", "en", "LFV2A21K2D4052187", "--format", "json"],
            ["compare", "--lang", "en", "--by-appraiser", "--from", "2026-11-20", "--to", "2026-11-21"],
            ["find", "天窗", "--format", "json"], ["find", "184526"], ["quote", "LHGCR2654E8012345", "--format", "json"],
        ]
        for command in commands {
            let (a, b) = (try sqlite.run(command), try postgres.run(command))
            #expect(a.status == b.status && a.stdout == b.stdout, "\(command): \(b.stderr)")
            #expect(!b.stdout.isEmpty)
        }
        // The photos went under the photo root, content-addressed like SQLite's.
        let stored = try FileManager.default.subpathsOfDirectory(atPath: folder.url.appending(path: "pg/photos").path).filter { $0.hasSuffix(".jpg") }
        let local = try FileManager.default.subpathsOfDirectory(atPath: folder.url.appending(path: "s/photos").path).filter { $0.hasSuffix(".jpg") }
        #expect(!stored.isEmpty && Set(stored) == Set(local))
    }
}
