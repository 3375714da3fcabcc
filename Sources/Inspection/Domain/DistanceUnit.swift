/// The unit an odometer shows.
package enum DistanceUnit: String, Sendable, Hashable, Codable, CaseIterable {
    case km
    case mi

    /// Kilometres per mile (exact by definition).
    package static let kilometresPerMile = 1.609344

    /// `reading` in kilometres, not rounded.
    package func exactKilometres(_ reading: Int) -> Double { self == .km ? Double(reading) : Double(reading) * Self.kilometresPerMile }

    /// Km from `from` to `to` (both in this unit or each in its own), computed unrounded and rounded once.
    package static func kilometresBetween(_ from: (Int, DistanceUnit), _ to: (Int, DistanceUnit)) -> Int {
        Int((to.1.exactKilometres(to.0) - from.1.exactKilometres(from.0)).rounded())
    }

    /// `reading` in whole kilometres, rounded half away from zero (deterministic on every platform).
    package func kilometres(_ reading: Int) -> Int {
        switch self {
        case .km: return reading
        case .mi:
            // 1 mi = 1609344 µkm exactly; integer arithmetic avoids floating-point rounding differences.
            let microKm = reading * 1_609_344
            return (microKm + 500_000) / 1_000_000
        }
    }
}
