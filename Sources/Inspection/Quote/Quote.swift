import Common

/// The reconditioning estimate of one car's final inspection: a line per finding the cost table prices, the findings
/// it does not price and why, or the car excluded as a whole (flood, fire, not tradeable). Amounts in whole units of
/// ``currency``; totals are the sums of the lines.
package struct Quote: Sendable, Hashable {
    /// A cost range.
    package struct Amount: Sendable, Hashable, Codable {
        package var min: Int
        package var max: Int

        /// A range from `min` to `max`.
        package init(min: Int, max: Int) {
            self.min = min
            self.max = max
        }

        package static let zero = Amount(min: 0, max: 0)
        package static func + (a: Amount, b: Amount) -> Amount { Amount(min: a.min + b.min, max: a.max + b.max) }
    }

    /// One priced finding or check.
    package struct Line: Sendable, Hashable {
        /// The defect code (`14HH2`) or check id (`road.6`).
        package var finding: String
        /// Part code (defects) or check id.
        package var item: String
        /// Part or check name.
        package var name: LocalizedText
        package var defect: LocalizedText?
        package var degree: Int?
        package var operation: CostTable.Operation
        package var hours: Double
        package var cost: Amount
        /// The table rule that chose the operation, e.g. `rules #3 (line 41)`.
        package var rule: String
    }

    /// A finding or check the table does not price, and why.
    package struct NotQuoted: Sendable, Hashable {
        package var finding: String
        package var name: LocalizedText
        package var reason: Notice
    }

    /// Why the car is not quoted at all.
    package struct Exclusion: Sendable, Hashable {
        package var flag: String
        package var label: LocalizedText
        package var causes: [String]
        package var reason: Notice
    }

    package var currency: String
    /// The site class whose labour rate was used.
    package var siteClass: String
    /// Per hour.
    package var labourRate: Int
    package var lines: [Line]
    package var notQuoted: [NotQuoted]
    package var excluded: Exclusion?

    /// The sum of the lines.
    package var total: Amount { lines.reduce(.zero) { $0 + $1.cost } }
}
