import Foundation
import TestSupport
import Testing

/// A service visit end to end: reception and health check stored like any inspection, the visit page for the customer
/// and the staff, and the quote confirmed line by line, once.
@Suite(.serialized) struct ServiceCommandTests {
    let folder = TemporaryFolder()
    var runner: CommandRunner {
        CommandRunner(directory: Fixtures.repoRoot, environment: ["INSPECT_DB": folder.url.appending(path: "inspect.db").path])
    }
    let visit = "samples/service-2026-12-01/LSVAM4189C2184526"
    let car = "LSVAM4189C2184526"

    func page(_ extra: [String] = []) throws -> [String: Any] {
        let result = try runner.run(["service", "report", car, "--work-order", "WO-2026-1201-07", "--format", "json"] + extra)
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result.stderr)")
    }

    @Test func aVisitIsStoredShownAndConfirmedLineByLine() throws {
        let submit = try runner.run(["submit", "\(visit)/reception.yaml", "\(visit)/health_check.yaml"])
        #expect(submit.status == 0, "\(submit.stderr)")
        let customer = try page()
        #expect(customer["format"] as? String == "service-visit/1" && customer["audience"] as? String == "customer")
        let reception = try #require(customer["reception"] as? [String: Any])
        #expect((reception["damage"] as? [[String: Any]])?.map { $0["code"] as? String } == ["14HH2", "27HH1"])
        #expect(reception["fuel_level"] as? Int == 40 && reception["acknowledged_by"] as? String == "张先生" && reception["inspector"] == nil)
        let lines = try #require(customer["lines"] as? [[String: Any]])
        #expect(lines.map { $0["check"] as? String } == ["brakes.1", "wipers.1"] && lines.map { $0["status"] as? String } == ["open", "open"])
        #expect(!(try runner.run(["service", "report", car, "--work-order", "WO-2026-1201-07", "--format", "md"]).stdout.contains("TEC-0021")))
        #expect((try page(["--audience", "internal"])["health"] as? [String: Any])?["inspector"] as? String == "TEC-0021 刘洋")

        let confirm = ["quote", "confirm", car, "--work-order", "WO-2026-1201-07", "--by", "customer", "--at", "2026-12-01T11:00:00+08:00"]
        #expect(try runner.run(confirm + ["--line", "1", "--decision", "approved"]).status == 0)
        #expect(try runner.run(confirm + ["--line", "2", "--decision", "declined"]).status == 0)
        let again = try runner.run(confirm + ["--line", "1", "--decision", "declined"])
        #expect(again.status == 1 && again.stderr.contains("line 1 of work order WO-2026-1201-07 was already decided at 2026-12-01T11:00:00+08:00"))
        let unknown = try runner.run(confirm + ["--line", "5", "--decision", "approved"])
        #expect(unknown.status == 1 && unknown.stderr.contains("work order has no quote line 5 (lines: 1 2)"))
        let decided = try page()
        #expect((decided["lines"] as? [[String: Any]])?.map { $0["status"] as? String } == ["approved", "declined"])
        #expect((decided["approved"] as? [String: Int]) == ["min": 440, "max": 940])
        // What the customer approved is one price (the table's agreed-price rule: the upper bound), not a range.
        #expect(decided["approved_price"] as? Int == 940 && (decided["lines"] as? [[String: Any]])?.first?["price"] as? Int == 940)
        let zh = try runner.run(["service", "report", car, "--work-order", "WO-2026-1201-07", "--format", "md", "--lang", "zh"]).stdout
        #expect(zh.contains("| 1 | 前制动片厚度 (立即) | 更换制动片（一轴） | 940 元（估价 440–940 元） | 已确认，开始施工 |"), "\(zh)")
        #expect(zh.contains("已确认 940 元"))
        #expect(zh.contains("| 2 | 雨刮片 (建议) | 更换雨刮片 | 108–278 元 | 客户暂不施工（下次提醒） |"))
        let missing = try runner.run(["service", "report", car, "--work-order", "WO-0000"])
        #expect(missing.status == 1 && missing.stderr.contains("no reception or health check of \(car) under work order WO-0000"))
        // The estimate of a condition report is still `inspect quote VIN`.
        #expect(try runner.run(["quote", car]).status == 1)  // no appraisal or audit for this car in this store
    }

    @Test func batchTakesAServiceDay() throws {
        let out = folder.url.appending(path: "pages")
        let batch = try runner.run(["batch", "samples/service-2026-12-01", "--quiet", "--out", out.path, "--now", "2026-12-01T18:00:00+08:00"])
        #expect(batch.status == 0 && batch.stdout.contains("cars 3: ok 3"), "\(batch.stdout)\(batch.stderr)")
        let pages = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(
            pages.filter { $0.hasSuffix(".html") } == [
                "LGXCE6CB2H0123456-WO-2026-1201-08.html", "LHGCR2654E8012345-WO-2026-1201-09.html", "LSVAM4189C2184526-WO-2026-1201-07.html",
            ])
        let summary = try runner.run(["service", "summary", "--from", "2026-12-01", "--to", "2026-12-01"])
        #expect(summary.stdout.contains("3 visits") && summary.stdout.contains("offered 4 · approved 0 · declined 0"), "\(summary.stdout)")
    }
}
