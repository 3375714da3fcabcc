import Foundation
import TestSupport
import Testing

/// Customer feedback end to end: recorded append-only, a complaint closed once, listed by car and period, summarised
/// for the week, and complaints about unrecorded defects counted against the appraiser.
@Suite(.serialized) struct FeedbackCommandTests {
    let folder = TemporaryFolder()
    var runner: CommandRunner {
        CommandRunner(directory: Fixtures.repoRoot, environment: ["INSPECT_DB": folder.url.appending(path: "inspect.db").path])
    }
    let day = "samples/day-2026-11-20"

    func json(_ arguments: [String]) throws -> [String: Any] {
        let result = try runner.run(arguments + ["--format", "json"])
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result.stdout)\(result.stderr)")
    }

    func record(_ vin: String, _ kind: String, _ channel: String, _ text: String, _ at: String, about: String? = nil) throws -> CommandRunner.Result {
        try runner.run(
            ["feedback", "record", vin, "--kind", kind, "--channel", channel, "--text", text, "--at", at, "--now", "2026-12-01T09:00:00+08:00"]
                + (about.map { ["--about", $0] } ?? []))
    }

    @Test func theLifecycleAndTheWeeklyView() throws {
        let cars = ["LSVAM4189C2184526", "LFV2A21K2D4052187"]
        #expect(try runner.run(["submit"] + cars.flatMap { ["\(day)/\($0)/appraisal.yaml", "\(day)/\($0)/audit.yaml"] }).status == 0)
        // The Jetta's appraiser did not record a scratch on the right rear door (21HH2); 14HH2 on LSVAM was recorded.
        #expect(
            try record("LFV2A21K2D4052187", "complaint", "phone", "右后门划痕报告里没有", "2026-11-24T10:00:00+08:00", about: "21HH2").stdout
                == "feedback #1 recorded\n")
        #expect(try record("LSVAM4189C2184526", "complaint", "online", "hood scratch", "2026-11-21T11:00:00+08:00", about: "14HH2").status == 0)
        #expect(try record("LSVAM4189C2184526", "praise", "store", "交车很快", "2026-11-25T16:00:00+08:00", about: "delivery").status == 0)
        #expect(try record("LSVAM4189C2184526", "question", "online", "Is the sunroof panoramic?", "2026-11-26T09:00:00+08:00").status == 0)
        // Closing: once, complaints only, unknown ids named.
        let close = ["feedback", "close", "2", "--resolution", "polished the hood", "--by", "CS-0007", "--at", "2026-11-23T15:00:00+08:00"]
        #expect(try runner.run(close).stdout == "complaint #2 closed\n")
        let again = try runner.run(close)
        #expect(again.status == 1 && again.stderr.contains("complaint #2 was already closed at 2026-11-23T15:00:00+08:00 by CS-0007"))
        let praise = try runner.run(["feedback", "close", "3", "--resolution", "x", "--by", "CS-0007"])
        #expect(praise.status == 1 && praise.stderr.contains("feedback #3 is a praise, not a complaint"))
        #expect(try runner.run(["feedback", "close", "99", "--resolution", "x", "--by", "CS-0007"]).stderr.contains("no feedback #99"))

        let all = try json(["feedback", "list"])
        #expect(all["format"] as? String == "feedback-list/1")
        let items = try #require(all["items"] as? [[String: Any]])
        #expect(items.compactMap { $0["id"] as? Int } == [2, 1, 3, 4])  // oldest first
        #expect(
            items[0]["status"] as? String == "closed" && items[0]["resolved_by"] as? String == "CS-0007" && items[1]["status"] as? String == "open")
        #expect(items[2]["status"] == nil && items[2]["about"] as? String == "delivery")
        let jetta = try json(["feedback", "list", "--vin", "LFV2A21K2D4052187"])
        #expect((jetta["items"] as? [[String: Any]])?.count == 1)
        let week = try json(["feedback", "list", "--from", "2026-11-24", "--to", "2026-11-25"])
        #expect((week["items"] as? [[String: Any]])?.compactMap { $0["id"] as? Int } == [1, 3])

        let summary = try json(["feedback", "summary", "--lang", "en", "--from", "2026-11-20", "--to", "2026-11-26", "--open-after", "5"])
        #expect(summary["format"] as? String == "feedback-summary/1")
        #expect(summary["by_kind"] as? [String: Int] == ["complaint": 2, "praise": 1, "question": 1])
        #expect(summary["by_channel"] as? [String: Int] == ["phone": 1, "online": 2, "store": 1] && summary["complaints_closed"] as? Int == 1)
        // The Jetta complaint is 2 days old at the end of the 26th: not overdue after 5 days, overdue after 1.
        #expect((summary["overdue"] as? [[String: Any]])?.isEmpty == true)
        let strict = try json(["feedback", "summary", "--lang", "en", "--from", "2026-11-20", "--to", "2026-11-26", "--open-after", "1"])
        let overdue = try #require((strict["overdue"] as? [[String: Any]])?.first)
        #expect((overdue["item"] as? [String: Any])?["id"] as? Int == 1 && overdue["days_open"] as? Int == 2)
        let missed = try #require(summary["missed_by_appraiser"] as? [[String: Any]])
        #expect(missed.count == 1 && missed.first?["appraiser_id"] as? String == "APR-0117")
        #expect((missed.first?["item"] as? [String: Any])?["about"] as? String == "21HH2")

        // compare --by-appraiser counts it against the Jetta's appraiser.
        let accuracy = try json(["compare", "--lang", "en", "--by-appraiser", "--from", "2026-11-20", "--to", "2026-11-21"])
        let appraiser = try #require((accuracy["appraisers"] as? [[String: Any]])?.first { $0["id"] as? String == "APR-0117" })
        #expect(appraiser["complaints_on_misses"] as? Int == 1)
        let text = try runner.run(["compare", "--lang", "en", "--by-appraiser", "--from", "2026-11-20", "--to", "2026-11-21"])
        #expect(text.stdout.contains("1 customer complaints about unrecorded defects"))
    }

    @Test func badInputIsRefusedAndNothingIsStored() throws {
        #expect(try runner.run(["submit", "\(day)/LSVAM4189C2184526/appraisal.yaml"]).status == 0)
        let vin = "LSVAM4189C2184526"
        let unknown = try record("WVWZZZ1KZ6W000001", "complaint", "phone", "x", "2026-11-24T10:00:00+08:00")
        #expect(unknown.status == 1 && unknown.stderr.contains("no inspections stored for VIN WVWZZZ1KZ6W000001"))
        let about = try record(vin, "complaint", "phone", "x", "2026-11-24T10:00:00+08:00", about: "banana")
        #expect(about.status == 1 && about.stderr.contains("--about \"banana\" is neither a finding code"))
        let early = try record(vin, "complaint", "phone", "x", "2026-11-19T10:00:00+08:00")
        #expect(early.status == 1 && early.stderr.contains("before the car's first inspection (2026-11-20T09:30:00+08:00)"))
        #expect(try record(vin, "compliment", "phone", "x", "2026-11-24T10:00:00+08:00").status != 0)
        #expect(try record(vin, "complaint", "phone", "x", "yesterday").stderr.contains("--at must be a day (YYYY-MM-DD) or an ISO 8601 time"))
        #expect(try record(vin, "complaint", "phone", "  ", "2026-11-24T10:00:00+08:00").stderr.contains("--text must not be empty"))
        let backwards = try runner.run(["feedback", "summary", "--lang", "en", "--from", "2026-11-26", "--to", "2026-11-20"])
        #expect(backwards.status != 0 && backwards.stderr.contains("--from must be before --to"))
        #expect(try runner.run(["feedback", "list"]).stdout == "no feedback\n")
    }
}
