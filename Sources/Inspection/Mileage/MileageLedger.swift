import Common

/// A car's odometer history analysed: effective readings in time order, the delta of every leg against its
/// allowance, and flags. Superseded readings stay in the history but are not analysed.
package struct MileageLedger: Sendable, Hashable, Codable {
    /// One leg between two consecutive effective readings.
    package struct Leg: Sendable, Hashable, Codable {
        /// The earlier reading.
        package var from: Int64
        /// The later reading.
        package var to: Int64
        /// Km between them (negative for a rollback).
        package var deltaKm: Int
        /// Seconds between them.
        package var elapsedSeconds: Int64
        /// The allowance and its rule.
        package var allowanceKm: Int
        /// See ``allowanceKm``.
        package var rule: Notice
        /// False for a leg with the owner after the sale: its growth is not judged (no allowance shown).
        package var judged: Bool = true
    }

    /// Every record, oldest first (superseded ones included).
    package var records: [OdometerRecord]
    /// Ids of records corrected by a later one.
    package var superseded: [Int64: Int64]
    /// Legs between effective readings.
    package var legs: [Leg]
    /// Flags, most severe first, then in time order.
    package var flags: [MileageFlag]

    /// Analyses `records` (one car). `sameReadingElsewhere` gives, for a record id, other cars that recorded the same
    /// reading (looked up in the store). A reading below an earlier one is a conflict between the two, once per pair
    /// of disagreeing values (later readings that agree with the lower one are not flagged again); it is a rollback
    /// only when its id is in `confirmedRollbacks` (a person resolved it so).
    package init(
        records unsorted: [OdometerRecord], policy: MileagePolicy, sameReadingElsewhere: [Int64: [String]] = [:],
        confirmedRollbacks: Set<Int64> = []
    ) {
        records = unsorted.sorted { ($0.at.epochSeconds, $0.id) < ($1.at.epochSeconds, $1.id) }
        var supersededBy: [Int64: Int64] = [:]
        for record in records { if let old = record.supersedes { supersededBy[old] = record.id } }
        superseded = supersededBy
        let effective = records.filter { supersededBy[$0.id] == nil }
        var legs: [Leg] = []
        var flags: [MileageFlag] = []
        var highest: OdometerRecord?
        // The highest reading a conflict already set against, and the lower reading it disagreed with.
        var disputed: (high: Int64, lowKm: Double)?
        let table = InspectionMessages.table
        for (index, record) in effective.enumerated() {
            if let others = sameReadingElsewhere[record.id], !others.isEmpty, record.kilometres > policy.repeatedReadingMinimumKm {
                let notice = Notice(
                    "mileage.repeated_across_cars",
                    record.params("").merging(["other_vins": .text(others.sorted().joined(separator: ", "))]) { a, _ in a },
                    labels: record.labels(""), table: table)
                flags.append(MileageFlag(kind: .repeatedAcrossCars, severity: .warning, recordID: record.id, notice: notice))
            }
            guard index > 0 else {
                highest = record
                continue
            }
            let previous = effective[index - 1]
            let delta = DistanceUnit.kilometresBetween((previous.reading, previous.unit), (record.reading, record.unit))
            let elapsed = record.at.epochSeconds - previous.at.epochSeconds
            let kind = Self.legKind(from: previous, to: record)
            let (allowance, rule) = policy.allowance(for: kind)
            legs.append(
                Leg(
                    from: previous.id, to: record.id, deltaKm: delta, elapsedSeconds: elapsed, allowanceKm: allowance, rule: rule,
                    judged: kind.isJudged))
            let mismatch = UnitMismatch(previous, record, policy: policy)
            if let top = highest, record.exactKilometres + record.resolutionKilometres <= top.exactKilometres {
                // Surely below an earlier reading (display steps considered): the two disagree, even when a unit mix-up
                // would explain it (that is a hint). A rollback only once a person confirmed it.
                let confirmed = confirmedRollbacks.contains(record.id)
                if confirmed || disputed.map({ $0.high != top.id || record.exactKilometres < $0.lowKm }) ?? true {
                    flags.append(Self.below(record, top, mismatch: mismatch, confirmed: confirmed))
                    if !confirmed { disputed = (top.id, record.exactKilometres) }
                }
            } else if let mismatch {
                var params = record.params("").merging(previous.params("earlier_")) { a, _ in a }
                params["ratio"] = .text(mismatch.ratio)
                params["direction"] = .text(mismatch.direction)
                params["tolerance_percent"] = .int(policy.unitMismatchTolerancePercent)
                let notice = Notice(
                    "mileage.unit_mismatch", params, labels: record.labels("").merging(previous.labels("earlier_")) { a, _ in a }, table: table)
                flags.append(MileageFlag(kind: .unitMismatch, severity: .warning, recordID: record.id, notice: notice))
            } else if kind.isJudged, delta > allowance {
                let notice = Notice(
                    "mileage.unexplained_growth",
                    [
                        "delta_km": .int(delta), "from_stage": .text(previous.stage.rawValue), "to_stage": .text(record.stage.rawValue),
                        "allowance_km": .int(allowance), "rule": .text(rule.code),
                    ],
                    labels: ["from_stage": previous.stage.label, "to_stage": record.stage.label, "rule": rule.message], table: table)
                flags.append(MileageFlag(kind: .unexplainedGrowth, severity: .warning, recordID: record.id, notice: notice))
            }
            if delta > 0, let implausible = Self.implausibleRate(delta: delta, elapsed: elapsed, policy: policy) {
                flags.append(MileageFlag(kind: .implausibleRate, severity: .warning, recordID: record.id, notice: implausible))
            }
            if let top = highest, record.kilometres > top.kilometres { highest = record } else if highest == nil { highest = record }
        }
        self.legs = legs
        self.flags = flags.enumerated().sorted { ($0.element.severity, $0.offset) < ($1.element.severity, $1.offset) }.map(\.element)
    }

    /// The flag of a reading below an earlier, higher one: a conflict between the two, or a confirmed rollback.
    static func below(_ record: OdometerRecord, _ top: OdometerRecord, mismatch: UnitMismatch?, confirmed: Bool) -> MileageFlag {
        let below = Int((top.exactKilometres - record.exactKilometres).rounded())
        var params = record.params("").merging(top.params("earlier_")) { a, _ in a }
        params["below_km"] = .int(below)
        params["earlier_id"] = .int(Int(top.id))
        params["id"] = .int(Int(record.id))
        if let mismatch { params["ratio"] = .text(mismatch.ratio) }
        let code = confirmed ? "mileage.rollback" : "mileage.conflict"
        let notice = Notice(
            code, variant: mismatch == nil ? nil : code + "+unit_hint", params,
            labels: record.labels("").merging(top.labels("earlier_")) { a, _ in a }, table: InspectionMessages.table)
        return MileageFlag(kind: confirmed ? .rollback : .conflict, severity: .critical, recordID: record.id, notice: notice)
    }

    /// The records that are not superseded, oldest first.
    package var effective: [OdometerRecord] { records.filter { superseded[$0.id] == nil } }

    /// The leg kind between two readings: appraisal -> audit, or the later reading's transport mode.
    package static func legKind(from previous: OdometerRecord, to record: OdometerRecord) -> LegKind {
        if previous.stage == .appraisal && record.stage == .audit { return .appraisalToAudit }
        if record.stage == .return { return .trialWeek }
        if record.stage == .reception || record.stage == .healthCheck { return .withOwner }
        switch record.mode {
        case .flatbed?: return .flatbed
        case .driven?: return .driven(routeKm: record.routeKm)
        case nil: return record.stage == .audit ? .appraisalToAudit : .other
        }
    }

    /// An implausible leg: an average speed above the policy's, or more km per day than it allows (a leg shorter than
    /// a day counts as a whole day, so 150 km in 2 h is 75 km/h and 150 km/day: normal).
    static func implausibleRate(delta: Int, elapsed: Int64, policy: MileagePolicy) -> Notice? {
        let hours = Double(max(elapsed, 0)) / 3600
        let duration = InspectionMessages.duration(seconds: elapsed)
        var params: [String: NoticeValue] = ["delta_km": .int(delta), "elapsed_hours": .number((hours * 100).rounded() / 100)]
        if hours > 0, Double(delta) / hours > Double(policy.maxAverageKmh) {
            params["speed_kmh"] = .int(Int((Double(delta) / hours).rounded()))
            params["max_kmh"] = .int(policy.maxAverageKmh)
            return Notice("mileage.implausible_speed", params, labels: ["duration": duration], table: InspectionMessages.table)
        }
        let days = max(Double(elapsed), 86_400) / 86_400
        let perDay = Double(delta) / days
        guard perDay > Double(policy.maxKmPerDay) else { return nil }
        params["per_day_km"] = .int(Int(perDay.rounded()))
        params["max_per_day_km"] = .int(policy.maxKmPerDay)
        return Notice("mileage.implausible_per_day", params, labels: ["duration": duration], table: InspectionMessages.table)
    }
}

extension OdometerRecord {
    /// This reading as notice parameters, names prefixed (`earlier_reading`, ...).
    func params(_ prefix: String) -> [String: NoticeValue] {
        [
            prefix + "reading": .text(display), prefix + "reading_km": .int(kilometres), prefix + "stage": .text(stage.rawValue),
            prefix + "at": .text(at.text),
        ]
    }

    /// This reading's stage as a label for notices, prefixed like ``params(_:)``.
    func labels(_ prefix: String) -> [String: LocalizedText] { [prefix + "stage": stage.label] }
}
