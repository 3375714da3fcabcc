/// The unit an odometer shows.
package enum DistanceUnit: String, Sendable, Hashable, Codable, CaseIterable {
    case km
    case mi

    /// Kilometres per mile (exact by definition).
    package static let kilometresPerMile = 1.609344

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
