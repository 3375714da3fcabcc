/// What `submit` did.
package enum SubmitOutcome: Sendable, Equatable {
    /// A new revision was stored.
    case stored(vin: String, stage: String, revision: Int, inspectionID: Int64, photosCopied: Int)
    /// The content equals the latest stored revision: nothing was written.
    case unchanged(vin: String, stage: String, revision: Int)
}
