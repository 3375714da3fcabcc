import Common

/// What reconditioning costs: operations with labour hours and a material range, labour rates by site class, and
/// rules from findings to operations. Loaded from `config/repair-costs.yaml` (`repair-costs/1`) by
/// ``CostTableLoader``; the numbers are data, never code.
package struct CostTable: Sendable, Hashable {
    /// A reconditioning operation.
    package struct Operation: Sendable, Hashable {
        package var id: String
        package var label: LocalizedText
        /// Labour hours.
        package var hours: Double
        /// Parts and material, whole currency units.
        package var materialMin: Int
        /// See ``materialMin``.
        package var materialMax: Int
    }

    /// Why a finding is not priced (the table's `not_priced` values).
    package enum NotPriced: String, Sendable, Hashable, CaseIterable {
        /// A trace of an earlier repair: history, not damage to fix.
        case earlierRepair = "earlier_repair"
        /// Cosmetic, nothing a workshop does.
        case cosmetic
        /// Needs a workshop's assessment before it can be priced.
        case assessmentNeeded = "assessment_needed"
    }

    /// What a rule says: an operation, or not priced and why.
    package enum Outcome: Sendable, Hashable {
        case operation(String)
        case notPriced(NotPriced)
    }

    /// A rule from (part group or parts, defect letter, degrees) to an outcome.
    package struct Rule: Sendable, Hashable {
        /// Position in the table, from 1.
        package var number: Int
        /// Where it is written.
        package var line: Int
        package var group: String?
        package var parts: [String]?
        package var defect: String?
        package var degrees: [Int]?
        package var outcome: Outcome

        /// Parts over group, then a defect given, then degrees given.
        package var specificity: Int { (parts == nil ? 0 : 4) + (defect == nil ? 0 : 2) + (degrees == nil ? 0 : 1) }

        /// Whether the rule applies to a finding.
        package func matches(group findingGroup: String, part: String, defect findingDefect: String, degree: Int?) -> Bool {
            if let parts, !parts.contains(part) { return false }
            if parts == nil, group != findingGroup { return false }
            if let defect, defect != findingDefect { return false }
            if let degrees { return degrees.contains(degree ?? 0) }
            return true
        }

        /// `rules #3 (line 41)`: how quotes name the rule that priced a line.
        package var name: String { "rules #\(number) (line \(line))" }
    }

    /// A rule from check ids (answered minor or major) to an operation.
    package struct CheckRule: Sendable, Hashable {
        package var number: Int
        package var line: Int
        package var checks: [String]
        package var operation: String

        /// `checks #1 (line 90)`.
        package var name: String { "checks #\(number) (line \(line))" }
    }

    /// ISO 4217 code, e.g. `CNY`.
    package var currency: String
    /// Labour rate per hour by site class.
    package var labourRates: [String: Int]
    /// The class of a site the table does not list.
    package var defaultSiteClass: String
    /// Inspection sites and their class.
    package var sites: [String: String]
    /// Operations by id.
    package var operations: [String: Operation]
    /// Finding rules, in table order.
    package var rules: [Rule]
    /// Check rules, in table order.
    package var checkRules: [CheckRule]
    /// How one amount is chosen from a priced range where someone must sign: a deduction charged to a customer, a line
    /// a customer approves. Estimates stay ranges.
    package var agreedPrice: AgreedPrice = .upperBound

    /// How an estimate's range becomes the one amount a person signs.
    package enum AgreedPrice: String, Sendable, Hashable, CaseIterable {
        /// The range's lower bound.
        case lowerBound = "lower_bound"
        /// The range's upper bound (the estimate's worst case: what a customer is told at most).
        case upperBound = "upper_bound"
        /// Halfway, rounded up to a whole unit.
        case midpoint

        /// The one amount of `range`.
        package func amount(of range: Quote.Amount) -> Int {
            switch self {
            case .lowerBound: range.min
            case .upperBound: range.max
            case .midpoint: (range.min + range.max + 1) / 2
            }
        }
    }

    /// The most specific rule for a finding (the loader guarantees there is at most one).
    package func rule(group: String, part: String, defect: String, degree: Int?) -> Rule? {
        rules.filter { $0.matches(group: group, part: part, defect: defect, degree: degree) }.max { $0.specificity < $1.specificity }
    }

    /// The rule for a check, if any.
    package func checkRule(_ id: String) -> CheckRule? { checkRules.first { $0.checks.contains(id) } }

    /// The site class of `site` (`override` first, then the table's sites, then the default).
    package func siteClass(for site: String?, override: String? = nil) -> String {
        override ?? site.flatMap { sites[$0] } ?? defaultSiteClass
    }
}
