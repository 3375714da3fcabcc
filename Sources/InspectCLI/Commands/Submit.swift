import ArgumentParser
import Foundation
import Inspection
import Store

extension InspectCommand {
    /// `inspect submit FILE...`: validate, then store each valid submission as a new revision (or nothing, if unchanged).
    struct Submit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate submissions and store them in the database.",
            discussion: """
                Identical content for the same VIN and stage is a no-op; changed content becomes a new revision. \
                Nothing stored is ever overwritten. An invalid file stores nothing (exit status 1).
                """)

        @OptionGroup var global: GlobalOptions

        @OptionGroup var input: SubmissionFiles

        func run() throws {
            let now = try global.currentTime()
            let store: InspectionStore
            do { store = try InspectionStore(path: global.databasePath) } catch { throw CLIFailure.store(error) }
            var failed = 0
            for report in input.reports(using: global) {
                let file = report.file
                for diagnostic in report.diagnostics { ReportPrinter.stderr(diagnostic.rendered + "\n") }
                guard let validated = report.validated else {
                    ReportPrinter.stderr("\(file): invalid (\(report.errors.count) errors); nothing stored\n")
                    failed += 1
                    continue
                }
                let outcome: SubmitOutcome
                do { outcome = try store.submit(validated, submittedAt: now) } catch { throw CLIFailure.store(error) }
                print(describe(outcome, validated))
            }
            if failed > 0 { throw ExitCode(ExitStatus.invalidInput.rawValue) }
        }

        private func describe(_ outcome: SubmitOutcome, _ validated: ValidatedSubmission) -> String {
            switch outcome {
            case let .unchanged(vin, stage, revision):
                return "\(validated.displayPath): unchanged, identical to \(vin) \(stage) revision \(revision); nothing stored"
            case let .stored(vin, stage, revision, id, copied):
                let assessment = Grader.assess(validated.submission, template: validated.template)
                var text = "\(validated.displayPath): stored \(vin) \(stage) revision \(revision) (inspection #\(id), \(copied) photo files copied)"
                if let total = assessment.total, let grade = assessment.grade {
                    text += "; score \(total), grade \(grade.label.zh) (\(grade.label.en))"
                }
                if !assessment.flags.isEmpty { text += "; flags: " + assessment.flags.map(\.id).joined(separator: " ") }
                return text
            }
        }
    }
}
