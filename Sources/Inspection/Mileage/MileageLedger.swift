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
        package var rule: String
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
    /// reading (looked up in the store).
    package init(records unsorted: [OdometerRecord], policy: MileagePolicy, sameReadingElsewhere: [Int64: [String]] = [:]) {
        records = unsorted.sorted { ($0.at.epochSeconds, $0.id) < ($1.at.epochSeconds, $1.id) }
        var supersededBy: [Int64: Int64] = [:]
        for record in records { if let old = record.supersedes { supersededBy[old] = record.id } }
        superseded = supersededBy
        let effective = records.filter { supersededBy[$0.id] == nil }
        var legs: [Leg] = []
        var flags: [MileageFlag] = []
        var highest: OdometerRecord?
        for (index, record) in effective.enumerated() {
            if let others = sameReadingElsewhere[record.id], !others.isEmpty, record.kilometres > policy.repeatedReadingMinimumKm {
                flags.append(
                    MileageFlag(
                        kind: .repeatedAcrossCars, severity: .warning, recordID: record.id,
                        message:
                            "repeated across cars: \(record.display) at \(record.stage) was also recorded for \(others.sorted().joined(separator: ", ")) (rule: the same reading on different cars is rarely chance)"
                    ))
            }
            guard index > 0 else {
                highest = record
                continue
            }
            let previous = effective[index - 1]
            let delta = Int((record.exactKilometres - previous.exactKilometres).rounded())
            let elapsed = record.at.epochSeconds - previous.at.epochSeconds
            let (allowance, rule) = policy.allowance(for: Self.legKind(from: previous, to: record))
            legs.append(Leg(from: previous.id, to: record.id, deltaKm: delta, elapsedSeconds: elapsed, allowanceKm: allowance, rule: rule))
            let mismatch = Self.unitMismatch(previous, record, policy: policy)
            if let top = highest, record.exactKilometres + record.resolutionKilometres <= top.exactKilometres {
                // Surely below an earlier reading (display steps considered) is always a rollback, even when a unit
                // mix-up would explain it: that is a hint.
                let below = Int((top.exactKilometres - record.exactKilometres).rounded())
                let hint = mismatch.map { "; possibly recorded in the wrong unit: \($0)" } ?? ""
                flags.append(
                    MileageFlag(
                        kind: .rollback, severity: .critical, recordID: record.id,
                        message:
                            "rollback: \(record.display) at \(record.stage) (\(record.at)) is \(OdometerRecord.grouped(below)) km below \(top.display) at \(top.stage) (\(top.at)) (rule: an odometer never goes back; 调表 suspicion)\(hint)"
                    ))
            } else if let mismatch {
                flags.append(
                    MileageFlag(kind: .unitMismatch, severity: .warning, recordID: record.id, message: "unit mismatch suspicion: \(mismatch)"))
            } else if delta > allowance {
                flags.append(
                    MileageFlag(
                        kind: .unexplainedGrowth, severity: .warning, recordID: record.id,
                        message:
                            "unexplained growth: +\(OdometerRecord.grouped(delta)) km from \(previous.stage) to \(record.stage) exceeds the allowance of \(allowance) km (\(rule))"
                    ))
            }
            if delta > 0, let implausible = Self.implausibleRate(delta: delta, elapsed: elapsed, policy: policy) {
                flags.append(MileageFlag(kind: .implausibleRate, severity: .warning, recordID: record.id, message: implausible))
            }
            if let top = highest, record.kilometres > top.kilometres { highest = record } else if highest == nil { highest = record }
        }
        self.legs = legs
        self.flags = flags.enumerated().sorted { ($0.element.severity, $0.offset) < ($1.element.severity, $1.offset) }.map(\.element)
    }

    /// The records that are not superseded, oldest first.
    package var effective: [OdometerRecord] { records.filter { superseded[$0.id] == nil } }

    /// The leg kind between two readings: appraisal -> audit, or the later reading's transport mode.
    package static func legKind(from previous: OdometerRecord, to record: OdometerRecord) -> LegKind {
        if previous.stage == .appraisal && record.stage == .audit { return .appraisalToAudit }
        switch record.mode {
        case .flatbed?: return .flatbed
        case .driven?: return .driven(routeKm: record.routeKm)
        case nil: return record.stage == .audit ? .appraisalToAudit : .other
        }
    }

    /// An implausible leg: an average speed above the policy's, or more km per day than it allows (a leg shorter than
    /// a day counts as a whole day, so 150 km in 2 h is 75 km/h and 150 km/day: normal).
    static func implausibleRate(delta: Int, elapsed: Int64, policy: MileagePolicy) -> String? {
        let hours = Double(max(elapsed, 0)) / 3600
        if hours > 0, Double(delta) / hours > Double(policy.maxAverageKmh) {
            let speed = Int((Double(delta) / hours).rounded())
            return
                "implausible rate: +\(OdometerRecord.grouped(delta)) km in \(Self.duration(elapsed)) is an average of \(speed) km/h (rule: at most \(policy.maxAverageKmh) km/h)"
        }
        let days = max(Double(elapsed), 86_400) / 86_400
        let perDay = Double(delta) / days
        guard perDay > Double(policy.maxKmPerDay) else { return nil }
        return
            "implausible rate: +\(OdometerRecord.grouped(delta)) km in \(Self.duration(elapsed)) is \(Int(perDay.rounded())) km/day (rule: at most \(policy.maxKmPerDay) km/day)"
    }

    /// A km/mi mix-up: both readings above the policy's minimum and one within the tolerance of 1.609344 times the other.
    static func unitMismatch(_ a: OdometerRecord, _ b: OdometerRecord, policy: MileagePolicy) -> String? {
        let minimum = Double(policy.unitMismatchMinimumKm)
        guard a.exactKilometres > minimum, b.exactKilometres > minimum else { return nil }
        let ratio = b.exactKilometres / a.exactKilometres
        let tolerance = Double(policy.unitMismatchTolerancePercent) / 100
        for (target, direction) in [(DistanceUnit.kilometresPerMile, "x1.609"), (1 / DistanceUnit.kilometresPerMile, "/1.609")]
        where abs(ratio / target - 1) <= tolerance {
            return
                "\(b.display) at \(b.stage) is \(direction) of \(a.display) at \(a.stage) (ratio \(String(Int((ratio * 1000).rounded())).inserting(".")), rule: within \(policy.unitMismatchTolerancePercent)% of 1.609344; was km recorded as mi or the other way?)"
        }
        return nil
    }

    static func duration(_ seconds: Int64) -> String {
        if seconds < 3600 { return "\(max(seconds, 0) / 60) min" }
        if seconds < 86_400 * 2 { return "\(seconds / 3600) h" }
        return "\(seconds / 86_400) days"
    }
}

extension String {
    /// "1609" -> "1.609": a number in thousandths written with three decimals.
    fileprivate func inserting(_ point: Character) -> String {
        let padded = count < 4 ? String(repeating: "0", count: 4 - count) + self : self
        var copy = padded
        copy.insert(point, at: copy.index(copy.endIndex, offsetBy: -3))
        return copy
    }
}
