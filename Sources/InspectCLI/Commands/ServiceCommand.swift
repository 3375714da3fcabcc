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
            subcommands: [Report.self])
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
            let files = ReportFiles(language: lang, photos: photos, databaseFolder: URL(filePath: store.path).deletingLastPathComponent())
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
