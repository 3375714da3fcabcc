import Inspection

/// An odometer reading in the ledger.
package struct StoredOdometerReading: Sendable, Hashable {
    /// Row id.
    package var id: Int64
    /// The stage it was read at.
    package var stage: String
    /// The displayed value.
    package var reading: Int
    /// The displayed unit.
    package var unit: DistanceUnit
    /// The value in km.
    package var kilometres: Int
    /// When it was read, as written.
    package var readAt: String
    /// `submission` or `manual`.
    package var source: String
    /// The inspection it came from, if any.
    package var inspectionID: Int64?
    /// The reading this one corrects, if any.
    package var supersedes: Int64?
}
