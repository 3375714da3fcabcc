import ArgumentParser
import Batch
import Common
import Foundation
import Inspection
import Store
import Workflows

extension InspectCommand {
    /// `inspect batch enqueue DAY_DIR --db URL`.
    struct Enqueue: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "enqueue",
            abstract:
                "Queue a day's car folders for `inspect worker` (PostgreSQL). Enqueuing an unchanged day again adds nothing; a changed car folder is queued again."
        )

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var clock: ClockOptions
        @Argument(help: "The day folder (a path every worker sees the same way).") var day: String

        func run() throws {
            let folder = URL(filePath: day)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw CLIFailure.invalid("\(day) is not a folder")
            }
            let store = try database.openStore()
            let cars = try CarFolder.list(day: folder).map { (name: $0.name, fingerprint: $0.fingerprint()) }
            let now = try clock.currentTime()
            let added: Int
            do { added = try store.enqueue(day: BatchRunner.dayKey(folder), cars: cars, at: now) } catch { throw CLIFailure.store(error) }
            print("queued \(added) of \(cars.count) car folders of \(BatchRunner.dayKey(folder)) (\(cars.count - added) already queued unchanged)")
        }
    }

    /// `inspect worker --db URL --photo-root DIR [--jobs N] [--lease SECONDS] [--until-empty]`.
    struct Worker: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Take cars off the PostgreSQL queue and process each as `inspect batch` does, under a renewed lease.",
            discussion: """
                Each job slot claims one car at a time, skipping the cars other workers hold. A worker killed at any moment loses \
                nothing: its lease runs out and another worker redoes the car, storing no duplicate revision. SIGTERM finishes \
                the current car and exits. --until-empty exits 0 once every job is done or failed.
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var templates: TemplateOptions
        @OptionGroup var photoOptions: PhotoPolicyOptions
        @OptionGroup var mileageOptions: MileagePolicyOptions
        @OptionGroup var costOptions: CostTableOptions
        @OptionGroup var afterSale: AfterSalePolicyOptions
        @OptionGroup var clock: ClockOptions

        @OptionGroup var plausibility: PlausibilityOptions

        @Option(name: .long, help: "Job slots (cars at the same time), each with its own connection.") var jobs = 1
        @Option(name: .long, help: "Seconds a claim holds without a heartbeat (renewed every third of it).") var lease = 60
        @Flag(name: .long, help: "Exit when every job is done or failed.") var untilEmpty = false
        @Option(name: .long, help: "Folder for the reports of the cars it processes.") var out: String?

        func validate() throws {
            guard (1...64).contains(jobs) else { throw ValidationError("--jobs must be 1-64") }
            guard (3...3600).contains(lease) else { throw ValidationError("--lease must be 3-3600 seconds") }
        }

        func run() throws {
            guard case .postgres = try database.location() else {
                throw CLIFailure.invalid("inspect worker takes cars off a PostgreSQL queue: give --db postgres://… (on SQLite, run inspect batch)")
            }
            let stop = Locked(false)
            signal(SIGTERM, SIG_IGN)
            let term = DispatchSource.makeSignalSource(signal: SIGTERM, queue: .global())
            term.setEventHandler { stop.withLock { $0 = true } }
            term.resume()
            let catalog = templates.catalog()
            let (photoPolicy, mileagePolicy) = (try photoOptions.policy(), try mileageOptions.mileage())
            let (costTable, afterSalePolicy, now) = (try costOptions.optionalTable(), try afterSale.optionalPolicy(), try clock.currentTime())
            let plausibilityPolicy = try plausibility.policy()
            var workers: [BatchWorker] = []
            let host = ProcessInfo.processInfo.hostName
            for slot in 1...jobs {
                var runner = BatchRunner(
                    store: try database.openStore(), catalog: catalog, photoPolicy: photoPolicy, mileagePolicy: mileagePolicy, jobs: 1,
                    outFolder: out.map { URL(filePath: $0) }, costTable: costTable, afterSalePolicy: afterSalePolicy, now: now)
                runner.plausibility = plausibilityPolicy
                workers.append(
                    BatchWorker(
                        runner: runner, id: "\(host)-\(getpid())-\(slot)", leaseSeconds: lease, untilEmpty: untilEmpty, stop: stop,
                        photoWorkers: max(1, ProcessInfo.processInfo.activeProcessorCount / jobs)))
            }
            let results = Locked<[Result<[CarOutcome], any Error>]>([])
            let slots = workers
            DispatchQueue.concurrentPerform(iterations: slots.count) { index in
                let result = Result { try slots[index].run() }
                results.withLock { $0.append(result) }
            }
            var done = 0, failed = 0
            for result in results.withLock({ $0 }) {
                switch result {
                case let .success(outcomes):
                    done += outcomes.count
                    failed += outcomes.filter { $0.status == .failed }.count
                case let .failure(error):
                    if let error = error as? StoreError { throw CLIFailure.store(error) }
                    throw error
                }
            }
            print("worker: \(done) cars processed (\(failed) failed)")
        }
    }
}
