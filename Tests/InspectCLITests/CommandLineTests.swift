import Foundation
import TestSupport
import Testing

/// End-to-end: the built `inspect` run as a child process on the sample day, with the documented exit codes.
@Suite(.serialized) struct CommandLineTests {
    let folder = TemporaryFolder()
    var runner: CommandRunner {
        CommandRunner(directory: Fixtures.repoRoot, environment: ["INSPECT_DB": folder.url.appending(path: "inspect.db").path])
    }
    let day = "samples/day-2026-11-20"

    @Test func validateTheSampleDay() throws {
        let files = ["LSVAM4189C2184526", "LFV2A21K2D4052187", "JHMCM56557C404453"].flatMap {
            ["\(day)/\($0)/appraisal.yaml", "\(day)/\($0)/audit.yaml"]
        }
        let result = try runner.run(["validate"] + files)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.split(separator: "\n").count == 6)
        #expect(result.stdout.contains("\(day)/LFV2A21K2D4052187/audit.yaml: valid (0 errors, 0 warnings)"))
        #expect(result.stderr.isEmpty)
    }

    /// "1 error", not "1 errors".
    @Test func oneProblemIsCountedInTheSingular() throws {
        let folder = TemporaryFolder()
        let file = try folder.write(Fixtures.submissionYAML(defects: "defects:\n  - code: 14HH4"), to: "appraisal.yaml")
        try Fixtures.writePhotos(into: folder)
        let result = try runner.run(["validate", file.path])
        #expect(result.status == 1 && result.stdout.hasSuffix(": invalid (1 error, 0 warnings)\n"), "\(result.stdout)\(result.stderr)")
    }

    @Test func anInvalidFileExitsOneWithEveryProblem() throws {
        let result = try runner.run(["validate", "samples/invalid/appraisal.yaml"])
        #expect(result.status == 1)
        #expect(result.stdout == "samples/invalid/appraisal.yaml: invalid (20 errors, 0 warnings)\n")
        #expect(
            result.stderr.contains(
                "samples/invalid/appraisal.yaml:13:11: defect \"14HX2\": unknown defect type \"HX\" for body part 14 (allowed: HH BX XS LW AX XF)\n"))
        #expect(result.stderr.split(separator: "\n").count == 20)
    }

    @Test func jsonOutputIsOneDocument() throws {
        let result = try runner.run(["validate", "--format", "json", "samples/invalid/appraisal.yaml", "\(day)/LSVAM4189C2184526/audit.yaml"])
        #expect(result.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["format"] as? String == "validation/1")
        #expect(object["valid"] as? Bool == false)
        let files = try #require(object["files"] as? [[String: Any]])
        #expect(files.map { $0["valid"] as? Bool } == [false, true])
        let first = try #require((files[0]["diagnostics"] as? [[String: Any]])?.first)
        #expect(first["line"] as? Int == 6)
        #expect(first["column"] as? Int == 8)
        #expect(first["severity"] as? String == "error")
    }

    @Test func usageErrorsExitTwo() throws {
        #expect(try runner.run(["validate"]).status == 2)
        #expect(try runner.run(["frobnicate"]).status == 2)
        #expect(try runner.run(["validate", "--format", "xml", "x.yaml"]).status == 2)
        let help = try runner.run(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("Exit codes: 0 ok"))
    }

    @Test func submitThenShow() throws {
        let now = ["--now", "2026-11-26T10:00:00+08:00"]
        let submit = try runner.run(["submit"] + now + ["\(day)/LFV2A21K2D4052187/appraisal.yaml", "\(day)/LFV2A21K2D4052187/audit.yaml"])
        #expect(submit.status == 0, "\(submit.stderr)")
        #expect(
            submit.stdout == """
                \(day)/LFV2A21K2D4052187/appraisal.yaml: stored LFV2A21K2D4052187 appraisal revision 1 (inspection #1, 19 photos normalised, 19 new files); score 94, grade 一级 (Grade 1)
                \(day)/LFV2A21K2D4052187/audit.yaml: stored LFV2A21K2D4052187 audit revision 1 (inspection #2, 20 photos normalised, 1 new files); score 91.5, grade 五级 (Grade 5, accident car); flags: accident

                """)
        let again = try runner.run(["submit"] + now + ["\(day)/LFV2A21K2D4052187/audit.yaml"])
        #expect(again.status == 0)
        #expect(again.stdout == "\(day)/LFV2A21K2D4052187/audit.yaml: unchanged, identical to LFV2A21K2D4052187 audit revision 1; nothing stored\n")

        let show = try runner.run(["show", "LFV2A21K2D4052187"])
        #expect(show.status == 0)
        #expect(show.stdout.contains("score 91.5 / 100 · grade 五级 (Grade 5, accident car)"))
        #expect(show.stdout.contains("flag: 事故车 (Accident car) from 4SH"))
        #expect(show.stdout.contains("  2026-11-22T15:40:00+08:00  audit      112491 km  +11 km"))
        #expect(show.stdout.contains("stored 2026-11-26T10:00:00+08:00"))  // in the inspection's zone
    }

    @Test func submittingNormalisesPhotosAndFlagsAPhotoReusedOnAnotherCar() throws {
        let result = try runner.run(["submit", "\(day)/LFV2A21K2D4052187/appraisal.yaml", "\(day)/JHMCM56557C404453/audit.yaml"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stderr.contains(
                "\(day)/JHMCM56557C404453/audit.yaml: warning: photo reuse: rear_left_45 photos/rear_left_45-audit.jpg matches LFV2A21K2D4052187 appraisal r1 rear_left_45 photos/rear_left_45.jpg (same-photo, pHash distance "
            ), "\(result.stderr)")
        #expect(result.stdout.contains("1 photo matches with other cars"))
        let photos = folder.url.appending(path: "photos")
        let files = try FileManager.default.subpathsOfDirectory(atPath: photos.path).filter { $0.hasSuffix(".jpg") }
        #expect(files.count == 2 * (19 + 19))  // two cars, 19 distinct photos each, image and thumbnail
    }

    @Test func anInvalidSubmissionStoresNothing() throws {
        let result = try runner.run(["submit", "samples/invalid/appraisal.yaml"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("samples/invalid/appraisal.yaml: invalid (20 errors); nothing stored"))
        let show = try runner.run(["show", "LSVAM4189C2184527"])
        #expect(show.status == 1)
        #expect(show.stderr == "inspect: no inspections stored for VIN LSVAM4189C2184527\n")
    }

    @Test func aForeignDatabaseFileIsRefusedAndKept() throws {
        let notes = try folder.write("my notes, not a database " + String(repeating: "x", count: 4096), to: "notes.db")
        let before = try Data(contentsOf: notes)
        let result = try CommandRunner(directory: Fixtures.repoRoot).run(["submit", "--db", notes.path, "\(day)/LSVAM4189C2184526/appraisal.yaml"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("is not an inspect database"))
        #expect(try Data(contentsOf: notes) == before)
    }
}
