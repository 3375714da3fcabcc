/// The odometer as read at an inspection, in the unit the car shows.
package struct OdometerReading: Sendable, Hashable, Codable {
    /// The displayed value, whole units.
    package var reading: Int
    /// km or mi.
    package var unit: DistanceUnit
    /// Photo of the dashboard, relative to the submission's folder.
    package var photo: String?

    /// Creates a reading.
    package init(reading: Int, unit: DistanceUnit, photo: String?) {
        self.reading = reading
        self.unit = unit
        self.photo = photo
    }

    /// Readings above this many kilometres are rejected as absurd.
    package static let maximumKilometres = 2_000_000

    /// The reading in whole kilometres.
    package var kilometres: Int { unit.kilometres(reading) }
}
