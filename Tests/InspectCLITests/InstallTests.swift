import Foundation
import TestSupport
import Testing

/// `scripts/install.sh` (what `make install` runs) into a temporary `DESTDIR`: the installed binary, run from a folder
/// with no `checklists/` or `config/`, finds the installed templates and policies; completions are there;
/// `--uninstall` removes every file it put. The test installs the binary the tests built (`INSPECT_BIN`) and leaves
/// out the man pages (their plugin builds the tool again).
@Suite struct InstallTests {
    let folder = TemporaryFolder()

    /// Runs `executable arguments...` in `directory` with no `INSPECT_*` variables but `extra`.
    func run(_ executable: String, _ arguments: [String], in directory: URL, extra: [String: String] = [:]) throws -> CommandRunner.Result {
        try CommandRunner(directory: directory, environment: extra, program: URL(filePath: executable)).run(arguments)
    }

    @Test func theInstalledBinaryFindsItsTemplatesAndPoliciesFromAnotherFolder() throws {
        let built = try #require(CommandRunner.executable, "the inspect binary is built for the tests")
        let destdir = folder.url.appending(path: "dest").path
        let install = ["PREFIX": "/opt/inspect", "DESTDIR": destdir, "INSPECT_BIN": built.path, "INSPECT_MAN": "skip"]
        let script = Fixtures.repoRoot.appending(path: "scripts/install.sh").path
        let installed = try run("/bin/bash", [script], in: Fixtures.repoRoot, extra: install)
        #expect(installed.status == 0, "\(installed.stderr)")
        #expect(installed.stdout.contains("installed inspect 0.2.0 into \(destdir)/opt/inspect"), "\(installed.stdout)")
        let root = URL(filePath: destdir).appending(path: "opt/inspect")
        let manifest = try String(contentsOf: root.appending(path: "share/inspect/install-manifest.txt"), encoding: .utf8)
        let files = manifest.split(separator: "\n").map(String.init)
        #expect(
            Set(files) == [
                "bin/inspect", "share/inspect/checklists/gbt30323-2013.yaml", "share/inspect/checklists/walkaround-basic.yaml",
                "share/inspect/checklists/health-check.yaml", "share/inspect/checklists/service-reception.yaml",
                "share/inspect/config/photo-policy.yaml", "share/inspect/config/mileage-policy.yaml", "share/inspect/config/repair-costs.yaml",
                "share/inspect/config/after-sale-policy.yaml", "share/inspect/config/plausibility-policy.yaml",
                "share/bash-completion/completions/inspect", "share/zsh/site-functions/_inspect", "share/fish/vendor_completions.d/inspect.fish",
            ])
        for completion in files where completion.contains("completion") || completion.contains("zsh") {
            let text = try String(contentsOf: root.appending(path: completion), encoding: .utf8)
            #expect(text.contains("inspect") && text.contains("submit") && text.contains("report"), "\(completion)")
        }

        // From a folder with no checklists/ or config/: the installed copies are used.
        let elsewhere = folder.url.appending(path: "elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        let bin = root.appending(path: "bin/inspect").path
        let version = try run(bin, ["--version"], in: elsewhere)
        #expect(version.status == 0)
        #expect(version.stdout.hasPrefix("inspect 0.2.0\nreads: inspection/1, checklist-template/1"), "\(version.stdout)")
        #expect(version.stdout.contains("writes: condition-report/2"))
        let car = Fixtures.sampleDay.appending(path: "LFV2A21K2D4052187")
        let submissions = [car.appending(path: "appraisal.yaml").path, car.appending(path: "audit.yaml").path]
        let validate = try run(bin, ["validate"] + submissions, in: elsewhere)
        #expect(validate.status == 0, "\(validate.stdout)\(validate.stderr)")
        #expect(validate.stdout.contains("audit.yaml: valid (0 errors"), "\(validate.stdout)")
        let submit = try run(bin, ["submit", "--now", "2026-11-26T10:00:00+08:00"] + submissions, in: elsewhere)
        #expect(submit.status == 0, "\(submit.stderr)")
        let report = try run(
            bin, ["report", "LFV2A21K2D4052187", "--format", "md", "--lang", "en", "--generated-at", "2026-11-26T18:00:00+08:00"], in: elsewhere)
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stdout.contains("LFV2A21K2D4052187"))
        #expect(FileManager.default.fileExists(atPath: elsewhere.appending(path: "inspect.db").path))

        // Uninstall removes every installed file and the folders it made.
        let uninstalled = try run("/bin/bash", [script, "--uninstall"], in: Fixtures.repoRoot, extra: install)
        #expect(uninstalled.status == 0, "\(uninstalled.stderr)")
        for file in files { #expect(!FileManager.default.fileExists(atPath: root.appending(path: file).path), "\(file) is left") }
        #expect(!FileManager.default.fileExists(atPath: root.appending(path: "share").path))
    }
}
