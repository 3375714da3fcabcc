import ArgumentParser
import Foundation
import ReportGen
import Workflows

extension InspectCommand {
    /// `inspect find QUERY [--format json] [--lang zh|en]`.
    struct Find: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Find cars by full VIN, its last 6 characters, plate, or words (\"Jetta sunroof\", 天窗): a line per car, the facts of a single hit.",
            discussion: "Exit 0 when a car matches, 1 when none does.")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var templates: TemplateOptions
        @OptionGroup var clock: ClockOptions

        @Argument(help: "What to look for (quote several words).") var query: String
        @Option(name: .long, help: "text or json.") var format: ReportPrinter.Format = .text
        @Option(name: .long, help: "Language of the text: zh or en.") var lang: ReportLanguage = .zh
        @Option(name: .long, help: "At most this many lines.") var limit = 50

        func validate() throws { guard (1...1000).contains(limit) else { throw ValidationError("--limit must be 1-1000") } }

        func run() throws {
            let store = try database.existingStore()
            var finder = CarFinder(catalog: templates.catalog())
            finder.limit = limit
            let output: FindOutput
            do { output = try finder.find(query, in: store, now: try clock.currentTime()) } catch let problem as CarFinder.Problem {
                throw CLIFailure.invalid(problem.description)
            }
            print(format == .json ? try JSONOutput.encode(output) : FindRenderer.text(output, language: lang), terminator: "")
            if output.total == 0 { throw ExitCode(1) }
        }
    }
}
