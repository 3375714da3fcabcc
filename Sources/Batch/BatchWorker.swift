import Common
import Foundation
import Inspection
import Store

/// `inspect worker`: one job slot taking cars off the PostgreSQL queue, one at a time, each under a lease a heartbeat
/// renews, and processing each exactly as `inspect batch` does (``BatchRunner``). A worker killed at any moment loses
/// nothing: its lease runs out and another worker redoes the car; submitting it again adds no revision.
package struct BatchWorker: Sendable {
    /// Processes a car (its store is this slot's own connection).
    package var runner: BatchRunner
    /// This slot's name in the queue (`host-pid-slot`).
    package var id: String
    /// How long a claim holds without a heartbeat.
    package var leaseSeconds: Int
    /// Exit when every job is done or failed (waiting while another worker holds a live lease) instead of waiting for
    /// more.
    package var untilEmpty: Bool
    /// Set (by SIGTERM) to finish the current car and stop.
    package var stop: Locked<Bool>
    /// Photos normalised at once within a car.
    package var photoWorkers: Int

    /// Creates a worker slot.
    package init(runner: BatchRunner, id: String, leaseSeconds: Int, untilEmpty: Bool, stop: Locked<Bool>, photoWorkers: Int) {
        self.runner = runner
        self.id = id
        self.leaseSeconds = leaseSeconds
        self.untilEmpty = untilEmpty
        self.stop = stop
        self.photoWorkers = photoWorkers
    }

    /// Runs until stopped (or, with ``untilEmpty``, until the queue is empty); returns the cars this slot finished.
    package func run() throws -> [CarOutcome] {
        let store = runner.store
        var finished: [CarOutcome] = []
        while !stop.withLock({ $0 }) {
            let now = Self.now()
            guard let job = try store.claimJob(worker: id, now: now, leaseUntil: now + Int64(leaseSeconds), at: Self.text(now)) else {
                if untilEmpty, try store.jobs().allSatisfy({ $0.status == "done" || $0.status == "failed" }) { break }
                Thread.sleep(forTimeInterval: 0.5)  // nothing to claim: more may be enqueued, or a live lease may run out
                continue
            }
            let heartbeat = DispatchSource.makeTimerSource(queue: DispatchQueue.global())
            let interval = max(1, leaseSeconds / 3)
            heartbeat.schedule(deadline: .now() + .seconds(interval), repeating: .seconds(interval))
            heartbeat.setEventHandler { [id, leaseSeconds] in
                let now = Self.now()
                _ = try? store.renewJob(job.id, worker: id, leaseUntil: now + Int64(leaseSeconds), at: Self.text(now))
            }
            heartbeat.resume()
            let folder = URL(filePath: job.day).appending(path: job.car)
            var outcome: CarOutcome
            if FileManager.default.fileExists(atPath: folder.path) {
                outcome = runner.process(CarFolder(name: job.car, url: folder), dayKey: job.day, previous: nil, photoWorkers: photoWorkers)
            } else {
                outcome = CarOutcome(car: job.car)
                outcome.status = .failed
            }
            heartbeat.cancel()
            let detail = (try? String(decoding: JSONEncoder().encode(outcome), as: UTF8.self)) ?? "{}"
            if try store.finishJob(job.id, worker: id, failed: outcome.status == .failed, detail: detail, at: Self.text(Self.now())) {
                finished.append(outcome)
            }
        }
        return finished
    }

    static func now() -> Int64 { Int64(Date().timeIntervalSince1970) }
    static func text(_ epoch: Int64) -> String { Timestamp(epochSeconds: epoch).utcText }
}
