import Foundation
import Store

/// Where a day folder's cars stand, from the recorded batch progress and the folders as they are now
/// (`inspect batch --status`).
package struct DayStatus: Sendable {
    /// One car's state.
    package enum State: String, Sendable, Hashable {
        /// Recorded as done and unchanged since.
        case done
        /// Recorded as failed and unchanged since.
        case failed
        /// Recorded, but its files changed since (the next run redoes it).
        case changed
        /// Never recorded.
        case pending
    }

    /// The day folder's key.
    package var day: String
    /// Each car folder's state and, for a changed car, when it was recorded.
    package var cars: [(name: String, state: State, recordedAt: String?)]

    /// How many cars are in `state`.
    package func count(_ state: State) -> Int { cars.filter { $0.state == state }.count }

    /// Classifies every car folder of `folder` against what `store` recorded for the day.
    package static func of(day folder: URL, store: InspectionStore) throws -> DayStatus {
        let day = BatchRunner.dayKey(folder)
        let steps = try store.batchSteps(day: day)
        let recorded = Dictionary(steps.filter { $0.step == BatchRunner.carStep }.map { ($0.car, $0) }, uniquingKeysWith: { first, _ in first })
        var cars: [(String, State, String?)] = []
        for car in try CarFolder.list(day: folder) {
            guard let step = recorded[car.name] else {
                cars.append((car.name, .pending, nil))
                continue
            }
            if step.fingerprint != car.fingerprint() {
                cars.append((car.name, .changed, step.recordedAt))
            } else {
                cars.append((car.name, step.status == .failed ? .failed : .done, step.recordedAt))
            }
        }
        return DayStatus(day: day, cars: cars)
    }

    /// The status as printed: a count line, then every car that is not done.
    package var text: String {
        var lines = [
            "batch status of \(day): done \(count(.done)) · failed \(count(.failed)) · changed \(count(.changed)) · pending \(count(.pending))"
        ]
        for car in cars where car.state != .done {
            switch car.state {
            case .changed: lines.append("  changed  \(car.name) (files changed since \(car.recordedAt ?? "?"))")
            case .failed: lines.append("  failed   \(car.name)")
            case .pending: lines.append("  pending  \(car.name)")
            case .done: break
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
