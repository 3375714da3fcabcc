import ArgumentParser
import Common
import Foundation
import Inspection
import ReportGen
import Workflows

extension InspectCommand {
    /// `inspect quote VIN`: the reconditioning estimate of a car's condition report.
    struct Quote: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Price the findings of a car's condition report with the repair cost table (JSON quote/1, Markdown or HTML).",
            discussion: "Structural defects are not priced; a flood, fire or not-tradeable car is excluded as a whole.")

        @OptionGroup var database: DatabaseOptions

        @OptionGroup var templates: TemplateOptions

        @OptionGroup var costOptions: CostTableOptions

        @Option(name: .long, help: "json, md or html.")
        var format: ReportFiles.Format = .json

        @Option(name: .long, help: "Language of Markdown and HTML: zh or en.")
        var lang: ReportLanguage = .zh

        @Option(name: .long, help: "Site class whose labour rate applies (default: the class of the inspection's site in the table).")
        var site: String?

        @Argument(help: "The car's VIN.")
        var vin: String

        func run() throws {
            let table = try costOptions.table()
            if let site, table.labourRates[site] == nil {
                throw CLIFailure.invalid(
                    "--site \(site) has no labour rate in the cost table (classes: \(table.labourRates.keys.sorted().joined(separator: " ")))")
            }
            let store = try database.existingStore()
            let output: QuoteOutput
            do {
                output = try QuoteWorkflow(catalog: templates.catalog(), table: table).quote(vin: vin.uppercased(), store: store, siteClass: site)
            } catch {
                if case let .store(message) = error { throw CLIFailure(message: message, status: .internalError) }
                throw CLIFailure.invalid(error.description)
            }
            switch format {
            case .json: print(try JSONOutput.encode(output), terminator: "")
            case .md:
                print(([("# " + output.vin)] + [""] + QuoteRenderer.markdown(output, language: lang)).joined(separator: "\n") + "\n", terminator: "")
            case .html: print(QuoteRenderer.page(output, language: lang), terminator: "")
            }
        }
    }
}
