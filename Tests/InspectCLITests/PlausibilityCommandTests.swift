import Foundation
import TestSupport
import Testing

/// The plausibility policy at the front door: a future-dated inspection is refused and nothing is stored; an odometer
/// implausible for the car's age and use is a warning at submit and in the internal report.
@Suite(.serialized) struct PlausibilityCommandTests {
    let folder = TemporaryFolder()
    var runner: CommandRunner {
        CommandRunner(directory: Fixtures.repoRoot, environment: ["INSPECT_DB": folder.url.appending(path: "inspect.db").path])
    }
    let car = "LGXCE6CB2H0123456"

    @Test func aFutureInspectionIsRefusedAndNothingStored() throws {
        let source = Fixtures.sampleDay.appending(path: "\(car)/appraisal.yaml")
        let text = try String(contentsOf: source, encoding: .utf8)
        let work = folder.url.appending(path: "future")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Fixtures.sampleDay.appending(path: "\(car)/photos"), to: work.appending(path: "photos"))
        let file = work.appending(path: "appraisal.yaml")
        try Data(text.replacingOccurrences(of: "inspected_at: 2026-11-20T10:10:00+08:00", with: "inspected_at: 2031-11-20T10:10:00+08:00").utf8)
            .write(to: file)
        let submitted = try runner.run(["submit", "--now", "2026-11-26T10:00:00+08:00", file.path])
        #expect(submitted.status == 1, "\(submitted.stdout)\(submitted.stderr)")
        #expect(
            submitted.stderr.contains("inspected_at 2031-11-20T10:10:00+08:00 is in the future (now 2026-11-26T02:00:00Z, allowed clock skew 10 min)")
        )
        #expect(try runner.run(["show", car]).status == 1)  // nothing stored
    }

    @Test func anImplausibleOdometerIsAWarningAtSubmitAndInTheReport() throws {
        let day = "samples/day-2026-11-20"
        let submitted = try runner.run(["submit", "--now", "2026-11-26T10:00:00+08:00", "\(day)/\(car)/appraisal.yaml", "\(day)/\(car)/audit.yaml"])
        #expect(submitted.status == 0)
        #expect(submitted.stderr.contains("warning: odometer: 32,650 km in 113 months is 3,467 km a year"), "\(submitted.stderr)")
        let report = try runner.run(["report", car, "--format", "md", "--lang", "en", "--generated-at", "2026-11-27T10:00:00+08:00"]).stdout
        #expect(report.contains("at or past the service life of that use (8 years or 600,000 km)"))
        let zh = try runner.run(["report", car, "--format", "md", "--lang", "zh", "--generated-at", "2026-11-27T10:00:00+08:00"]).stdout
        #expect(zh.contains("年均 3,468 km，低于该使用性质（预约出租客运）通常的每年 30,000 km"))  // the audit reads 32,655 km
    }
}
