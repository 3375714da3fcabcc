import Common
import Foundation

/// Reads `plausibility-policy/1` files strictly: every problem located.
package enum PlausibilityPolicyLoader {
    /// The format line.
    package static let format = "plausibility-policy/1"

    /// Why a policy file cannot be used.
    package struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        package var problems: [Diagnostic]
        package var description: String { "plausibility policy is broken:\n" + problems.map { "  " + $0.rendered }.joined(separator: "\n") }
    }

    /// Loads the policy at `url`.
    package static func load(from url: URL) throws(Failure) -> PlausibilityPolicy {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw Failure(problems: [Diagnostic(.error, file: url.path, at: nil, item: nil, "cannot be read")])
        }
        return try parse(Array(data), path: url.path)
    }

    /// Parses policy bytes.
    package static func parse(_ bytes: [UInt8], path: String) throws(Failure) -> PlausibilityPolicy {
        var log = DiagnosticLog(file: path)
        guard let root = YAMLLoader.load(bytes, syntax: .forPath(path), limits: .template, what: "plausibility policy", log: &log),
            let top = log.mapping(root, item: nil)
        else { throw Failure(problems: log.sorted) }
        log.rejectUnknownKeys(top, allowed: ["format", "clock_skew_minutes", "odometer", "service_life"], item: nil)
        if let value = log.require("format", in: top, at: root.location, item: nil), let text = log.text(value, item: nil, field: "format"),
            text != format
        {
            log.error("format \"\(text)\" is not supported (expected \(format))", at: value.location)
        }
        let skew = number("clock_skew_minutes", in: top, at: root.location, item: nil, range: 0...1440, log: &log)
        var odometer: (months: Int, max: Int, rates: [String: PlausibilityPolicy.Rate]) = (0, 0, [:])
        if let value = log.require("odometer", in: top, at: root.location, item: nil), let pairs = log.mapping(value, item: "odometer") {
            log.rejectUnknownKeys(pairs, allowed: ["minimum_age_months", "km_per_year", "max_km"], item: "odometer")
            odometer.months = number("minimum_age_months", in: pairs, at: value.location, item: "odometer", range: 0...600, log: &log)
            odometer.max = number("max_km", in: pairs, at: value.location, item: "odometer", range: 1...10_000_000, log: &log)
            if let rates = log.require("km_per_year", in: pairs, at: value.location, item: "odometer") {
                odometer.rates = pairsOf(rates, item: "odometer.km_per_year", keys: ("min", "max"), log: &log).mapValues {
                    .init(min: $0.0, max: $0.1)
                }
                if odometer.rates["default"] == nil { log.error("km_per_year needs a default rate", at: rates.location, item: "odometer") }
            }
        }
        var limits: [String: PlausibilityPolicy.Limit] = [:]
        if let value = log.require("service_life", in: top, at: root.location, item: nil) {
            limits = pairsOf(value, item: "service_life", keys: ("years", "km"), log: &log).mapValues { .init(years: $0.0, km: $0.1) }
        }
        guard !log.hasErrors else { throw Failure(problems: log.sorted) }
        return PlausibilityPolicy(
            clockSkewSeconds: Int64(skew) * 60, minimumAgeMonths: odometer.months, kmPerYear: odometer.rates, maxKm: odometer.max,
            serviceLife: limits)
    }

    private static func number(
        _ key: String, in pairs: [(key: String, keyAt: SourceLocation, value: YAMLValue)], at location: SourceLocation, item: String?,
        range: ClosedRange<Int>, log: inout DiagnosticLog
    ) -> Int {
        guard let entry = log.require(key, in: pairs, at: location, item: item), let n = log.integer(entry, item: item, field: key) else { return 0 }
        if !range.contains(n) { log.error("\(key) \(n) is out of range (\(range.lowerBound)-\(range.upperBound))", at: entry.location, item: item) }
        return n
    }

    /// `{use: {a: N, b: N}, ...}` with the two keys required and a <= b when they are a range.
    private static func pairsOf(_ value: YAMLValue, item: String, keys: (String, String), log: inout DiagnosticLog) -> [String: (Int, Int)] {
        guard let entries = log.mapping(value, item: item) else { return [:] }
        var result: [String: (Int, Int)] = [:]
        for entry in entries {
            let entryItem = "\(item) \"\(entry.key)\""
            guard let pairs = log.mapping(entry.value, item: entryItem) else { continue }
            log.rejectUnknownKeys(pairs, allowed: [keys.0, keys.1], item: entryItem)
            let a = number(keys.0, in: pairs, at: entry.value.location, item: entryItem, range: 0...10_000_000, log: &log)
            let b = number(keys.1, in: pairs, at: entry.value.location, item: entryItem, range: 0...10_000_000, log: &log)
            if keys == ("min", "max"), a > b { log.error("min \(a) is above max \(b)", at: entry.value.location, item: entryItem) }
            result[entry.key] = (a, b)
        }
        return result
    }
}
