import ArgumentParser
import Common
import Foundation
import Inspection
import ReportGen
import Store
import Workflows

extension InspectDev {
    /// `inspect-dev report-bench VIN --db PATH`: medians of assembling a car's report from the store and of
    /// rendering it as JSON + HTML + Markdown.
    struct ReportBench: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "report-bench", abstract: "Time assembling and rendering (JSON + HTML + Markdown) one car's report.")

        @Option(name: .long, help: "The database.")
        var db: String

        @Option(name: .long, help: "Folder of checklist templates.")
        var checklists = "checklists"

        @Option(name: .long, help: "Mileage policy file.")
        var mileagePolicy = "config/mileage-policy.yaml"

        @Option(name: .long, help: "Timed runs.")
        var runs = 200

        @Argument(help: "The car's VIN.")
        var vin: String

        func run() throws {
            let store = try InspectionStore(path: db)
            let assembly = ReportAssembly(
                catalog: TemplateCatalog(folders: [URL(filePath: checklists)]),
                mileagePolicy: try MileagePolicyLoader.load(from: URL(filePath: mileagePolicy)))
            var assemble: [Double] = [], renderAll: [Double] = []
            var bytes = 0
            for _ in 0..<max(1, runs) {
                let start = ContinuousClock.now
                let report = try assembly.report(vin: vin, store: store, generatedAt: "2026-11-26T18:00:00+08:00")
                let built = ContinuousClock.now
                let json = try ConditionReportJSONRenderer.render(report)
                let html = ConditionReportHTMLRenderer.render(report, language: .zh, photos: .link(prefix: ""))
                let markdown = ConditionReportMarkdownRenderer.render(report, language: .zh)
                renderAll.append((ContinuousClock.now - built).milliseconds)
                assemble.append((built - start).milliseconds)
                bytes = json.utf8.count + html.utf8.count + markdown.utf8.count
            }
            func median(_ values: [Double]) -> String { String(format: "%.2f", values.sorted()[values.count / 2]) }
            print(
                "\(vin): render JSON + HTML + Markdown median \(median(renderAll)) ms (\(bytes) bytes); assemble from the store median \(median(assemble)) ms; \(runs) runs"
            )
        }
    }
}
