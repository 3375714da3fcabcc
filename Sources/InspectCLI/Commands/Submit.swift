import ArgumentParser
import Common
import Foundation
import ImageOps
import Inspection
import Store
import Workflows

extension InspectCommand {
    /// `inspect submit FILE...`: validate, normalise the photos, then store each valid submission as a new revision
    /// (or nothing, if unchanged).
    struct Submit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate submissions, normalise their photos and store them in the database.",
            discussion: """
                Identical content for the same VIN and stage is a no-op; changed content becomes a new revision. \
                Nothing stored is ever overwritten. An invalid file, an undecodable photo or a required angle failing a \
                quality gate (when the photo policy says so) stores nothing (exit status 1). Photos that match another \
                car's stored photos are recorded and reported as warnings.
                """)

        @OptionGroup var database: DatabaseOptions

        @OptionGroup var templates: TemplateOptions

        @OptionGroup var photoOptions: PhotoPolicyOptions

        @OptionGroup var clock: ClockOptions

        @OptionGroup var plausibility: PlausibilityOptions

        @OptionGroup var input: SubmissionFiles

        func run() throws {
            let now = try clock.currentTime()
            let policy = try photoOptions.policy()
            let store: InspectionStore
            store = try database.openStore()
            let intake = SubmissionIntake(store: store, policy: policy, concurrency: ProcessInfo.processInfo.activeProcessorCount)
            var failed = 0
            for report in input.reports(using: try plausibility.validator(templates, now: now)) {
                let file = report.file
                for diagnostic in report.diagnostics { ReportPrinter.stderr(diagnostic.rendered + "\n") }
                guard let validated = report.validated else {
                    ReportPrinter.stderr("\(file): invalid (\(report.errors.count) errors); nothing stored\n")
                    failed += 1
                    continue
                }
                let result: SubmissionIntake.Result
                do { result = try intake.take(validated, submittedAt: now) } catch { throw CLIFailure.store(error) }
                for diagnostic in result.diagnostics { ReportPrinter.stderr(diagnostic.rendered + "\n") }
                guard let outcome = result.outcome else {
                    let errors = result.diagnostics.filter { $0.severity == .error }.count
                    ReportPrinter.stderr("\(file): invalid (\(errors) photo errors); nothing stored\n")
                    failed += 1
                    continue
                }
                if case let .stored(revision) = outcome {
                    for match in revision.reuse { ReportPrinter.stderr("\(file): warning: photo reuse: \(match.summary)\n") }
                }
                print(describe(outcome, validated))
            }
            if failed > 0 { throw ExitCode(ExitStatus.invalidInput.rawValue) }
        }

        private func describe(_ outcome: SubmitOutcome, _ validated: ValidatedSubmission) -> String {
            switch outcome {
            case let .unchanged(vin, stage, revision):
                return "\(validated.displayPath): unchanged, identical to \(vin) \(stage) revision \(revision); nothing stored"
            case let .stored(stored):
                let assessment = Grader.assess(validated.submission, template: validated.template)
                var text = "\(validated.displayPath): stored \(stored.vin) \(stored.stage) revision \(stored.revision)"
                text += " (inspection #\(stored.inspectionID), \(validated.photos.count) photos normalised, \(stored.photosWritten) new files)"
                if let total = assessment.total, let grade = assessment.grade {
                    text += "; score \(total), grade \(grade.label.zh) (\(grade.label.en))"
                }
                if !assessment.flags.isEmpty { text += "; flags: " + assessment.flags.map(\.id).joined(separator: " ") }
                if !stored.reuse.isEmpty { text += "; \(stored.reuse.count) photo matches with other cars" }
                return text
            }
        }
    }
}
