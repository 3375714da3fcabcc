import ArgumentParser
import Common
import Foundation
import Inspection
import Store

extension InspectDev {
    /// `inspect-dev queue-bench --db postgres://… --workers 8 --jobs 2000`: the worker queue alone: N threads, each with
    /// its own connection, claim a job and finish it until the queue is empty; prints claim latency and throughput.
    struct QueueBench: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "queue-bench", abstract: "Time claiming jobs from the PostgreSQL worker queue under concurrent workers.")

        @Option(name: .long, help: "The PostgreSQL database (a scratch one: jobs are added to it).") var db: String
        @Option(name: .long, help: "Concurrent workers (threads, one connection each).") var workers = 8
        @Option(name: .long, help: "Jobs to enqueue and drain.") var jobs = 2000

        func run() throws {
            guard case let .postgres(url) = try StoreLocation.parse(db) else { throw ValidationError("--db must be a postgres:// URL") }
            let root = URL(filePath: NSTemporaryDirectory()).appending(path: "queue-bench-\(getpid())")
            let setup = try InspectionStore(postgres: url, photoRoot: root, migratedAt: "bench")
            let day = "bench-\(UUID().uuidString)"
            _ = try setup.enqueue(day: day, cars: (0..<jobs).map { (name: "car-\($0)", fingerprint: "f") }, at: "bench")
            let latencies = Locked<[Double]>([])
            let start = ContinuousClock.now
            let stores = try (0..<workers).map { _ in try InspectionStore(postgres: url, photoRoot: root, migratedAt: "bench") }
            DispatchQueue.concurrentPerform(iterations: workers) { index in
                let store = stores[index]
                while true {
                    let begin = ContinuousClock.now
                    let now = Int64(Date().timeIntervalSince1970)
                    guard let job = try? store.claimJob(worker: "w\(index)", now: now, leaseUntil: now + 60, at: "bench") else { break }
                    let took = (ContinuousClock.now - begin).milliseconds
                    latencies.withLock { $0.append(took) }
                    _ = try? store.finishJob(job.id, worker: "w\(index)", failed: false, detail: "{}", at: "bench")
                }
            }
            let seconds = (ContinuousClock.now - start).milliseconds / 1000
            let sorted = latencies.withLock { $0 }.sorted()
            guard !sorted.isEmpty else { throw ValidationError("no job was claimed") }
            func at(_ q: Double) -> Double { sorted[min(sorted.count - 1, Int(Double(sorted.count) * q))] }
            print(
                "\(sorted.count) jobs claimed and finished by \(workers) workers in \(String(format: "%.2f", seconds)) s (\(Int(Double(sorted.count) / seconds)) jobs/s)"
            )
            print(
                "claim latency: median \(String(format: "%.2f", at(0.5))) ms, p95 \(String(format: "%.2f", at(0.95))) ms, p99 \(String(format: "%.2f", at(0.99))) ms"
            )
            try? FileManager.default.removeItem(at: root)
        }
    }
}
