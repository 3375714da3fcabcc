import Foundation
import TestSupport
import Testing

/// One rule, one answer: for every sample car, `deliver`, `report` and `batch` give the same delivery verdict, and
/// `compare`, `report` and `batch` the same comparison, standing on the same inspections; `report --all` and `batch`
/// write the same report files.
@Suite(.serialized) struct WorkflowConsistencyTests {
    let folder = TemporaryFolder()

    func runner(_ db: String) -> CommandRunner {
        CommandRunner(directory: Fixtures.repoRoot, environment: ["INSPECT_DB": folder.url.appending(path: "\(db)/inspect.db").path])
    }

    func json(_ result: CommandRunner.Result) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result.stderr)")
    }

    @Test func deliverReportAndBatchAgreeOnEverySampleCar() throws {
        let day = Fixtures.sampleDay
        let cars = try FileManager.default.contentsOfDirectory(atPath: day.path).sorted()
        #expect(cars.count == 5)
        let now = ["--now", "2026-11-27T10:00:00+08:00"]
        // One store through the single commands.
        let single = runner("single")
        let submissions = cars.flatMap { ["\($0)/appraisal.yaml", "\($0)/audit.yaml"] }.map { day.appending(path: $0).path }
        #expect(try single.run(["submit"] + now + submissions).status == 0)
        var delivered: [String: String] = [:]
        for car in cars where FileManager.default.fileExists(atPath: day.appending(path: "\(car)/delivery.yaml").path) {
            let result = try single.run(
                ["deliver", "--lang", "en", car, "--format", "json", "--submission", day.appending(path: "\(car)/delivery.yaml").path] + now)
            delivered[car] = try #require(try json(result)["verdict"] as? String)
            #expect(result.status == ["ok": 0, "attention": 3, "stop": 5][delivered[car] ?? ""], "\(car)")
        }
        #expect(delivered == ["LSVAM4189C2184526": "ok", "JHMCM56557C404453": "stop"])
        // Another store through one batch.
        let summaryPath = folder.url.appending(path: "summary.json").path
        let batchReports = folder.url.appending(path: "batch-reports")
        let batch = try runner("batch").run(["batch", day.path, "--quiet", "--summary-json", summaryPath, "--out", batchReports.path] + now)
        #expect(batch.status == 0, "\(batch.stdout)")
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(filePath: summaryPath))) as? [String: Any])
        let outcomes = try #require(summary["outcomes"] as? [[String: Any]])
        let batchByVIN = Dictionary(uniqueKeysWithValues: outcomes.compactMap { outcome in (outcome["vin"] as? String).map { ($0, outcome) } })

        // On the batch's store, `report --all` writes the same files as the batch did (one report-writing rule, the same
        // photo handling; the batch stamps its reports with its `--now`, in UTC).
        let allReports = folder.url.appending(path: "all-reports")
        let all = try runner("batch").run(["report", "--all", "--out", allReports.path, "--generated-at", "2026-11-27T02:00:00Z"])
        #expect(all.status == 0, "\(all.stderr)")
        let written = try FileManager.default.contentsOfDirectory(atPath: allReports.path).sorted()
        #expect(written.count == cars.count * 3)
        #expect(try FileManager.default.contentsOfDirectory(atPath: batchReports.path).sorted() == written)
        for name in written {
            let a = try Data(contentsOf: allReports.appending(path: name)), b = try Data(contentsOf: batchReports.appending(path: name))
            #expect(a == b, "\(name) differs between report --all and batch")
        }

        for car in cars {
            let report = try json(try single.run(["report", car, "--format", "json", "--generated-at", "2026-11-27T18:00:00+08:00"]))
            let batched = try #require(batchByVIN[car], "\(car) in the batch summary")
            // The delivery verdict.
            let reportVerdict = (report["delivery"] as? [String: Any])?["verdict"] as? String
            #expect(reportVerdict == delivered[car], "\(car): report \(String(describing: reportVerdict)) vs deliver")
            #expect(batched["delivery"] as? String == delivered[car], "\(car): batch vs deliver")
            // The grade: the report's headline (a flood car is 泡水车 · 不评级 in both, never 一级).
            let headline = try #require((report["headline"] as? [String: Any])?["label"] as? [String: String])
            #expect(batched["grade"] as? String == "\(headline["zh"] ?? "") (\(headline["en"] ?? ""))", "\(car): batch vs report")
            // The comparison, and the inspections it stands on.
            let compare = try single.run(["compare", "--lang", "en", car, "--format", "json"])
            let compared = try json(compare)
            let items = try #require(compared["discrepancies"] as? [[String: Any]])  // confirmed defects are listed apart
            let discrepancies = try #require(report["discrepancies"] as? [String: Any])
            #expect(discrepancies["count"] as? Int == items.count, "\(car): report vs compare")
            #expect(batched["discrepancies"] as? Int == items.count, "\(car): batch vs compare")
            #expect(compare.status == (items.isEmpty ? 0 : 3))
            let used = try #require(report["inspections"] as? [[String: Any]])
            for stage in ["appraisal", "audit"] {
                let revision = (compared[stage] as? [String: Any])?["revision"] as? Int
                #expect(used.first { $0["stage"] as? String == stage }?["revision"] as? Int == revision, "\(car) \(stage)")
            }
        }
    }
}
