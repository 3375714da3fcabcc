import Foundation
import TestSupport
import Testing

/// `inspect return` and `inspect warranty` end to end: verdicts and exit codes, claims refused for an undelivered car,
/// claims counted against the appraiser, the report's after-sale history, and batch handling `return.yaml`.
@Suite(.serialized) struct AfterSaleCommandTests {
    let folder = TemporaryFolder()
    var runner: CommandRunner {
        CommandRunner(directory: Fixtures.repoRoot, environment: ["INSPECT_DB": folder.url.appending(path: "inspect.db").path])
    }
    let day = "samples/day-2026-11-20"
    let car = "LSVAM4189C2184526"

    func json(_ result: CommandRunner.Result) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result.stdout)\(result.stderr)")
    }

    @Test func aReturnIsAcceptedDeductedOrRefused() throws {
        #expect(
            try runner.run(["submit", "--now", "2026-11-26T10:00:00+08:00", "\(day)/\(car)/appraisal.yaml", "\(day)/\(car)/audit.yaml"]).status == 0)
        // No delivery on record: refused.
        let early = try runner.run(["return", "--lang", "en", car, "--submission", "\(day)/\(car)/return.yaml", "--format", "json"])
        #expect(early.status == 5)
        #expect(try json(early)["verdict"] as? String == "refuse")
        #expect(try runner.run(["deliver", "--lang", "en", car, "--submission", "\(day)/\(car)/delivery.yaml"]).status == 0)
        // The sample return: a new rear scratch: deduct, priced.
        let returned = try runner.run(["return", "--lang", "en", car, "--submission", "\(day)/\(car)/return.yaml", "--format", "json"])
        #expect(returned.status == 3)
        let object = try json(returned)
        #expect(object["format"] as? String == "return-check/1" && object["verdict"] as? String == "deduct")
        #expect(object["deadline"] as? String == "2026-12-02T15:20:00+08:00" && object["driven_km"] as? Int == 320)
        let items = try #require(object["items"] as? [[String: Any]])
        #expect(items.map { $0["kind"] as? String } == ["new_damage"] && items.first?["finding"] as? String == "27HH1")
        #expect((object["total"] as? [String: Int]) == ["min": 120, "max": 170])
        #expect(object["charged_total"] as? Int == 170 && items.first?["charged"] as? Int == 170)  // one amount to sign
        let printed = try runner.run(["return", "--lang", "en", car, "--submission", "\(day)/\(car)/return.yaml"]).stdout
        #expect(printed.contains("(CNY 170, estimate CNY 120–170)") && printed.contains("deductions: CNY 170\n"), "\(printed)")
        // The same return without the new scratch: accept, exit 0.
        let cleanFolder = folder.url.appending(path: "clean")
        try FileManager.default.createDirectory(at: cleanFolder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Fixtures.repoRoot.appending(path: "\(day)/\(car)/photos"), to: cleanFolder.appending(path: "photos"))
        let clean = cleanFolder.appending(path: "return.yaml")
        let text = try String(contentsOf: Fixtures.repoRoot.appending(path: "\(day)/\(car)/return.yaml"), encoding: .utf8)
            .replacingOccurrences(
                of: "  - code: 27HH1                  # new since the handover\n    photos: [photos/return-27HH1.jpg]\n    note: 后保险杠新增划痕\n", with: ""
            )
        #expect(!text.contains("27HH1"))
        try Data(text.utf8).write(to: clean)
        let accepted = try runner.run(["return", "--lang", "en", car, "--submission", clean.path])
        #expect(accepted.status == 0, "\(accepted.stdout)\(accepted.stderr)")
        #expect(accepted.stdout.hasPrefix("return of \(car): ACCEPT"))
    }

    @Test func warrantyClaimsAreHeldAgainstTheInspections() throws {
        let files = ["LSVAM4189C2184526", "LFV2A21K2D4052187"].flatMap { ["\(day)/\($0)/appraisal.yaml", "\(day)/\($0)/audit.yaml"] }
        #expect(try runner.run(["submit", "--now", "2026-11-26T10:00:00+08:00"] + files).status == 0)
        let undelivered = try runner.run([
            "warranty", "claim", "LFV2A21K2D4052187", "--check", "chassis.7", "--symptom", "springs", "--cost", "100", "--at",
            "2026-12-01T10:00:00+08:00",
        ])
        #expect(undelivered.status == 1 && undelivered.stderr.contains("no delivery on record: the warranty starts at the handover"))
        #expect(try runner.run(["deliver", "--lang", "en", car, "--submission", "\(day)/\(car)/delivery.yaml"]).status == 0)
        // Aged suspension repaired under the 30-day warranty: both inspections passed it (missed).
        let claim = try runner.run([
            "warranty", "claim", car, "--check", "chassis.7", "--symptom", "rear springs sag", "--cost", "10400", "--at", "2026-12-10T10:00:00+08:00",
            "--now", "2026-12-10T10:05:00+08:00",
        ])
        #expect(claim.status == 0 && claim.stdout == "1\n", "\(claim.stderr)")
        #expect(
            try runner.run([
                "warranty", "claim", car, "--part", "14", "--symptom", "hood scratch", "--cost", "300", "--at", "2026-12-11T10:00:00+08:00",
            ]).status
                == 0)
        let late = try runner.run(["warranty", "claim", car, "--part", "28", "--symptom", "rim", "--cost", "1", "--at", "2026-12-26T10:00:00+08:00"])
        #expect(late.status == 1 && late.stderr.contains("after the 30-day warranty ended at 2026-12-25T15:20:00+08:00"))
        let unknown = try runner.run([
            "warranty", "claim", car, "--check", "chassis.99", "--symptom", "x", "--cost", "1", "--at", "2026-12-11T10:00:00+08:00",
        ])
        #expect(unknown.status == 1 && unknown.stderr.contains("check chassis.99 is not in template gbt30323-2013"))
        let listed = try json(try runner.run(["warranty", "list", car, "--format", "json"]))
        let claims = try #require(listed["claims"] as? [[String: Any]])
        #expect(claims.map { $0["attribution"] as? String } == ["missed", "disclosed"] && listed["total_cost"] as? Int == 10700)
        // Counted against the appraiser: one missed item claimed, 10,400.
        let accuracy = try json(
            try runner.run(["compare", "--lang", "en", "--by-appraiser", "--from", "2026-11-20", "--to", "2026-11-20", "--format", "json"]))
        let appraiser = try #require((accuracy["appraisers"] as? [[String: Any]])?.first { $0["id"] as? String == "APR-0117" })
        #expect(appraiser["claims_missed"] as? Int == 1 && appraiser["claims_missed_cost"] as? Int == 10400)
        // The report (internal) lists them; the customer's does not.
        let report = try json(try runner.run(["report", car, "--format", "json", "--generated-at", "2026-12-20T10:00:00+08:00"]))
        let afterSale = try #require(report["after_sale"] as? [String: Any])
        #expect(((afterSale["claims"] as? [String: Any])?["claims"] as? [Any])?.count == 2)
        let customer = try runner.run(["report", car, "--format", "json", "--audience", "customer"]).stdout
        #expect(!customer.contains("after_sale"))
    }

    @Test func batchTakesTheReturnToo() throws {
        let summary = folder.url.appending(path: "summary.json")
        let batch = try runner.run(["batch", day, "--quiet", "--summary-json", summary.path, "--now", "2026-11-27T10:00:00+08:00"])
        #expect(batch.status == 0, "\(batch.stdout)\(batch.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: summary)) as? [String: Any])
        let outcome = try #require((object["outcomes"] as? [[String: Any]])?.first { $0["vin"] as? String == car })
        #expect(outcome["returned"] as? String == "deduct" && outcome["delivery"] as? String == "ok")
    }

    @Test func aCarWhoseOnlyHandoverStoppedHasNoWarrantyAndCannotBeReturned() throws {
        let flood = "JHMCM56557C404453"
        let files = ["\(day)/\(flood)/appraisal.yaml", "\(day)/\(flood)/audit.yaml"]
        #expect(try runner.run(["submit", "--now", "2026-11-26T10:00:00+08:00"] + files).status == 0)
        #expect(try runner.run(["deliver", "--lang", "en", flood, "--submission", "\(day)/\(flood)/delivery.yaml"]).status == 5)  // new damage: stop
        let claim = try runner.run([
            "warranty", "claim", flood, "--check", "chassis.7", "--symptom", "springs", "--cost", "100", "--at", "2026-12-01T10:00:00+08:00",
        ])
        #expect(claim.status == 1, "\(claim.stdout)\(claim.stderr)")
        #expect(claim.stderr.contains("the car was never handed over (1 handover attempt(s), each stopped)"))
        #expect(try json(try runner.run(["warranty", "list", flood, "--format", "json"]))["claims"] as? [Any] != nil)
        #expect((try json(try runner.run(["warranty", "list", flood, "--format", "json"]))["claims"] as? [Any])?.isEmpty == true)
    }

    @Test func aFlagDisclosedAtTheSaleDoesNotRefuseTheReturn() throws {
        // The flood car, handed over this time (a clean handover that acknowledges the flood), brought back with the
        // flood traces the report disclosed: not refused for the flood.
        let flood = "JHMCM56557C404453"
        let files = ["\(day)/\(flood)/appraisal.yaml", "\(day)/\(flood)/audit.yaml"]
        #expect(try runner.run(["submit", "--now", "2026-11-26T10:00:00+08:00"] + files).status == 0)
        let work = folder.url.appending(path: "flood")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Fixtures.repoRoot.appending(path: "\(day)/\(flood)/photos"), to: work.appending(path: "photos"))
        let delivery = try String(contentsOf: Fixtures.repoRoot.appending(path: "\(day)/\(flood)/delivery.yaml"), encoding: .utf8)
        let clean = delivery.replacingOccurrences(
            of: "defects:\n  - code: 26AX2\n    photos: [photos/delivery-26AX2.jpg]\n    note: 前保险杠凹陷，报告中没有\ndisputes: [27HH1]",
            with: "acknowledged: [flood]")
        #expect(clean != delivery)
        try Data(clean.utf8).write(to: work.appending(path: "delivery.yaml"))
        let handed = try runner.run(["deliver", "--lang", "en", flood, "--submission", work.appending(path: "delivery.yaml").path])
        #expect(handed.status != 5, "\(handed.stdout)\(handed.stderr)")
        let audit = try String(contentsOf: Fixtures.repoRoot.appending(path: "\(day)/\(flood)/audit.yaml"), encoding: .utf8)
        let returned = audit.replacingOccurrences(of: "stage: audit", with: "stage: return").replacingOccurrences(
            of: "reading: 61874", with: "reading: 61900"
        )
        .replacingOccurrences(of: "inspected_at: 2026-11-23T10:00:00+08:00", with: "inspected_at: 2026-11-28T10:00:00+08:00")
        #expect(returned.contains("stage: return") && returned.contains("2026-11-28T10:00"))
        try Data(returned.utf8).write(to: work.appending(path: "return.yaml"))
        let result = try runner.run(["return", "--lang", "en", flood, "--submission", work.appending(path: "return.yaml").path, "--format", "json"])
        let object = try json(result)
        let kinds = (object["items"] as? [[String: Any]])?.compactMap { $0["kind"] as? String }
        #expect(kinds?.contains("refusing_finding") == false, "\(result.stdout)\(result.stderr)")
        #expect(object["verdict"] as? String != "refuse")
    }
}
