/// What an inspection's dates and odometer must look like before they are believed (`plausibility-policy/1`, loaded by
/// ``PlausibilityPolicyLoader``): data, not code.
package struct PlausibilityPolicy: Sendable, Hashable {
    /// A range of km a year.
    package struct Rate: Sendable, Hashable {
        package var min: Int
        package var max: Int
    }

    /// A service-life limit: years since first registration, km on the odometer.
    package struct Limit: Sendable, Hashable {
        package var years: Int
        package var km: Int
    }

    /// An inspection dated later than now plus this many seconds is refused.
    package var clockSkewSeconds: Int64
    /// Below this age the yearly rate is not judged.
    package var minimumAgeMonths: Int
    /// Km a year by vehicle use id; `default` for the rest.
    package var kmPerYear: [String: Rate]
    /// A passenger car's odometer above this is implausible.
    package var maxKm: Int
    /// Service-life limits by vehicle use id.
    package var serviceLife: [String: Limit]

    /// The rate for `use` (its own, else `default`).
    package func rate(for use: String?) -> Rate? { use.flatMap { kmPerYear[$0] } ?? kmPerYear["default"] }
}
