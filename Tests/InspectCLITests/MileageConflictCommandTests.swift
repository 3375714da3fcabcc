import Foundation
import TestSupport
import Testing

/// Staff readings that disagree are a conflict, said at once, internal until a person resolves it (a data-entry error
/// with the true reading, or a confirmed rollback); the customer reads "being verified" until then.
@Suite(.serialized) struct MileageConflictCommandTests {
    let folder = TemporaryFolder()
    var runner: CommandRunner {
        CommandRunner(directory: Fixtures.repoRoot, environment: ["INSPECT_DB": folder.url.appending(path: "inspect.db").path])
    }
    let day = "samples/day-2026-11-20"

    func json(_ result: CommandRunner.Result) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result.stdout)\(result.stderr)")
    }

    func flags(_ vin: String) throws -> [[String: Any]] {
        try json(try runner.run(["mileage", "show", "--lang", "en", vin, "--format", "json"]))["flags"] as? [[String: Any]] ?? []
    }

    func report(_ vin: String, _ audience: String) throws -> String {
        try runner.run(["report", vin, "--format", "md", "--lang", "zh", "--audience", audience, "--generated-at", "2026-11-27T10:00:00+08:00"])
            .stdout
    }

    @Test func anEarlyTransportReadingTooHighIsOneConflictUntilResolvedAsAnEntryError() throws {
        let car = "LSVAM4189C2184526"
        #expect(try runner.run(["submit", "\(day)/\(car)/appraisal.yaml", "\(day)/\(car)/audit.yaml"]).status == 0)
        // Dated before the appraisal (09:30) and above every later reading: said at once, exit 3, stored all the same.
        let recorded = try runner.run([
            "mileage", "record", car, "--stage", "transport", "--reading", "48900", "--at", "2026-11-20T08:00:00+08:00", "--mode", "flatbed",
        ])
        #expect(recorded.status == 3, "\(recorded.stdout)\(recorded.stderr)")
        #expect(recorded.stdout.hasPrefix("recorded #3 "))
        #expect(recorded.stderr.contains("readings disagree: #1 48,210 km at appraisal") && recorded.stderr.contains("below #3 48,900 km"))
        // One conflict, not a rollback on every later reading.
        let open = try flags(car)
        #expect(open.map { $0["kind"] as? String } == ["reading-conflict"] && open.first?["record_id"] as? Int == 1)
        // Internal: which readings disagree. Customer: being verified, never tampering.
        let internalReport = try report(car, "internal"), customer = try report(car, "customer")
        #expect(internalReport.contains("读数矛盾：#1") && internalReport.contains("#3"))
        #expect(customer.contains("里程读数正在核实") && customer.contains("该读数正在核实"))
        #expect(!customer.contains("调表") && !customer.contains("读数矛盾") && !customer.contains("回退"))

        // Resolving names a conflict that exists, and one of its two readings.
        let noConflict = try runner.run(resolve(car, reading: 2, "--rollback"))
        #expect(noConflict.status == 1 && noConflict.stderr.contains("reading #2 has no open conflict to resolve (open conflicts: #1)"))
        let unrelated = try runner.run(resolve(car, reading: 1, "--entry-error", "2", "--true-reading", "48222"))
        #expect(unrelated.status == 1 && unrelated.stderr.contains("--entry-error 2 is not one of the disagreeing readings (#1 and #3)"))
        #expect(try runner.run(resolve(car, reading: 1)).status == 2)  // neither --rollback nor --entry-error

        // #3 was mistyped: the correction supersedes it, the ledger is clean, the history keeps both.
        let fixed = try runner.run(resolve(car, reading: 1, "--entry-error", "3", "--true-reading", "48200"))
        #expect(fixed.status == 0, "\(fixed.stdout)\(fixed.stderr)")
        #expect(fixed.stdout.contains("resolution #1: reading #3 was a data-entry error; corrected by #4"))
        #expect(try flags(car).isEmpty)
        #expect(try runner.run(["mileage", "show", "--lang", "en", car]).stdout.contains("48,900 km · flatbed · manual · superseded by #4"))
        let again = try runner.run(resolve(car, reading: 1, "--rollback"))
        #expect(again.status == 1 && again.stderr.contains("reading #1 has no open conflict to resolve (the ledger has none)"))
    }

    @Test func aConfirmedRollbackIsShownAsOneToEveryone() throws {
        let car = "LHGCR2654E8012345"  // its audit reads 45 km below its appraisal
        #expect(try runner.run(["submit", "\(day)/\(car)/appraisal.yaml", "\(day)/\(car)/audit.yaml"]).status == 0)
        #expect(try flags(car).map { $0["kind"] as? String } == ["reading-conflict"])
        #expect(try report(car, "customer").contains("里程读数正在核实"))
        let confirmed = try runner.run(resolve(car, reading: 2, "--rollback", "--note", "instrument cluster swapped"))
        #expect(confirmed.status == 3, "\(confirmed.stdout)\(confirmed.stderr)")  // the ledger still has its (now confirmed) flag
        #expect(try flags(car).map { $0["kind"] as? String } == ["rollback"])
        #expect(try report(car, "customer").contains("里程回退（已核实确认）"))
        #expect(try report(car, "internal").contains("已确认里程回退"))
        let twice = try runner.run(resolve(car, reading: 2, "--rollback"))
        #expect(twice.status == 1, "\(twice.stderr)")
    }

    func resolve(_ vin: String, reading: Int, _ extra: String...) -> [String] {
        ["mileage", "resolve", vin, "--reading", "\(reading)", "--by", "STF-0012", "--at", "2026-11-26T10:00:00+08:00"] + extra
    }
}
