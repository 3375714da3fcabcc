import ArgumentParser
import Common
import Foundation
import Inspection
import ReportGen
import Store
import Workflows

extension ReportLanguage: ExpressibleByArgument {}
extension ReportFiles.Format: ExpressibleByArgument {}
extension ReportFiles.PhotoMode: ExpressibleByArgument {}
extension ReportAudience: ExpressibleByArgument {}

extension InspectCommand {
    /// `inspect report VIN` and `inspect report --all --out DIR`.
    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Render the condition report of a car (JSON condition-report/2, HTML or Markdown), or of every stored car.")

        @OptionGroup var database: DatabaseOptions

        @OptionGroup var templates: TemplateOptions

        @OptionGroup var mileageOptions: MileagePolicyOptions

        @OptionGroup var costOptions: CostTableOptions

        @OptionGroup var afterSale: AfterSalePolicyOptions

        @OptionGroup var clock: ClockOptions

        @OptionGroup var plausibility: PlausibilityOptions

        @Option(name: .long, help: "json, html or md (with --all: all three unless given).")
        var format: ReportFiles.Format?

        @Option(name: .long, help: "Language of HTML and Markdown: zh or en.")
        var lang: ReportLanguage = .zh

        @Option(
            name: .long, help: "Who it is for: internal (staff: everything) or customer (no staff ids or names, no discrepancies, no internal notes)."
        )
        var audience: ReportAudience = .internal

        @Option(name: .long, help: "HTML photos: embed thumbnails (self-contained) or link to the stored files.")
        var photos: ReportFiles.PhotoMode = .embed

        @Option(name: .long, help: "Write here instead of stdout (with --all: a folder).")
        var out: String?

        @Option(name: .customLong("generated-at"), help: "The report's time (ISO 8601 with zone); default now.")
        var generatedAt: String?

        @Flag(name: .long, help: "Every stored car.")
        var all = false

        @Argument(help: "The car's VIN.")
        var vin: String?

        func validate() throws {
            if all {
                guard vin == nil else { throw ValidationError("give either a VIN or --all") }
                guard out != nil else { throw ValidationError("--all needs --out DIR") }
            } else if vin == nil {
                throw ValidationError("name a VIN, or use --all --out DIR")
            }
            if let generatedAt, case let .failure(problem) = Timestamp.parse(generatedAt) { throw ValidationError("--generated-at \(problem)") }
        }

        func run() throws {
            let store = try database.existingStore()
            let assembly = ReportAssembly(
                catalog: templates.catalog(), mileagePolicy: try mileageOptions.mileage(), costTable: try costOptions.optionalTable(),
                afterSalePolicy: try afterSale.optionalPolicy(), plausibility: try plausibility.policy())
            let time = try generatedAt.map { try Timestamp.parse($0).get().text } ?? clock.currentTime()
            let files = ReportFiles(
                language: lang, photos: photos, databaseFolder: store.photoBase, audience: audience)
            if all, let out {
                let folder = URL(filePath: out)
                let written: ReportFiles.AllWritten
                do {
                    written = try files.writeAll(
                        store: store, assembly: assembly, generatedAt: time, formats: format.map { [$0] } ?? ReportFiles.Format.allCases, to: folder)
                } catch let error as StoreError {
                    throw CLIFailure.store(error)
                }
                for (vin, reason) in written.skipped { ReportPrinter.stderr("\(vin): skipped: \(reason)\n") }
                print("wrote \(written.files) report files for \(written.cars) cars to \(folder.path)")
                return
            }
            guard let vin = vin?.uppercased() else { return }
            let report: ConditionReport
            do { report = try assembly.report(vin: vin, store: store, generatedAt: time) } catch { throw CLIFailure.invalid("\(error)") }
            let format = format ?? .json
            if let out {
                let file = URL(filePath: out)
                try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(try files.render(report, format, outputFolder: file.deletingLastPathComponent()).utf8).write(to: file, options: .atomic)
                print("wrote \(file.path)")
            } else {
                print(
                    try files.render(report, format, outputFolder: URL(filePath: FileManager.default.currentDirectoryPath)),
                    terminator: "")
            }
        }
    }
}
