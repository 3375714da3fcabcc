import ArgumentParser
import Common
import Foundation
import Inspection
import ReportGen
import Workflows

extension InspectCommand {
    /// `inspect quote [estimate] VIN` and `inspect quote confirm`.
    struct Quote: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The reconditioning estimate of a car's condition report, and the customer's decisions on a service visit's quote.",
            subcommands: [Estimate.self, Confirm.self], defaultSubcommand: Estimate.self)
    }
}

extension InspectCommand.Quote {
    /// `inspect quote VIN`: the reconditioning estimate of a car's condition report.
    struct Estimate: ParsableCommand {
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

extension QuoteDecision.Decision: ExpressibleByArgument {}
extension QuoteDecision.Party: ExpressibleByArgument {}

extension InspectCommand.Quote {
    /// `inspect quote confirm VIN --work-order WO --line N --decision approved|declined --by customer|staff --at TIME [--note]`.
    struct Confirm: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record the customer's decision on one line of a service visit's quote; work starts only on approval.",
            discussion: "Append-only: a line is decided once (a second decision exits 1 and says when and how it was decided).")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var templates: TemplateOptions
        @OptionGroup var costOptions: CostTableOptions
        @OptionGroup var clock: ClockOptions

        @Argument(help: "The car's VIN.") var vin: String
        @Option(name: .customLong("work-order"), help: "The visit's work order.") var workOrder: String
        @Option(name: .long, help: "The quote line, from 1.") var line: Int
        @Option(name: .long, help: "approved or declined.") var decision: QuoteDecision.Decision
        @Option(name: .long, help: "customer or staff.") var by: QuoteDecision.Party
        @Option(name: .long, help: "When, ISO 8601 with a zone.") var at: String
        @Option(name: .long, help: "A remark.") var note: String?

        func run() throws {
            guard case let .success(time) = Timestamp.parse(at) else { throw ValidationError("--at must be an ISO 8601 time with a zone") }
            let store = try database.existingStore()
            let workflow = ServiceWorkflow(store: store, catalog: templates.catalog(), costTable: try costOptions.optionalTable())
            let decided = QuoteDecision(vin: vin.uppercased(), workOrder: workOrder, line: line, decision: decision, by: by, at: time, note: note)
            do { try workflow.confirm(decided, recordedAt: try clock.currentTime()) } catch let failure as ServiceWorkflow.Failure {
                if case let .store(error) = failure { throw CLIFailure.store(error) }
                throw CLIFailure.invalid(failure.description)
            }
            print("line \(line) of \(workOrder): \(decision.rawValue)")
        }
    }
}
