import ArgumentParser
import Common
import Foundation
import Inspection
import ReportGen
import Store
import Workflows

extension InspectDev {
    /// `inspect-dev quote-bench VIN --db PATH`: medians of quoting one car (load, price, JSON + Markdown), and of the
    /// pricing and rendering alone.
    struct QuoteBench: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "quote-bench", abstract: "Time the estimate of one car: from the store, and priced + rendered (JSON + Markdown).")

        @Option(name: .long, help: "The database.")
        var db: String

        @Option(name: .long, help: "Folder of checklist templates.")
        var checklists = "checklists"

        @Option(name: .long, help: "Repair cost table.")
        var costs = "config/repair-costs.yaml"

        @Option(name: .long, help: "Timed runs.")
        var runs = 500

        @Argument(help: "The car's VIN.")
        var vin: String

        func run() throws {
            let store = try InspectionStore(path: db)
            let catalog = TemplateCatalog(folders: [URL(filePath: checklists)])
            let table = try CostTableLoader.load(from: URL(filePath: costs))
            let workflow = QuoteWorkflow(catalog: catalog, table: table)
            guard let record = try CarRecordLoader.load(vin: vin, from: store) else { throw ValidationError("no car \(vin) in \(db)") }
            var whole: [Double] = [], priced: [Double] = []
            var lines = 0
            for _ in 0..<max(1, runs) {
                let start = ContinuousClock.now
                let output = try workflow.quote(vin: vin, store: store)
                _ = try JSONOutput.encode(output)
                _ = QuoteRenderer.markdown(output, language: .zh)
                let loaded = ContinuousClock.now
                guard let again = try QuoteOutput(record: record, catalog: catalog, table: table) else { continue }
                _ = try JSONOutput.encode(again)
                _ = QuoteRenderer.markdown(again, language: .zh)
                priced.append((ContinuousClock.now - loaded).milliseconds)
                whole.append((loaded - start).milliseconds)
                lines = again.lines.count
            }
            func median(_ values: [Double]) -> String { String(format: "%.3f", values.sorted()[values.count / 2]) }
            print(
                "\(vin) (\(lines) lines): load + price + JSON + Markdown median \(median(whole)) ms; price + JSON + Markdown alone median \(median(priced)) ms; \(runs) runs"
            )
        }
    }
}
