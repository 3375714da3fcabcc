import Common
import Foundation

/// The terms of the 7-day return and the warranty, loaded from `config/after-sale-policy.yaml`
/// (`after-sale-policy/1`) by ``load(from:)``: data, not code.
package struct AfterSalePolicy: Sendable, Hashable {
    /// Days after the delivery's time within which a return is accepted (inclusive: exactly 7 days is in).
    package var windowDays: Int
    /// Charge per km over the allowance, whole currency units.
    package var excessKmCharge: Int
    /// Flags that refuse a return outright.
    package var refuseFlags: [String]
    /// Days after the delivery within which a warranty claim is accepted.
    package var warrantyDays: Int

    /// The format line.
    package static let format = "after-sale-policy/1"

    /// Why a policy file cannot be used.
    package struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        package var problems: [Diagnostic]
        package var description: String { "after-sale policy is broken:\n" + problems.map { "  " + $0.rendered }.joined(separator: "\n") }
    }

    /// Loads the policy at `url`.
    package static func load(from url: URL) throws(Failure) -> AfterSalePolicy {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw Failure(problems: [Diagnostic(.error, file: url.path, at: nil, item: nil, "cannot be read")])
        }
        return try parse(Array(data), path: url.path)
    }

    /// Parses policy bytes strictly: every problem located.
    package static func parse(_ bytes: [UInt8], path: String) throws(Failure) -> AfterSalePolicy {
        var log = DiagnosticLog(file: path)
        guard let root = YAMLLoader.load(bytes, syntax: .forPath(path), limits: .template, what: "after-sale policy", log: &log),
            let top = log.mapping(root, item: nil)
        else { throw Failure(problems: log.sorted) }
        log.rejectUnknownKeys(top, allowed: ["format", "return", "warranty"], item: nil)
        if let value = log.require("format", in: top, at: root.location, item: nil), let text = log.text(value, item: nil, field: "format"),
            text != format
        {
            log.error("format \"\(text)\" is not supported (expected \(format))", at: value.location)
        }
        var numbers: [String: Int] = [:]
        var flags: [String] = []
        func integers(_ section: String, _ keys: [String], extra: [String] = []) -> [(key: String, keyAt: SourceLocation, value: YAMLValue)]? {
            guard let value = log.require(section, in: top, at: root.location, item: nil), let pairs = log.mapping(value, item: section) else {
                return nil
            }
            log.rejectUnknownKeys(pairs, allowed: keys + extra, item: section)
            for key in keys {
                guard let entry = log.require(key, in: pairs, at: value.location, item: section),
                    let n = log.integer(entry, item: section, field: key)
                else { continue }
                if n < 0 || n > 100_000 { log.error("\(key) \(n) is out of range (0-100000)", at: entry.location, item: section) }
                numbers[key] = n
            }
            return pairs
        }
        if let pairs = integers("return", ["window_days", "excess_km_charge"], extra: ["refuse_flags"]),
            let value = log.require("refuse_flags", in: pairs, at: root.location, item: "return"),
            let items = log.list(value, item: "return", field: "refuse_flags")
        {
            flags = items.compactMap { log.text($0, item: "return", field: "refuse flag") }
        }
        _ = integers("warranty", ["period_days"])
        guard !log.hasErrors else { throw Failure(problems: log.sorted) }
        return AfterSalePolicy(
            windowDays: numbers["window_days"] ?? 0, excessKmCharge: numbers["excess_km_charge"] ?? 0, refuseFlags: flags,
            warrantyDays: numbers["period_days"] ?? 0)
    }
}
