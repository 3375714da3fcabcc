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

    /// Creates the record.
    package init(
        id: Int64, stage: String, reading: Int, unit: DistanceUnit, kilometres: Int, readAt: String, source: String, inspectionID: Int64?,
        supersedes: Int64?
    ) {
        self.id = id
        self.stage = stage
        self.reading = reading
        self.unit = unit
        self.kilometres = kilometres
        self.readAt = readAt
        self.source = source
        self.inspectionID = inspectionID
        self.supersedes = supersedes
    }

}
