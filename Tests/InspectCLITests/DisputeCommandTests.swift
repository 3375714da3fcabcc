import Foundation
import TestSupport
import Testing

/// Disputes end to end: opened by a delivery's `disputes` list and by hand, settled once on the record, listed, named
/// by the delivery check, shown in the report, and counted against the appraiser.
@Suite(.serialized) struct DisputeCommandTests {
    let folder = TemporaryFolder()
    var runner: CommandRunner {
        CommandRunner(directory: Fixtures.repoRoot, environment: ["INSPECT_DB": folder.url.appending(path: "inspect.db").path])
    }
    let day = "samples/day-2026-11-20"

    func json(_ result: CommandRunner.Result) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result.stdout)\(result.stderr)")
    }

    @Test func theLifecycleIsAppendOnlyAndOnTheRecord() throws {
        let cars = ["LSVAM4189C2184526", "JHMCM56557C404453"]
        let files = cars.flatMap { ["\(day)/\($0)/appraisal.yaml", "\(day)/\($0)/audit.yaml"] }
        #expect(try runner.run(["submit", "--now", "2026-11-26T10:00:00+08:00"] + files).status == 0)
        // The flood car's delivery disputes 27HH1: a dispute is opened, once, and the delivery check names it.
        let deliver = [
            "deliver", "--lang", "en", "JHMCM56557C404453", "--submission", "\(day)/JHMCM56557C404453/delivery.yaml", "--now",
            "2026-11-27T10:00:00+08:00",
        ]
        let first = try runner.run(deliver)
        #expect(first.stdout.contains("[dispute] dispute: dispute #1 on report defect 27HH1 is open") && first.stdout.contains("open disputes: #1"))
        _ = try runner.run(deliver)  // the same delivery again opens nothing new
        let listed = try json(try runner.run(["dispute", "list", "JHMCM56557C404453", "--format", "json"]))
        #expect(listed["format"] as? String == "dispute-list/1")
        let disputes = try #require(listed["disputes"] as? [[String: Any]])
        #expect(disputes.count == 1 && disputes.first?["finding"] as? String == "27HH1" && disputes.first?["opened_by"] as? String == "customer")

        // By hand, with a photo: the buyer finds the hood scratch worse than imagined.
        let open = try runner.run([
            "dispute", "open", "LSVAM4189C2184526", "--finding", "14HH2", "--by", "customer", "--at", "2026-11-25T15:30:00+08:00", "--note",
            "worse than imagined", "--photo", "\(day)/LSVAM4189C2184526/photos/defect-14HH2.jpg", "--now", "2026-11-25T15:31:00+08:00",
        ])
        #expect(open.status == 0 && open.stdout == "2\n", "\(open.stderr)")
        let unknown = try runner.run([
            "dispute", "open", "LSVAM4189C2184526", "--finding", "99HH2", "--by", "staff", "--at", "2026-11-25T15:30:00+08:00",
        ])
        #expect(
            unknown.status == 1
                && unknown.stderr.contains("99HH2 is not a finding of the condition report of LSVAM4189C2184526 (findings: 14HH2 21XS1 26AX1)"))

        // Settled by polishing, paid by the platform through a special approval; the degree re-measured.
        let resolve = [
            "dispute", "resolve", "2", "--decision", "polished", "--by", "STF-0012", "--at", "2026-11-25T17:00:00+08:00", "--degree", "3", "--cost",
            "300", "--bearer", "platform", "--approved-by", "MGR-0003", "--now", "2026-11-25T17:01:00+08:00",
        ]
        #expect(try runner.run(resolve).status == 0)
        let again = try runner.run(["dispute", "resolve", "2", "--decision", "refused", "--by", "STF-0012", "--at", "2026-11-25T18:00:00+08:00"])
        #expect(again.status == 1)
        #expect(again.stderr.contains("dispute #2 was already resolved at 2026-11-25T17:00:00+08:00 by STF-0012: polished"))
        let noApproval = try runner.run([
            "dispute", "resolve", "1", "--decision", "price_adjusted", "--by", "S", "--at", "2026-11-27T10:00:00+08:00", "--cost", "500",
        ])
        #expect(noApproval.status == 1 && noApproval.stderr.contains("a cost needs --bearer and --approved-by"))
        let badDegree = try runner.run([
            "dispute", "resolve", "1", "--decision", "accepted", "--by", "S", "--at", "2026-11-27T10:00:00+08:00", "--degree", "4",
        ])
        #expect(badDegree.status == 1 && badDegree.stderr.contains("--degree 4 is not a degree of 27HH1's part (degrees: 1 2 3)"))
        #expect(try runner.run(["dispute", "resolve", "9", "--decision", "refused", "--by", "S", "--at", "2026-11-27T10:00:00+08:00"]).status == 1)

        // The report shows it: the finding keeps its reported degree, with the re-measured one beside it.
        let report = try json(try runner.run(["report", "LSVAM4189C2184526", "--format", "json", "--generated-at", "2026-11-27T18:00:00+08:00"]))
        let finding = try #require((report["findings"] as? [[String: Any]])?.first { $0["code"] as? String == "14HH2" })
        #expect(finding["degree"] as? Int == 2 && finding["remeasured_degree"] as? Int == 3)
        let shown = try #require((report["disputes"] as? [[String: Any]])?.first)
        #expect(shown["decision"] as? String == "polished" && shown["cost"] as? Int == 300 && shown["bearer"] as? String == "platform")
        #expect((shown["report_photo"] as? [String: Any])?["image"] != nil && (shown["dispute_photo"] as? [String: Any])?["image"] != nil)
        let html = try runner.run(["report", "LSVAM4189C2184526", "--format", "html", "--lang", "zh", "--photos", "link"]).stdout
        #expect(html.contains("异议处理") && html.contains("已抛光处理 · 复测程度 3 · 费用 300 元（平台承担，批准 MGR-0003）"))
        // Upheld against the appraiser of the car.
        let accuracy = try json(
            try runner.run(["compare", "--lang", "en", "--by-appraiser", "--from", "2026-11-20", "--to", "2026-11-20", "--format", "json"]))
        let appraiser = try #require((accuracy["appraisers"] as? [[String: Any]])?.first { $0["id"] as? String == "APR-0117" })
        #expect(appraiser["disputes_upheld"] as? Int == 1)
    }
}
