import ArgumentParser
import Common
import Foundation
import Inspection

/// `--checklists`: where the checklist templates are, for the commands that validate or label inspections.
struct TemplateOptions: ParsableArguments {
    @Option(name: .long, help: "Folder of checklist templates (default: $INSPECT_CHECKLISTS, else ./checklists, else the installed ones).")
    var checklists: String?

    /// The template catalog: explicit folder, environment, ./checklists, then the installed or shipped folder.
    func catalog() -> TemplateCatalog {
        if let checklists { return TemplateCatalog(folders: [URL(filePath: checklists)]) }
        if let env = Defaults.environment("INSPECT_CHECKLISTS") { return TemplateCatalog(folders: [URL(filePath: env)]) }
        var folders: [URL] = []
        for candidate in Defaults.shippedCandidates("checklists/gbt30323-2013.yaml") {
            let folder = candidate.deletingLastPathComponent()
            if !folders.contains(folder) { folders.append(folder) }
        }
        return TemplateCatalog(folders: folders)
    }

    /// The submission at `path` validated by `validator`, its diagnostics printed on stderr; an invalid one stops the
    /// command (exit 1, nothing stored).
    static func validatedSubmission(at path: String, by validator: SubmissionValidator) throws -> ValidatedSubmission {
        let report = validator.validate(fileAt: URL(filePath: path), displayPath: path)
        for diagnostic in report.diagnostics { ReportPrinter.stderr(diagnostic.rendered + "\n") }
        guard let validated = report.validated else { throw CLIFailure.invalid("\(path): invalid (\(report.errors.count) errors); nothing stored") }
        return validated
    }
}
