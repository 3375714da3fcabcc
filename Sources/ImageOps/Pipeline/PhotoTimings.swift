/// Where the time of one normalisation went, for benchmarks.
package struct PhotoTimings: Sendable {
    /// Stage names in pipeline order with their durations.
    package private(set) var stages: [(name: String, duration: Duration)] = []
    private var last = ContinuousClock.now

    /// Starts timing now.
    package init() {}

    /// Closes the current stage under `name`.
    package mutating func mark(_ name: String) {
        let now = ContinuousClock.now
        stages.append((name, now - last))
        last = now
    }

    /// Sum of all stages.
    package var total: Duration { stages.reduce(.zero) { $0 + $1.duration } }
}
