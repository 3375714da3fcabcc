import Common

/// Something wrong with a car's odometer history, with the rule and numbers that found it.
package struct MileageFlag: Sendable, Hashable, Codable {
    /// What was found.
    package enum Kind: String, Sendable, Hashable, Codable {
        /// A reading lower than an earlier one that a person confirmed as a rollback (调表).
        case rollback
        /// A reading lower than an earlier one, not yet resolved: the readings disagree (a typo, a wrong date, or a
        /// rollback); internal until a person says which (``MileageResolution``).
        case conflict = "reading-conflict"
        /// More distance than the leg's allowance.
        case unexplainedGrowth = "unexplained-growth"
        /// A jump close to x1.609 or /1.609: a km/mi mix-up.
        case unitMismatch = "unit-mismatch"
        /// The same reading recorded for another car.
        case repeatedAcrossCars = "repeated-across-cars"
        /// More km per day than a car can plausibly do.
        case implausibleRate = "implausible-rate"
    }

    /// How serious.
    package enum Severity: String, Sendable, Hashable, Codable, Comparable {
        case critical
        case warning

        package static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .critical && rhs == .warning }
    }

    /// The kind.
    package var kind: Kind
    /// Critical or warning.
    package var severity: Severity
    /// The ledger record that raised it.
    package var recordID: Int64
    /// The rule and the numbers as a coded notice (`mileage.rollback`, ...), worded in both languages.
    package var notice: Notice

    /// The English wording (terminal output).
    package var message: String { notice.message.en }
}
