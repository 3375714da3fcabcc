import Foundation
import TestSupport
import Testing

/// `inspect quote` end to end on the sample day: the estimate in both languages, exclusions, a broken cost table,
/// bad options, and the estimate section of the condition report.
@Suite(.serialized) struct QuoteCommandTests {
    let folder = TemporaryFolder()
    var runner: CommandRunner {
        CommandRunner(directory: Fixtures.repoRoot, environment: ["INSPECT_DB": folder.url.appending(path: "inspect.db").path])
    }
    let day = "samples/day-2026-11-20"

    func submit(_ cars: [String]) throws {
        let files = cars.flatMap { ["\(day)/\($0)/appraisal.yaml", "\(day)/\($0)/audit.yaml"] }
        #expect(try runner.run(["submit", "--now", "2026-11-26T10:00:00+08:00"] + files).status == 0)
    }

    @Test func aCarIsPricedFromItsReportsFindings() throws {
        try submit(["LHGCR2654E8012345", "JHMCM56557C404453", "LFV2A21K2D4052187"])
        let json = try runner.run(["quote", "LHGCR2654E8012345"])
        #expect(json.status == 0, "\(json.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["format"] as? String == "quote/1" && object["site_class"] as? String == "tier1")
        let lines = try #require(object["lines"] as? [[String: Any]])
        #expect(lines.count == 11)
        let sum = lines.compactMap { ($0["cost"] as? [String: Int])?["min"] }.reduce(0, +)
        #expect((object["total"] as? [String: Int])?["min"] == sum)
        #expect(object.keys.contains("excluded") && object["excluded"] is NSNull)
        let zh = try runner.run(["quote", "LHGCR2654E8012345", "--format", "md", "--lang", "zh"]).stdout
        #expect(zh.contains("| 39HH4 | 轮胎 划痕 | 更换轮胎 | 0.5 | 440–990 元 |"))
        let en = try runner.run(["quote", "LHGCR2654E8012345", "--format", "md", "--lang", "en"]).stdout
        #expect(en.contains("| 39HH4 | Tyres Scratch | Replace the tyre | 0.5 | CNY 440–990 |"))
        // A flood car is excluded as a whole; an accident car's structural defect is listed, not priced.
        let flood = try runner.run(["quote", "JHMCM56557C404453", "--format", "md", "--lang", "en"]).stdout
        #expect(flood.contains("**Flood-damaged: the car is not reconditioned and not quoted (causes: cabin.1, flood.2, flood.4, flood.7)**"))
        let accident = try runner.run(["quote", "LFV2A21K2D4052187", "--format", "md", "--lang", "zh"]).stdout
        #expect(accident.contains("- 4SH：结构件，需钣金车间评估，不报价"))
        // The condition report carries the same estimate.
        let report = try runner.run(["report", "LHGCR2654E8012345", "--format", "json", "--generated-at", "2026-11-27T18:00:00+08:00"])
        let estimate = try #require(
            (try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [String: Any])?["estimate"] as? [String: Any])
        #expect(estimate["total"] as? [String: Int] == object["total"] as? [String: Int])
        let customer = try runner.run(["report", "LHGCR2654E8012345", "--format", "json", "--audience", "customer"]).stdout
        #expect(!customer.contains("\"estimate\""))
    }

    @Test func badInputIsRefused() throws {
        try submit(["LSVAM4189C2184526"])
        let site = try runner.run(["quote", "LSVAM4189C2184526", "--site", "tier9"])
        #expect(site.status == 1 && site.stderr.contains("--site tier9 has no labour rate in the cost table (classes: tier1 tier2 tier3)"))
        let unknown = try runner.run(["quote", "LSVAM4189C2184599"])
        #expect(unknown.status == 1 && unknown.stderr.contains("no inspections stored for VIN LSVAM4189C2184599"))
        let broken = folder.url.appending(path: "costs.yaml")
        let text = try String(contentsOf: Fixtures.costTableFile, encoding: .utf8).replacingOccurrences(
            of: "operation: pdr}", with: "operation: pdq}")
        try Data(text.utf8).write(to: broken)
        let refused = try runner.run(["quote", "LSVAM4189C2184526", "--costs", broken.path])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("costs.yaml:") && refused.stderr.contains("unknown operation \"pdq\""), "\(refused.stderr)")
        // A broken table also stops the report rather than silently dropping its estimate.
        #expect(try runner.run(["report", "LSVAM4189C2184526", "--costs", broken.path]).status == 1)
    }
}
