import Common

/// What a batch run did, for people (``text``) and machines (`--summary-json`, `format: batch-summary/2`).
package struct BatchSummary: Sendable, Hashable, Codable {
    package var format = Self.formatName
    /// The name and version of the JSON contract.
    package static let formatName = "batch-summary/2"
    package var day: String
    package var cars: Int
    package var ok: Int
    package var withDiscrepancies: Int
    package var withMileageFlags: Int
    package var failed: Int
    package var unchanged: Int
    package var photos: Int
    package var seconds: Double
    package var photosPerSecond: Double
    /// Grade -> cars, sorted by grade.
    package var grades: [Count]
    /// Appraisers with the most discrepancies (top 5).
    package var appraisers: [Count]
    /// Slowest steps of this run (top 5).
    package var slowestSteps: [SlowStep]
    /// Failed cars with their reasons.
    package var failures: [Failure]
    /// Every car's outcome.
    package var outcomes: [CarOutcome]

    package struct Count: Sendable, Hashable, Codable {
        package var name: String
        package var count: Int
    }

    package struct SlowStep: Sendable, Hashable, Codable {
        package var car: String
        package var step: String
        package var ms: Int
    }

    package struct Failure: Sendable, Hashable, Codable {
        package var car: String
        package var reasons: [Notice]
    }

    /// Summarises outcomes.
    package init(day: String, outcomes: [CarOutcome], seconds: Double) {
        self.day = day
        self.outcomes = outcomes
        self.seconds = (seconds * 100).rounded() / 100
        cars = outcomes.count
        failed = outcomes.filter { $0.status == .failed }.count
        ok = cars - failed
        withDiscrepancies = outcomes.filter { $0.discrepancies > 0 }.count
        withMileageFlags = outcomes.filter { $0.mileageFlags > 0 }.count
        unchanged = outcomes.filter(\.unchanged).count
        photos = outcomes.filter { !$0.unchanged }.reduce(0) { $0 + $1.photos }
        photosPerSecond = seconds > 0 ? (Double(photos) / seconds * 10).rounded() / 10 : 0
        var gradeCounts: [String: Int] = [:]
        for outcome in outcomes { if let grade = outcome.grade { gradeCounts[grade, default: 0] += 1 } }
        grades = gradeCounts.map { Count(name: $0.key, count: $0.value) }.sorted { $0.name < $1.name }
        var byAppraiser: [String: Int] = [:]
        for outcome in outcomes { if let appraiser = outcome.appraiser { byAppraiser[appraiser, default: 0] += outcome.discrepancies } }
        appraisers = byAppraiser.map { Count(name: $0.key, count: $0.value) }.sorted { ($1.count, $0.name) < ($0.count, $1.name) }.prefix(5).map {
            $0
        }
        slowestSteps = outcomes.filter { !$0.unchanged }.flatMap { outcome in
            outcome.steps.map { SlowStep(car: outcome.car, step: $0.name, ms: $0.ms) }
        }
        .sorted { ($1.ms, $0.car) < ($0.ms, $1.car) }.prefix(5).map { $0 }
        failures = outcomes.filter { $0.status == .failed }.map { Failure(car: $0.car, reasons: $0.reasons) }
    }

    /// The summary table.
    package var text: String {
        var lines = ["batch summary for \(day)"]
        lines.append(
            "  cars \(cars): ok \(ok) · with discrepancies \(withDiscrepancies) · with mileage flags \(withMileageFlags) · failed \(failed) · unchanged (skipped) \(unchanged)"
        )
        lines.append("  photos normalised \(photos) in \(seconds) s (\(photosPerSecond) photos/s)")
        if !grades.isEmpty { lines.append("  grades: " + grades.map { "\($0.name) \($0.count)" }.joined(separator: " · ")) }
        if !appraisers.isEmpty {
            lines.append("  appraisers with most discrepancies: " + appraisers.map { "\($0.name) \($0.count)" }.joined(separator: " · "))
        }
        if !slowestSteps.isEmpty {
            lines.append("  slowest steps: " + slowestSteps.map { "\($0.car) \($0.step) \($0.ms) ms" }.joined(separator: " · "))
        }
        for failure in failures {
            lines.append("  FAILED \(failure.car):")
            for reason in failure.reasons.prefix(10) { lines.append("    \(reason.message.en)") }
            if failure.reasons.count > 10 { lines.append("    ... \(failure.reasons.count - 10) more") }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
