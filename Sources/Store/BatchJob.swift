/// One car folder of a queued day (`inspect batch enqueue`), as workers claim and finish it.
package struct BatchJob: Sendable, Hashable {
    package var id: Int64
    /// The day folder (as enqueued) and the car folder's name.
    package var day: String
    package var car: String
    /// The car folder's fingerprint when it was enqueued (a changed folder is a new job).
    package var fingerprint: String
    /// pending, running, done or failed.
    package var status: String
    /// The worker holding or last holding it.
    package var worker: String?
    /// Until when (epoch seconds) the worker's claim holds unless renewed.
    package var leaseUntil: Int64?
    /// How many times it was claimed.
    package var attempts: Int
    /// What the worker recorded when it finished.
    package var detail: String?
}
