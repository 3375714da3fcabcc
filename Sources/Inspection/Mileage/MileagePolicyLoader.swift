import Common
import Foundation

/// Reads `mileage-policy/1` files strictly.
package enum MileagePolicyLoader {
    /// The format line.
    package static let format = "mileage-policy/1"

    /// Why a policy file cannot be used: every problem with its place.
    package struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        /// The problems.
        package var problems: [Diagnostic]
        package var description: String { "mileage policy is broken:\n" + problems.map { "  " + $0.rendered }.joined(separator: "\n") }
    }

    /// Loads the policy at `url`.
    package static func load(from url: URL) throws(Failure) -> MileagePolicy {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw Failure(problems: [Diagnostic(.error, file: url.path, at: nil, item: nil, "cannot be read")])
        }
        return try parse(Array(data), path: url.path)
    }

    /// Parses policy bytes.
    package static func parse(_ bytes: [UInt8], path: String) throws(Failure) -> MileagePolicy {
        var log = DiagnosticLog(file: path)
        guard let root = YAMLLoader.load(bytes, syntax: .forPath(path), limits: .template, what: "mileage policy", log: &log),
            let top = log.mapping(root, item: nil)
        else { throw Failure(problems: log.sorted) }
        log.rejectUnknownKeys(top, allowed: ["format", "legs", "checks", "compare"], item: nil)
        if let value = log.require("format", in: top, at: root.location, item: nil), let text = log.text(value, item: nil, field: "format"),
            text != format
        {
            log.error("format \"\(text)\" is not supported (expected \(format))", at: value.location)
        }
        let sections: [String: [String]] = [
            "legs": ["appraisal_to_audit_km", "flatbed_km", "driven_slack_percent", "driven_slack_minimum_km", "other_km", "trial_week_km"],
            "checks": [
                "max_km_per_day", "max_average_kmh", "unit_mismatch_tolerance_percent", "unit_mismatch_minimum_km", "repeated_reading_minimum_km",
            ],
            "compare": ["possibly_new_after_km", "possibly_new_after_days", "photo_distance_worth_a_look"],
        ]
        var values: [String: Int] = [:]
        for (section, keys) in sections.sorted(by: { $0.key < $1.key }) {
            guard let value = log.require(section, in: top, at: root.location, item: nil), let pairs = log.mapping(value, item: section) else {
                continue
            }
            log.rejectUnknownKeys(pairs, allowed: keys, item: section)
            for key in keys {
                guard let entry = log.require(key, in: pairs, at: value.location, item: section),
                    let number = log.integer(entry, item: section, field: key)
                else { continue }
                if number < 0 || number > 1_000_000 {
                    log.error("\(key) \(number) is out of range (0-1000000)", at: entry.location, item: section)
                }
                values[key] = number
            }
        }
        if let onSite = values["appraisal_to_audit_km"], let possiblyNew = values["possibly_new_after_km"], possiblyNew < onSite {
            // The two numbers must tell one story: a car within the on-site allowance did not go on the road.
            log.error(
                "possibly_new_after_km \(possiblyNew) is below legs.appraisal_to_audit_km \(onSite): a car that only moved on site would be called driven; raise it to at least \(onSite)",
                at: root.location, item: "compare")
        }
        guard !log.hasErrors else { throw Failure(problems: log.sorted) }
        func v(_ key: String) -> Int { values[key] ?? 0 }
        return MileagePolicy(
            appraisalToAuditKm: v("appraisal_to_audit_km"), flatbedKm: v("flatbed_km"), drivenSlackPercent: v("driven_slack_percent"),
            drivenSlackMinimumKm: v("driven_slack_minimum_km"), otherLegKm: v("other_km"), trialWeekKm: v("trial_week_km"),
            maxKmPerDay: v("max_km_per_day"),
            maxAverageKmh: v("max_average_kmh"), unitMismatchTolerancePercent: v("unit_mismatch_tolerance_percent"),
            repeatedReadingMinimumKm: v("repeated_reading_minimum_km"), unitMismatchMinimumKm: v("unit_mismatch_minimum_km"),
            possiblyNewAfterKm: v("possibly_new_after_km"), possiblyNewAfterDays: v("possibly_new_after_days"),
            photoDistanceWorthALook: v("photo_distance_worth_a_look"))
    }
}
