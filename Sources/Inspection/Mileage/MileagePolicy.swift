import Common

/// Allowances and thresholds for the mileage ledger, the appraiser/auditor comparison and the delivery check.
/// Loaded from `config/mileage-policy.yaml` by ``MileagePolicyLoader``: business rules per route, not code.
package struct MileagePolicy: Sendable, Hashable {
    /// Km an appraisal -> audit leg may add (moves on site, the auditor's test drive).
    package var appraisalToAuditKm: Int
    /// Km a flatbed leg may add (loading and unloading).
    package var flatbedKm: Int
    /// A driven leg may add its route plus max(route x percent / 100, minimum) km.
    package var drivenSlackPercent: Int
    /// See ``drivenSlackPercent``.
    package var drivenSlackMinimumKm: Int
    /// Km any other leg may add (a transport record without mode or route).
    package var otherLegKm: Int
    /// Km the buyer may drive in the trial week, delivery -> return (the return check uses the same number).
    package var trialWeekKm: Int = 500
    /// Km per day above which a leg is implausible (a leg shorter than a day counts as a day).
    package var maxKmPerDay: Int
    /// Average speed over a leg (km/h) above which it is implausible.
    package var maxAverageKmh: Int
    /// How close (percent) a jump must be to x1.609 or /1.609 to suspect a km/mi mix-up.
    package var unitMismatchTolerancePercent: Int
    /// Readings at or below this are not compared across cars (new cars share small readings).
    package var repeatedReadingMinimumKm: Int
    /// A km/mi mix-up is only suspected when both readings are above this (a new car's 20 -> 32 km is driving).
    package var unitMismatchMinimumKm: Int
    /// A discrepancy is "possibly new since appraisal" when the car was driven more than this between inspections ...
    package var possiblyNewAfterKm: Int
    /// ... or when more than this many days passed.
    package var possiblyNewAfterDays: Int
    /// Same-angle photos of the two inspections further apart than this (pHash-256 bits) are worth a look.
    package var photoDistanceWorthALook: Int

    /// The allowance for a leg and the rule that gives it, e.g. (34, `allowance.driven`: route 24 km plus 10%, at least
    /// 10 km).
    package func allowance(for leg: LegKind) -> (km: Int, rule: Notice) {
        let table = InspectionMessages.table
        switch leg {
        case .appraisalToAudit:
            return (appraisalToAuditKm, Notice("allowance.appraisal_to_audit", ["allowance_km": .int(appraisalToAuditKm)], table: table))
        case .flatbed: return (flatbedKm, Notice("allowance.flatbed", ["allowance_km": .int(flatbedKm)], table: table))
        case let .driven(route?):
            let slack = max(route * drivenSlackPercent / 100, drivenSlackMinimumKm)
            let params: [String: NoticeValue] = [
                "allowance_km": .int(route + slack), "route_km": .int(route), "slack_percent": .int(drivenSlackPercent),
                "slack_minimum_km": .int(drivenSlackMinimumKm),
            ]
            return (route + slack, Notice("allowance.driven", params, table: table))
        case .driven(nil): return (otherLegKm, Notice("allowance.driven_no_route", ["allowance_km": .int(otherLegKm)], table: table))
        case .other: return (otherLegKm, Notice("allowance.other", ["allowance_km": .int(otherLegKm)], table: table))
        case .trialWeek: return (trialWeekKm, Notice("allowance.trial_week", ["allowance_km": .int(trialWeekKm)], table: table))
        case .withOwner: return (0, Notice("allowance.with_owner", table: table))
        }
    }
}

/// What kind of leg lies between two readings.
package enum LegKind: Sendable, Hashable {
    case appraisalToAudit
    case flatbed
    case driven(routeKm: Int?)
    case other
    /// Delivery -> return: the buyer's trial week.
    case trialWeek
    /// To a workshop visit after the sale: the owner's own driving, not judged against an allowance.
    case withOwner

    /// Whether a leg's growth is judged against its allowance.
    package var isJudged: Bool { self != .withOwner }
}
