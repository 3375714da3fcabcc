import Foundation
import TestSupport
import Testing

/// `inspect report` end to end.
@Suite(.serialized) struct ReportCommandTests {
    let folder = TemporaryFolder()
    var runner: CommandRunner {
        CommandRunner(directory: Fixtures.repoRoot, environment: ["INSPECT_DB": folder.url.appending(path: "db/inspect.db").path])
    }

    @Test func reportsForOneCarAndForAll() throws {
        let day = "samples/day-2026-11-20/LFV2A21K2D4052187"
        #expect(try runner.run(["submit", "\(day)/appraisal.yaml", "\(day)/audit.yaml"]).status == 0)
        let json = try runner.run(["report", "LFV2A21K2D4052187", "--generated-at", "2026-11-26T12:00:00+08:00"])
        #expect(json.status == 0, "\(json.stderr)")
        let schema = try JSONSchemaValidator(schemaAt: Fixtures.repoRoot.appending(path: "schemas/condition-report-2.schema.json"))
        #expect(try schema.validate(json: Data(json.stdout.utf8)) == [])
        let markdown = try runner.run([
            "report", "lfv2a21k2d4052187", "--format", "md", "--lang", "en", "--generated-at", "2026-11-26T12:00:00+08:00",
        ])
        #expect(
            markdown.stdout.hasPrefix(
                "# Condition report · LFV2A21K2D4052187\n\n**Grade: Grade 5 (accident car)** · Score 91.5 / 100 (for information only)\n"))
        let out = folder.url.appending(path: "reports")
        let all = try runner.run(["report", "--all", "--out", out.path, "--photos", "link"])
        #expect(all.status == 0)
        #expect(all.stdout == "wrote 3 report files for 1 cars to \(out.path)\n")
        let html = try String(contentsOf: out.appending(path: "LFV2A21K2D4052187.html"), encoding: .utf8)
        #expect(html.contains("src=\"../db/photos/"))  // linked relative to the report
        #expect(html.contains("<svg class=\"diagram\""))
        let missing = try runner.run(["report", "WVWZZZ1JZXW000001"])
        #expect(missing.status == 1)
        #expect(missing.stderr == "inspect: no inspections stored for VIN WVWZZZ1JZXW000001\n")
        #expect(try runner.run(["report"]).status == 2)
        #expect(try runner.run(["report", "--all"]).status == 2)
    }
}
