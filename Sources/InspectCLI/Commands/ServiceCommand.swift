import ArgumentParser
import Foundation
import Inspection
import ReportGen
import Store
import Workflows

extension InspectCommand {
    /// `inspect service report`.
    struct ServiceCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "service", abstract: "A dealer workshop's service visit: reception walkaround, health check and the quote.",
            subcommands: [Report.self, Summary.self])
    }
}

extension InspectCommand.ServiceCommand {
    /// `inspect service report VIN --work-order WO [--audience] [--format] [--lang] [--photos] [--out]`.
    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The visit page: reception photos and existing damage, the health chart, and the quote lines with their status.")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var templates: TemplateOptions
        @OptionGroup var costOptions: CostTableOptions

        @Argument(help: "The car's VIN.") var vin: String
        @Option(name: .customLong("work-order"), help: "The visit's work order.") var workOrder: String
        @Option(name: .long, help: "internal (staff) or customer (no staff ids, names or notes).") var audience: ReportAudience = .customer
        @Option(name: .long, help: "json, html or md.") var format: ReportFiles.Format = .html
        @Option(name: .long, help: "Language of HTML and Markdown: zh or en.") var lang: ReportLanguage = .zh
        @Option(name: .long, help: "HTML photos: embed thumbnails or link to the stored files.") var photos: ReportFiles.PhotoMode = .embed
        @Option(name: .long, help: "Write here instead of stdout.") var out: String?

        func run() throws {
            let store = try database.existingStore()
            let catalog = templates.catalog()
            let table = try costOptions.optionalTable()
            let workflow = ServiceWorkflow(store: store, catalog: catalog, costTable: table)
            let output: ServiceVisitOutput
            do { output = try workflow.page(vin: vin.uppercased(), workOrder: workOrder, customer: audience == .customer) } catch {
                if case let .store(storeError) = error { throw CLIFailure.store(storeError) }
                throw CLIFailure.invalid(error.description)
            }
            let files = ReportFiles(language: lang, photos: photos, databaseFolder: store.photoBase)
            let outFolder = out.map { URL(filePath: $0).deletingLastPathComponent() } ?? URL(filePath: FileManager.default.currentDirectoryPath)
            let text = try files.render(output, format, outputFolder: outFolder)
            if let out {
                try Data(text.utf8).write(to: URL(filePath: out), options: .atomic)
                print("wrote \(out)")
            } else {
                print(text, terminator: "")
            }
        }
    }
}

extension InspectCommand.ServiceCommand {
    /// `inspect service summary --from DATE --to DATE [--site S] [--format json]`.
    struct Summary: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "The workshop's BI view: visits, items per level and system, quote lines offered / approved / declined, amounts, time to decision.")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var templates: TemplateOptions
        @OptionGroup var costOptions: CostTableOptions

        @Option(name: .long, help: "First day (YYYY-MM-DD, the reception's local date).") var from: String
        @Option(name: .long, help: "Last day (YYYY-MM-DD).") var to: String
        @Option(name: .long, help: "Only this site.") var site: String?
        @Option(name: .long, help: "text or json.") var format: ReportPrinter.Format = .text

        func validate() throws {
            guard CalendarDate(parsing: from) != nil, CalendarDate(parsing: to) != nil else {
                throw ValidationError("--from and --to take YYYY-MM-DD")
            }
        }

        func run() throws {
            guard let first = CalendarDate(parsing: from), let last = CalendarDate(parsing: to) else { return }
            let store = try database.existingStore()
            let catalog = templates.catalog()
            let workflow = ServiceWorkflow(store: store, catalog: catalog, costTable: try costOptions.optionalTable())
            let visits: [Visit]
            do { visits = try workflow.visits(from: first, to: last, site: site) } catch {
                if case let .store(storeError) = error { throw CLIFailure.store(storeError) }
                throw CLIFailure.invalid(error.description)
            }
            let output = ServiceSummaryOutput(ServiceSummary(visits: visits, catalog: catalog), from: from, to: to, site: site)
            print(format == .json ? try JSONOutput.encode(output) : output.text, terminator: "")
        }
    }
}
