import Foundation
import TestSupport
import Testing

/// `inspect batch` end to end on generated days: failures isolated, summaries, idempotent reruns, and a run killed
/// with SIGKILL mid-way that the next run finishes without duplicates or damage.
@Suite(.serialized) struct BatchCommandTests {
    let folder = TemporaryFolder()

    func runner(_ db: String) -> CommandRunner {
        CommandRunner(directory: Fixtures.repoRoot, environment: ["INSPECT_DB": folder.url.appending(path: "\(db)/inspect.db").path])
    }

    func generate(_ name: String, cars: Int) throws -> String {
        let day = folder.url.appending(path: name).path
        let result = try CommandRunner.dev().run(["generate-day", day, "--cars", "\(cars)", "--size", "640x480", "--seed", "3"])
        #expect(result.status == 0, "\(result.stderr)")
        return day
    }

    @Test func aDayWithBrokenCarsFinishesTheOthersAndExitsFour() throws {
        let day = try generate("day", cars: 20)
        let out = folder.url.appending(path: "reports").path
        let summaryPath = folder.url.appending(path: "summary.json").path
        let first = try runner("a").run(["batch", day, "--out", out, "--summary-json", summaryPath])
        #expect(first.status == 4, "\(first.stderr)")
        #expect(first.stdout.contains("cars 20: ok 18 · with discrepancies"))
        #expect(first.stdout.contains("failed 2"))
        #expect(first.stdout.contains("unknown key \"defects_extra\""))
        #expect(first.stdout.contains("photos/left_side.jpg: not a JPEG or PNG photo"))
        #expect(first.stderr.contains("batch: cars 20/20"))  // plain progress lines when stderr is not a terminal
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(filePath: summaryPath))) as? [String: Any])
        #expect(summary["format"] as? String == "batch-summary/2")
        #expect(summary["failed"] as? Int == 2)
        #expect((summary["failures"] as? [[String: Any]])?.count == 2)
        let reports = try FileManager.default.contentsOfDirectory(atPath: out)
        #expect(reports.filter { $0.hasSuffix(".json") }.count == 18)
        // An unchanged day is not redone.
        let second = try runner("a").run(["batch", day, "--out", out, "--quiet"])
        #expect(second.status == 4)
        #expect(second.stdout.contains("unchanged (skipped) 20"))
        #expect(second.stdout.contains("photos normalised 0"))
        #expect(second.stderr.isEmpty)
        let status = try runner("a").run(["batch", "--status", day])
        #expect(status.stdout.hasPrefix("batch status of "))
        #expect(status.stdout.contains("done 18 · failed 2 · changed 0 · pending 0"))
    }

    @Test func aKilledBatchResumesWithoutDuplicatesOrDamage() throws {
        let day = try generate("killed", cars: 10)
        // Reference: one uninterrupted run.
        let reference = try runner("reference").run(["batch", day, "--quiet", "--now", "2026-11-26T10:00:00+08:00"])
        #expect(reference.status == 0, "\(reference.stdout)")
        let referenceCounts = try runner("reference").run(["show", "LSGBC5341KB000001"]).stdout
        // Killed runs, one car at a time: after two cars are finished, after five, and in the middle of a car (three
        // more photo files under their final names); each kill is chosen by observed progress and must land mid-batch.
        let out = folder.url.appending(path: "killed-reports").path
        let arguments = ["batch", day, "--jobs", "1", "--quiet", "--out", out, "--now", "2026-11-26T10:00:00+08:00"]
        let progress = StoreProgress(database: folder.url.appending(path: "killed-db/inspect.db").path)
        #expect(try runner("killed-db").runAndKill(arguments, when: { progress.carsFinished() >= 2 }) == .killed)
        let midway = try runner("killed-db").run(["batch", "--status", day]).stdout
        #expect(midway.hasPrefix("batch status") && !midway.contains("pending 0"), "\(midway)")
        #expect((2...3).contains(progress.carsFinished()), "\(midway)")
        #expect(try runner("killed-db").runAndKill(arguments, when: { progress.carsFinished() >= 5 }) == .killed)
        let photos = progress.photoFiles()
        #expect(try runner("killed-db").runAndKill(arguments, when: { progress.photoFiles() >= photos + 3 }) == .killed)
        #expect(progress.carsFinished() < 10)
        let resumed = try runner("killed-db").run(["batch", day, "--quiet", "--out", out, "--now", "2026-11-26T10:00:00+08:00"])
        #expect(resumed.status == 0, "\(resumed.stdout)")
        let status = try runner("killed-db").run(["batch", "--status", day])
        #expect(status.stdout.contains("done 10 · failed 0 · changed 0 · pending 0"), "\(status.stdout)")
        // Same stored content as the uninterrupted run: no duplicate revisions, nothing lost.
        #expect(try runner("killed-db").run(["show", "LSGBC5341KB000001"]).stdout == referenceCounts)
        for car in try FileManager.default.contentsOfDirectory(atPath: day).sorted() {
            let show = try runner("killed-db").run(["show", car]).stdout
            #expect(show.contains("revision 1 of 1"), "\(car)")
            #expect(!show.contains("revision 2"), "\(car)")
        }
        // Every report under its final name is complete.
        for name in try FileManager.default.contentsOfDirectory(atPath: out) where name.hasSuffix(".json") {
            let data = try Data(contentsOf: URL(filePath: out).appending(path: name))
            #expect((try? JSONSerialization.jsonObject(with: data)) != nil, "\(name) is not complete JSON")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasSuffix(".json") }.count == 10)
    }
}
