import TestSupport
import Testing

@testable import Inspection

/// The ledger's legs and flags: rollbacks (by 1 km too), equal readings, unit mix-ups, allowances per leg, rates,
/// repeated readings across cars and superseded records.
@Suite struct MileageLedgerTests {
    let policy: MileagePolicy
    init() throws { policy = try Fixtures.mileagePolicy() }

    /// A record `hours` after 2026-11-20T09:30:00+08:00.
    func record(
        _ id: Int64, _ stage: OdometerStage, _ reading: Int, _ unit: DistanceUnit = .km, hours: Int, mode: Transport.Mode? = nil, route: Int? = nil,
        supersedes: Int64? = nil
    ) -> OdometerRecord {
        let base = (try? Timestamp.parse("2026-11-20T09:30:00+08:00").get())?.epochSeconds ?? 0
        let at = Timestamp(epochSeconds: base + Int64(hours) * 3600)
        return OdometerRecord(
            id: id, vin: "LSVAM4189C2184526", stage: stage, reading: reading, unit: unit, at: at, source: .manual, mode: mode, routeKm: route,
            supersedes: supersedes)
    }

    func kinds(_ records: [OdometerRecord], elsewhere: [Int64: [String]] = [:]) -> [MileageFlag.Kind] {
        MileageLedger(records: records, policy: policy, sameReadingElsewhere: elsewhere).flags.map(\.kind)
    }

    @Test func theShippedPolicyLoads() {
        #expect(policy.appraisalToAuditKm == 15)
        #expect(policy.allowance(for: .driven(routeKm: 24)) == (34, "driven: route 24 km + max(10%, 10 km)"))
        #expect(policy.allowance(for: .driven(routeKm: 300)).km == 330)
        #expect(policy.allowance(for: .flatbed).km == 5)
    }

    @Test(arguments: [
        // (previous, next, expected flags)
        (48210, 48236, [MileageFlag.Kind]()),  // +26 on a driven 24 km route: within 34
        (48210, 48244, []),  // +34: exactly the allowance
        (48210, 48245, [.unexplainedGrowth]),  // +35: one over
        (48210, 48210, []),  // equal readings
        (48210, 48209, [.rollback]),  // back by 1 km
        (48210, 40000, [.rollback]),
        (48210, 30000, [.unitMismatch]),  // 48,210 / 1.607: a km reading written down as miles, not a rollback
    ])
    func drivenLeg(previous: Int, next: Int, expected: [MileageFlag.Kind]) {
        #expect(kinds([record(1, .audit, previous, hours: 0), record(2, .delivery, next, hours: 30, mode: .driven, route: 24)]) == expected)
    }

