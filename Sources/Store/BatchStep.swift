/// One recorded step of a batch run.
package struct BatchStep: Sendable, Hashable {
    /// How a step ended.
    package enum Status: String, Sendable, Hashable {
        /// It went through.
        case done
        /// It failed (the reasons are in the detail).
        case failed
    }

    /// The day folder (absolute path).
    package var day: String
    /// The car folder's name.
    package var car: String
    /// The step, e.g. `car`.
    package var step: String
    /// What the inputs looked like when the step ran.
    package var fingerprint: String
    /// How it ended.
    package var status: Status
    /// The step's result (JSON for the batch's own use).
    package var detail: String
    /// How long it took.
    package var durationMs: Int
    /// When it was recorded.
    package var recordedAt: String

    /// Creates a step record.
    package init(day: String, car: String, step: String, fingerprint: String, status: Status, detail: String, durationMs: Int, recordedAt: String) {
        self.day = day
        self.car = car
        self.step = step
        self.fingerprint = fingerprint
        self.status = status
        self.detail = detail
        self.durationMs = durationMs
        self.recordedAt = recordedAt
    }
}
