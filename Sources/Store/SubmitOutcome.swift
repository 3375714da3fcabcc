import Inspection

/// What `submit` did.
package enum SubmitOutcome: Sendable, Equatable {
    /// A new revision was stored.
    case stored(StoredRevision)
    /// The content equals the latest stored revision: nothing was written.
    case unchanged(vin: String, stage: String, revision: Int)
}

/// A revision that `submit` stored.
package struct StoredRevision: Sendable, Equatable {
    /// The car.
    package var vin: String
    /// The stage.
    package var stage: String
    /// 1, 2, ...
    package var revision: Int
    /// The inspection row.
    package var inspectionID: Int64
    /// Normalised photo files written (files already stored for other inspections are not written again).
    package var photosWritten: Int
    /// Photos that match another car's stored photos.
    package var reuse: [ReuseMatch]
}
