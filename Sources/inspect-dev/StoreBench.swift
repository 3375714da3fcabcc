import ArgumentParser
import Common
import Foundation
import ImageOps
import Inspection
import Store
import Workflows

extension InspectDev {
    /// `inspect-dev store-bench --db PATH|postgres://… [--photo-root DIR] --day DAY_DIR`: the store's share of a car. Every
    /// car of a day folder (appraisal and audit) is validated and its photos normalised first (into a scratch store);
    /// then each car is stored into `--db` with its normalised photos at hand, and timed: the rows, the photo files,
    /// the reuse lookup and the ledger, without the photo work.
    struct StoreBench: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "store-bench", abstract: "Time storing each car of a day (photos already normalised) on SQLite or PostgreSQL.")

        @Option(name: .long, help: "A new SQLite file, or a scratch PostgreSQL database.") var db: String
        @Option(name: .long, help: "With PostgreSQL: the photo root.") var photoRoot: String?
        @Option(name: .long, help: "The day folder (e.g. from generate-day).") var day: String
        @Option(name: .long, help: "Folder of checklist templates.") var checklists = "checklists"
        @Option(name: .long, help: "Photo policy.") var photoPolicy = "config/photo-policy.yaml"

        func run() throws {
            let store: InspectionStore
            switch try StoreLocation.parse(db) {
            case let .sqlite(path): store = try InspectionStore(path: path)
            case let .postgres(url):
                guard let photoRoot else { throw ValidationError("--photo-root is needed with PostgreSQL") }
                store = try InspectionStore(postgres: url, photoRoot: URL(filePath: photoRoot), migratedAt: "bench")
            }
            let catalog = TemplateCatalog(folders: [URL(filePath: checklists)])
            let policy = try PhotoPolicyLoader.load(from: URL(filePath: photoPolicy))
            let scratch = URL(filePath: NSTemporaryDirectory()).appending(path: "store-bench-\(getpid())")
            defer { try? FileManager.default.removeItem(at: scratch) }
            let normaliser = SubmissionIntake(store: try InspectionStore(path: scratch.appending(path: "s.db").path), policy: policy, concurrency: 2)
            var cache: [String: NormalisedPhoto] = [:]
            var cars: [[ValidatedSubmission]] = []
            let folders = try FileManager.default.contentsOfDirectory(atPath: day).sorted()
            for name in folders {
                let submissions = ["appraisal", "audit"].compactMap { stage -> ValidatedSubmission? in
                    let file = URL(filePath: day).appending(path: "\(name)/\(stage).yaml")
                    return SubmissionValidator(catalog: catalog).validate(fileAt: file, displayPath: file.path).validated
                }
                guard !submissions.isEmpty else { continue }
                for submission in submissions { _ = try normaliser.take(submission, submittedAt: "bench", cache: &cache) }
                cars.append(submissions)
            }
            let intake = SubmissionIntake(store: store, policy: policy, concurrency: 2)
            var times: [Double] = []
            for submissions in cars {
                let start = ContinuousClock.now
                for submission in submissions { _ = try intake.take(submission, submittedAt: "bench", cache: &cache) }
                times.append((ContinuousClock.now - start).milliseconds)
            }
            guard !times.isEmpty else { throw ValidationError("no valid car in \(day)") }
            times.sort()
            func at(_ q: Double) -> Double { times[min(times.count - 1, Int(Double(times.count) * q))] }
            print(
                "\(times.count) cars (appraisal + audit) stored on \(store.path): median \(String(format: "%.1f", at(0.5))) ms, p95 \(String(format: "%.1f", at(0.95))) ms per car"
            )
        }
    }
}
