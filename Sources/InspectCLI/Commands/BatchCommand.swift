import ArgumentParser
import Batch
import Foundation
import Inspection
import Store
import Workflows

extension InspectCommand {
    /// `inspect batch [run] DAY_DIR`, `inspect batch enqueue DAY_DIR`.
    struct BatchGroup: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "batch", abstract: "A day of cars: run it here (the default), or queue it for workers on PostgreSQL.",
            subcommands: [BatchRun.self, Enqueue.self], defaultSubcommand: BatchRun.self)
    }

    /// `inspect batch DAY_DIR`, `inspect batch --status DAY_DIR`.
    struct BatchRun: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "run",
            abstract: "Process every car of a day folder: submit, normalise photos, compare, ledger, delivery, reports.",
            discussion: """
                DAY_DIR holds one folder per car with appraisal.yaml, audit.yaml, optional delivery.yaml and their photos. \
                Cars run in parallel; progress is recorded per car, so a killed run resumes and an unchanged car is skipped. \
                Exit status 0 when every car went through, 4 when any car failed (its reasons are in the summary). \
                With PostgreSQL, `inspect batch enqueue DAY_DIR` queues the day for `inspect worker` processes on many machines.
                """)

        @OptionGroup var database: DatabaseOptions

        @OptionGroup var templates: TemplateOptions

        @OptionGroup var photoOptions: PhotoPolicyOptions

        @OptionGroup var mileageOptions: MileagePolicyOptions

        @OptionGroup var costOptions: CostTableOptions

        @OptionGroup var afterSale: AfterSalePolicyOptions

        @OptionGroup var clock: ClockOptions

        @OptionGroup var plausibility: PlausibilityOptions

        @Option(name: .long, help: "Cars processed at the same time (default: the core count).")
        var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

        @Option(name: .long, help: "Folder for the reports (<VIN>.json, .html, .md); none when omitted.")
        var out: String?

        @Option(name: .long, help: "HTML report photos: embed thumbnails (self-contained, as report does) or link to the stored files.")
        var photos: ReportFiles.PhotoMode = .embed

        @Flag(name: .long, help: "No progress output.")
        var quiet = false

        @Option(name: .customLong("summary-json"), help: "Also write the summary as JSON (format batch-summary/1) to this file.")
        var summaryJSON: String?

        @Flag(name: .long, help: "Show where a previous run of DAY_DIR stands; process nothing.")
        var status = false

        @Argument(help: "The day folder.")
        var day: String

        func validate() throws {
            guard jobs >= 1 && jobs <= 64 else { throw ValidationError("--jobs must be 1-64") }
        }

        func run() async throws {
            let folder = URL(filePath: day)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw CLIFailure.invalid("\(day) is not a folder")
            }
            if status {
                try showStatus(folder)
                return
            }
            let store: InspectionStore
            store = try database.openStore()
            let cars = try CarFolder.list(day: folder)
            var runner = BatchRunner(
                store: store, catalog: templates.catalog(), photoPolicy: try photoOptions.policy(), mileagePolicy: try mileageOptions.mileage(),
                jobs: jobs,
                outFolder: out.map { URL(filePath: $0) }, reportPhotos: photos, costTable: try costOptions.optionalTable(),
                afterSalePolicy: try afterSale.optionalPolicy(),
                now: try clock.currentTime())
            runner.plausibility = try plausibility.policy()
            let progress = ProgressReporter(total: cars.count, mode: quiet ? .quiet : nil)
            let summary = try await runner.run(day: folder, progress: progress)
            if !quiet { ReportPrinter.stderr("") }
            print(summary.text, terminator: "")
            if let summaryJSON {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                encoder.keyEncodingStrategy = .convertToSnakeCase
                try encoder.encode(summary).write(to: URL(filePath: summaryJSON), options: .atomic)
            }
            if summary.failed > 0 { throw ExitCode(ExitStatus.batchFailures.rawValue) }
        }

        private func showStatus(_ folder: URL) throws {
            let store = try database.existingStore()
            if case .postgres = try database.location() {  // a queued day: where its jobs stand
                let jobs: [BatchJob]
                do { jobs = try store.jobs(day: BatchRunner.dayKey(folder)) } catch { throw CLIFailure.store(error) }
                if !jobs.isEmpty {
                    print(QueueStatus.text(jobs, now: Int64(Date().timeIntervalSince1970)), terminator: "")
                    // The day's summary across every worker, from the outcomes they recorded (the latest job of each car).
                    let finished = Dictionary(jobs.filter { $0.status == "done" || $0.status == "failed" }.map { ($0.car, $0) }) { _, newer in newer }
                    let outcomes = finished.values.compactMap { job in
                        job.detail.flatMap { try? JSONDecoder().decode(CarOutcome.self, from: Data($0.utf8)) }
                    }
                    if !outcomes.isEmpty {
                        print(
                            BatchSummary(day: BatchRunner.dayKey(folder), outcomes: outcomes.sorted { $0.car < $1.car }, seconds: 0).text,
                            terminator: "")
                    }
                    return
                }
            }
            do { print(try DayStatus.of(day: folder, store: store).text, terminator: "") } catch let error as StoreError {
                throw CLIFailure.store(error)
            }
        }
    }
}
