import ArgumentParser
import Foundation
import Inspection

extension ReportPrinter.Format: ExpressibleByArgument {}

extension InspectCommand {
    /// `inspect validate FILE...`: strict checks, every problem at once, nothing stored.
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check submissions against their checklist template; store nothing.",
            discussion: "Exit status 0 when every file is valid (warnings allowed), 1 when any file has an error.")

        @OptionGroup var templates: TemplateOptions

        @Option(name: .long, help: "Output: text (problems on stderr) or json (one document on stdout).")
        var format: ReportPrinter.Format = .text

        @OptionGroup var plausibility: PlausibilityOptions

        @OptionGroup var clock: ClockOptions

        @OptionGroup var input: SubmissionFiles

        func run() throws {
            let reports = input.reports(using: try plausibility.validator(templates, now: try clock.currentTime()))
            switch format {
            case .text: ReportPrinter.printText(reports)
            case .json: try ReportPrinter.printJSON(reports)
            }
            if !reports.allSatisfy(\.isValid) { throw ExitCode(ExitStatus.invalidInput.rawValue) }
        }
    }
}