    @Test func theRollbackMessageGivesTheRuleAndNumbers() {
        let ledger = MileageLedger(
            records: [record(1, .appraisal, 48210, hours: 0), record(2, .transport, 48209, hours: 5, mode: .flatbed)], policy: policy)
        #expect(
            ledger.flags.first?.message
                == "rollback: 48,209 km at transport (2026-11-20T06:30:00Z) is 1 km below 48,210 km at appraisal (2026-11-20T01:30:00Z) (rule: an odometer never goes back; 调表 suspicion)"
        )
        #expect(ledger.flags.first?.severity == .critical)
        #expect(ledger.legs.first?.deltaKm == -1)
    }

    @Test func aRollbackIsMeasuredAgainstTheHighestEarlierReading() {
        // 48,210 -> 48,300 -> 48,250: the last is above its neighbour's predecessor but below the highest reading.
        let flags = kinds([
            record(1, .appraisal, 48210, hours: 0), record(2, .transport, 48300, hours: 24, mode: .driven, route: 90),
            record(3, .transport, 48250, hours: 48, mode: .flatbed),
        ])
        #expect(flags == [.rollback])
    }

    @Test func legsGetTheirOwnAllowances() {
        #expect(kinds([record(1, .appraisal, 48210, hours: 0), record(2, .audit, 48225, hours: 50)]) == [])
        #expect(kinds([record(1, .appraisal, 48210, hours: 0), record(2, .audit, 48226, hours: 50)]) == [.unexplainedGrowth])
        #expect(kinds([record(1, .audit, 48210, hours: 0), record(2, .transport, 48215, hours: 5, mode: .flatbed)]) == [])
        #expect(kinds([record(1, .audit, 48210, hours: 0), record(2, .transport, 48216, hours: 5, mode: .flatbed)]) == [.unexplainedGrowth])
        let message = MileageLedger(
            records: [record(1, .audit, 48210, hours: 0), record(2, .transport, 48216, hours: 5, mode: .flatbed)], policy: policy
        ).flags[0].message
        #expect(message == "unexplained growth: +6 km from audit to transport exceeds the allowance of 5 km (flatbed: loading and unloading 5 km)")
    }

    @Test(arguments: [
        (61870, DistanceUnit.mi, 99570, DistanceUnit.km, true),  // same odometer, recorded once in mi and once in km: fine
        (61870, .mi, 61874, .km, true),  // miles written down as km: /1.609
        (48210, .km, 48215, .mi, true),  // km written down as mi: x1.609
        (48210, .km, 77580, .km, true),  // x1.609 within 3%
        (48210, .km, 70000, .km, false),  // x1.45: just growth
    ])
    func unitMixUps(a: Int, unitA: DistanceUnit, b: Int, unitB: DistanceUnit, mismatch: Bool) {
        let flags = kinds([record(1, .appraisal, a, unitA, hours: 0), record(2, .audit, b, unitB, hours: 48)])
        if a == 61870 && b == 99570 {
            #expect(flags == [])  // 61,870 mi = 99,570 km exactly: no jump at all
        } else {
            #expect(flags.contains(.unitMismatch) == mismatch, "\(flags)")
            if mismatch { #expect(!flags.contains(.rollback)) }
        }
    }

    @Test func mileConversionRoundsDeterministically() {
        #expect(DistanceUnit.mi.kilometres(0) == 0)
        #expect(DistanceUnit.mi.kilometres(1) == 2)  // 1.609344
        #expect(DistanceUnit.mi.kilometres(3) == 5)  // 4.828
        #expect(DistanceUnit.mi.kilometres(5) == 8)  // 8.04672
        #expect(DistanceUnit.mi.kilometres(1_242_742) == 1_999_999)  // 1,999,999.35 km
        #expect(DistanceUnit.mi.kilometres(311) == 501)  // 500.506 rounds up
        #expect(DistanceUnit.mi.kilometres(310) == 499)  // 498.897
    }

    @Test func implausibleRate() {
        #expect(
            kinds([record(1, .audit, 48210, hours: 0), record(2, .transport, 50210, hours: 24, mode: .driven, route: 1900)]) == [.implausibleRate])
        #expect(kinds([record(1, .audit, 48210, hours: 0), record(2, .transport, 49110, hours: 24, mode: .driven, route: 850)]) == [])
    }

    @Test func repeatedReadingsAcrossCars() {
        let records = [record(1, .appraisal, 48210, hours: 0), record(2, .audit, 48220, hours: 48)]
        #expect(kinds(records, elsewhere: [1: ["LFV2A21K2D4052187"]]) == [.repeatedAcrossCars])
        let small = [record(1, .appraisal, 12, hours: 0)]
        #expect(kinds(small, elsewhere: [1: ["LFV2A21K2D4052187"]]) == [])
    }

    @Test func aCorrectionSupersedesAWrongReadingAndHistoryKeepsBoth() {
        // 48,120 was a typo for 48,210; the correction references it.
        let records = [
            record(1, .appraisal, 48210, hours: 0), record(2, .transport, 48120, hours: 24, mode: .flatbed),
            record(3, .transport, 48212, hours: 24, mode: .flatbed, supersedes: 2),
        ]
        let ledger = MileageLedger(records: records, policy: policy)
        #expect(ledger.flags.isEmpty)
        #expect(ledger.records.map(\.id) == [1, 2, 3])
        #expect(ledger.effective.map(\.id) == [1, 3])
        #expect(ledger.superseded == [2: 3])
        #expect(kinds(Array(records.prefix(2))) == [.rollback])
    }
}
