import Common

/// The plausibility rules of one submission: its date against the clock, and its odometer against the car's age and
/// use and the use's service life.
package enum Plausibility {
    /// Why `inspectedAt` cannot be true at `now` (nil: it can): later than now plus the allowed clock skew.
    package static func futureDate(_ inspectedAt: Timestamp, now: Timestamp, policy: PlausibilityPolicy) -> String? {
        guard inspectedAt.epochSeconds > now.epochSeconds + policy.clockSkewSeconds else { return nil }
        return "inspected_at \(inspectedAt.text) is in the future (now \(now.utcText), allowed clock skew \(policy.clockSkewSeconds / 60) min)"
    }

    /// The odometer of `submission` against the car's age and use, and the use's service life, under `policy`, as
    /// coded notices (warnings: each asks a person to look).
    package static func notices(_ submission: Submission, template: ChecklistTemplate, policy: PlausibilityPolicy) -> [Notice] {
        let table = InspectionMessages.table
        let km = submission.odometer.kilometres
        var found: [Notice] = []
        if km > policy.maxKm { found.append(Notice("plausibility.over_max", ["km": .int(km), "max_km": .int(policy.maxKm)], table: table)) }
        guard let months = ageMonths(submission) else { return found }
        let use = submission.vehicle.use
        let useLabel = use.flatMap { template.vehicleUse($0)?.label } ?? LocalizedText(zh: "未记录", en: "not recorded")
        let years = Double(months) / 12
        if months >= policy.minimumAgeMonths, let rate = policy.rate(for: use) {
            let perYear = Int((Double(km) / years).rounded())
            if perYear < rate.min || perYear > rate.max {
                let params: [String: NoticeValue] = [
                    "km": .int(km), "age_months": .int(months), "per_year_km": .int(perYear), "min_km": .int(rate.min), "max_km": .int(rate.max),
                    "use": .text(use ?? "default"),
                ]
                let code = perYear < rate.min ? "plausibility.too_few_km" : "plausibility.too_many_km"
                found.append(Notice(code, params, labels: ["use_name": useLabel], table: table))
            }
        }
        if let use, let limit = policy.serviceLife[use], months >= limit.years * 12 || km >= limit.km {
            let params: [String: NoticeValue] = [
                "use": .text(use), "age_months": .int(months), "km": .int(km), "limit_years": .int(limit.years), "limit_km": .int(limit.km),
            ]
            found.append(Notice("plausibility.service_life", params, labels: ["use_name": useLabel], table: table))
        }
        return found
    }

    /// Whole months from first registration (else the build month) to the inspection; nil when neither is recorded.
    static func ageMonths(_ submission: Submission) -> Int? {
        let inspected = submission.inspectedAt.text
        guard let year = Int(inspected.prefix(4)), let month = Int(inspected.dropFirst(5).prefix(2)) else { return nil }
        let start: (year: Int, month: Int)?
        if let first = submission.vehicle.firstRegistered {
            start = (first.year, first.month)
        } else if let built = submission.vehicle.manufactured {
            start = (built.year, built.month)
        } else {
            start = nil
        }
        return start.map { max(0, (year - $0.year) * 12 + month - $0.month) }
    }

    /// The notices of a car's report basis with the vehicle record as the car's inspections merged it (the audit may
    /// not repeat the use or the registration date the appraisal recorded).
    package static func notices(_ record: CarRecord, basis: StoredInspection, template: ChecklistTemplate, policy: PlausibilityPolicy) -> [Notice] {
        let facts = VehicleFacts(inspections: record.vehicle.inspections.filter { $0.stage == .appraisal || $0.stage == .audit })
        var merged = basis.submission
        merged.vehicle.use = facts.terms(.use).first ?? merged.vehicle.use
        merged.vehicle.firstRegistered = facts.text(.firstRegistered).flatMap(CalendarDate.init(parsing:)) ?? merged.vehicle.firstRegistered
        merged.vehicle.manufactured = facts.text(.manufactured).flatMap(YearMonth.init(parsing:)) ?? merged.vehicle.manufactured
        return notices(merged, template: template, policy: policy)
    }
}
