import ArgumentParser
import Common
import Foundation
import Inspection
import ReportGen
import Store
import Workflows

extension ReportLanguage: ExpressibleByArgument {}

extension InspectCommand {
    /// `inspect report VIN` and `inspect report --all --out DIR`.
    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Render the condition report of a car (JSON condition-report/1, HTML or Markdown), or of every stored car.")

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case json, html, md
        }

        enum PhotoMode: String, ExpressibleByArgument, CaseIterable {
            case embed, link
        }

        @OptionGroup var database: DatabaseOptions

        @OptionGroup var templates: TemplateOptions

        @OptionGroup var mileageOptions: MileagePolicyOptions

        @OptionGroup var clock: ClockOptions

        @Option(name: .long, help: "json, html or md (with --all: all three unless given).")
        var format: Format?

        @Option(name: .long, help: "Language of HTML and Markdown: zh or en.")
        var lang: ReportLanguage = .zh

        @Option(name: .long, help: "HTML photos: embed thumbnails (self-contained) or link to the stored files.")
        var photos: PhotoMode = .embed

        @Option(name: .long, help: "Write here instead of stdout (with --all: a folder).")
        var out: String?

        @Option(name: .customLong("generated-at"), help: "The report's time (ISO 8601 with zone); default now.")
        var generatedAt: String?

        @Flag(name: .long, help: "Every stored car.")
        var all = false

        @Option(
            name: .customLong("bench-runs"),
            help: ArgumentHelp("Time assembling and rendering (JSON + HTML + Markdown) this many times and print medians.", visibility: .hidden))
        var benchRuns: Int?

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
            let assembly = ReportAssembly(catalog: templates.catalog(), mileagePolicy: try mileageOptions.mileage())
            let time = try generatedAt.map { try Timestamp.parse($0).get().text } ?? clock.currentTime()
            let databaseFolder = URL(filePath: database.path).deletingLastPathComponent().standardizedFileURL
            if all, let out {
                let folder = URL(filePath: out)
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                let vins: [String]
                do { vins = try store.vins() } catch { throw CLIFailure.store(error) }
                var written = 0
                for vin in vins {
                    let report: ConditionReport
                    do { report = try assembly.report(vin: vin, store: store, generatedAt: time) } catch {
                        ReportPrinter.stderr("\(vin): skipped: \(error)\n")
                        continue
                    }
                    for format in format.map({ [$0] }) ?? Format.allCases {
                        let file = folder.appending(path: "\(vin).\(format.rawValue)")
                        try Data(try render(report, format, databaseFolder: databaseFolder, outputFolder: folder).utf8).write(
                            to: file, options: .atomic)
                        written += 1
                    }
                }
                print("wrote \(written) report files for \(vins.count) cars to \(folder.path)")
                return
            }
            guard let vin = vin?.uppercased() else { return }
            let report: ConditionReport
            do { report = try assembly.report(vin: vin, store: store, generatedAt: time) } catch { throw CLIFailure.invalid("\(error)") }
            if let runs = benchRuns {
                var assemble: [Double] = [], renderAll: [Double] = []
                var bytes = 0
                for _ in 0..<max(1, runs) {
                    let start = ContinuousClock.now
                    let again = try assembly.report(vin: vin, store: store, generatedAt: time)
                    let built = ContinuousClock.now
                    let json = try ConditionReportJSONRenderer.render(again)
                    let html = ConditionReportHTMLRenderer.render(again, language: lang, photos: .link(prefix: ""))
                    let markdown = ConditionReportMarkdownRenderer.render(again, language: lang)
                    renderAll.append((ContinuousClock.now - built).milliseconds)
                    assemble.append((built - start).milliseconds)
                    bytes = json.utf8.count + html.utf8.count + markdown.utf8.count
                }
                func median(_ values: [Double]) -> String { String(format: "%.2f", values.sorted()[values.count / 2]) }
                print(
                    "\(vin): render JSON + HTML + Markdown median \(median(renderAll)) ms (\(bytes) bytes); assemble from the store median \(median(assemble)) ms; \(runs) runs"
                )
                return
            }
            let format = format ?? .json
            if let out {
                let file = URL(filePath: out)
                try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(try render(report, format, databaseFolder: databaseFolder, outputFolder: file.deletingLastPathComponent()).utf8).write(
                    to: file, options: .atomic)
                print("wrote \(file.path)")
            } else {
                print(
                    try render(report, format, databaseFolder: databaseFolder, outputFolder: URL(filePath: FileManager.default.currentDirectoryPath)),
                    terminator: "")
            }
        }

        private func render(_ report: ConditionReport, _ format: Format, databaseFolder: URL, outputFolder: URL) throws -> String {
            switch format {
            case .json: return try ConditionReportJSONRenderer.render(report)
            case .md: return ConditionReportMarkdownRenderer.render(report, language: lang)
            case .html:
                let mode: ConditionReportHTMLRenderer.Photos
                switch photos {
                case .link: mode = .link(prefix: Self.relativePrefix(from: outputFolder, to: databaseFolder))
                case .embed:
                    let folder = databaseFolder
                    mode = .embed(load: { path in FileManager.default.contents(atPath: folder.appending(path: path).path).map { Array($0) } })
                }
                return ConditionReportHTMLRenderer.render(report, language: lang, photos: mode)
            }
        }

        /// The relative path prefix from `from` to `to` ("" when they are the same folder, "../db/" ...).
        static func relativePrefix(from: URL, to: URL) -> String {
            let a = from.standardizedFileURL.resolvingSymlinksInPath().pathComponents,
                b = to.standardizedFileURL.resolvingSymlinksInPath().pathComponents
            var common = 0
            while common < min(a.count, b.count), a[common] == b[common] { common += 1 }
            let up = Array(repeating: "..", count: a.count - common), down = Array(b[common...])
            let parts = up + down
            return parts.isEmpty ? "" : parts.joined(separator: "/") + "/"
        }
    }
}
