/// One reading in a car's mileage ledger, from a submission or recorded by hand.
package struct OdometerRecord: Sendable, Hashable, Codable {
    /// Ledger row id.
    package var id: Int64
    /// The car.
    package var vin: String
    /// Where it was read.
    package var stage: OdometerStage
    /// As displayed, whole units.
    package var reading: Int
    /// km or mi.
    package var unit: DistanceUnit
    /// When it was read.
    package var at: Timestamp
    /// How it came into the ledger.
    package var source: ReadingSource
    /// How the car travelled to this reading (transport and delivery legs).
    package var mode: Transport.Mode?
    /// The route length of that leg.
    package var routeKm: Int?
    /// The record this one corrects.
    package var supersedes: Int64?
    /// Free text.
    package var note: String?

    /// Creates a record.
    package init(
        id: Int64, vin: String, stage: OdometerStage, reading: Int, unit: DistanceUnit, at: Timestamp, source: ReadingSource,
        mode: Transport.Mode? = nil,
        routeKm: Int? = nil, supersedes: Int64? = nil, note: String? = nil
    ) {
        self.id = id
        self.vin = vin
        self.stage = stage
        self.reading = reading
        self.unit = unit
        self.at = at
        self.source = source
        self.mode = mode
        self.routeKm = routeKm
        self.supersedes = supersedes
        self.note = note
    }

    /// The reading in km (miles converted, rounded half up).
    package var kilometres: Int { unit.kilometres(reading) }

    /// The reading in kilometres, not rounded (deltas are computed from this, then rounded once).
    package var exactKilometres: Double { unit.exactKilometres(reading) }

    /// One step of the display in km: an odometer shows whole units, so the true distance is at least
    /// ``exactKilometres`` and less than that plus this.
    package var resolutionKilometres: Double { unit == .km ? 1 : DistanceUnit.kilometresPerMile }

    /// `48,210 km` or `30,000 mi (48,280 km)`.
    package var display: String {
        unit == .km ? "\(Self.grouped(reading)) km" : "\(Self.grouped(reading)) mi (\(Self.grouped(kilometres)) km)"
    }

    /// Thousands separated by commas, no locale.
    package static func grouped(_ value: Int) -> String {
        let digits = String(abs(value))
        var out = ""
        for (index, char) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(char)
        }
        return (value < 0 ? "-" : "") + out
    }
}
