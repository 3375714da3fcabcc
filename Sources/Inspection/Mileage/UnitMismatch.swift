/// A km/mi mix-up between two readings: both above the policy's minimum and one within the tolerance of 1.609344
/// times the other.
package struct UnitMismatch: Sendable, Hashable {
    /// `×1.609` (the later reading is the earlier in miles taken as km, or the reverse) or `÷1.609`.
    package var direction: String
    /// The later reading over the earlier, three decimals: "1.611".
    package var ratio: String

    /// The mix-up between `a` and the later `b`, or nil when there is none.
    package init?(_ a: OdometerRecord, _ b: OdometerRecord, policy: MileagePolicy) {
        let minimum = Double(policy.unitMismatchMinimumKm)
        guard a.exactKilometres > minimum, b.exactKilometres > minimum else { return nil }
        let value = b.exactKilometres / a.exactKilometres
        let tolerance = Double(policy.unitMismatchTolerancePercent) / 100
        let candidates = [(DistanceUnit.kilometresPerMile, "×1.609"), (1 / DistanceUnit.kilometresPerMile, "÷1.609")]
        guard let match = candidates.first(where: { abs(value / $0.0 - 1) <= tolerance }) else { return nil }
        direction = match.1
        let thousandths = Int((value * 1000).rounded())
        let fraction = String(thousandths % 1000)
        ratio = "\(thousandths / 1000).\(String(repeating: "0", count: 3 - fraction.count))\(fraction)"
    }
}
