import Common
import Foundation
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
        let driven = policy.allowance(for: .driven(routeKm: 24))
        #expect(driven.km == 34 && driven.rule.code == "allowance.driven")
        #expect(driven.rule.message.en == "driven: route 24 km plus 10% (at least 10 km)")
        #expect(driven.rule.message.zh == "自驾运输：路线 24 km 加 10%（至少 10 km）")
        #expect(policy.allowance(for: .driven(routeKm: 300)).km == 330)
        #expect(policy.allowance(for: .flatbed).km == 5)
    }

    @Test(arguments: [
        // (previous, next, expected flags)
        (48210, 48236, [MileageFlag.Kind]()),  // +26 on a driven 24 km route: within 34
        (48210, 48244, []),  // +34: exactly the allowance
        (48210, 48245, [.unexplainedGrowth]),  // +35: one over
        (48210, 48210, []),  // equal readings
        (48210, 48209, [.conflict]),  // back by 1 km
        (48210, 40000, [.conflict]),
        (48210, 30000, [.conflict]),  // 48,210 / 1.607: below is a conflict even when miles would explain it (a hint says so)
    ])
    func drivenLeg(previous: Int, next: Int, expected: [MileageFlag.Kind]) {
        #expect(kinds([record(1, .audit, previous, hours: 0), record(2, .delivery, next, hours: 30, mode: .driven, route: 24)]) == expected)
    }

    @Test func aReadingBelowAnEarlierOneIsAConflictNamingBoth() {
        let ledger = MileageLedger(
            records: [record(1, .appraisal, 48210, hours: 0), record(2, .transport, 48209, hours: 5, mode: .flatbed)], policy: policy)
        #expect(
            ledger.flags.first?.message
                == "readings disagree: #2 48,209 km at transport (2026-11-20T06:30:00Z) is 1 km below #1 48,210 km at appraisal (2026-11-20T01:30:00Z); a wrong entry or a rollback: resolve it (inspect mileage resolve)"
        )
        #expect(
            ledger.flags.first?.notice.message.zh
                == "读数矛盾：#2 运输（2026-11-20T06:30:00Z）读数 48,209 km，比 #1 评估（2026-11-20T01:30:00Z）的 48,210 km 少 1 km；录入错误或里程回退，需人工核实处理")
        #expect(ledger.flags.first?.earlierRecordID == 1 && ledger.flags.first?.kind == .conflict)
        #expect(ledger.flags.first?.notice.params["below_km"] == 1 && ledger.flags.first?.notice.params["stage"] == "transport")
        #expect(ledger.flags.first?.severity == .critical)
        #expect(ledger.legs.first?.deltaKm == -1)
    }

    @Test func aRollbackIsMeasuredAgainstTheHighestEarlierReading() {
        // 48,210 -> 48,300 -> 48,250: the last is above its neighbour's predecessor but below the highest reading.
        let flags = kinds([
            record(1, .appraisal, 48210, hours: 0), record(2, .transport, 48300, hours: 24, mode: .driven, route: 90),
            record(3, .transport, 48250, hours: 48, mode: .flatbed),
        ])
        #expect(flags == [.conflict])
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

    /// The car is often driven to the store between appraisal and audit: a transport record between them sets that
    /// leg's allowance; without one, the fixed on-site allowance applies.
    @Test func aTransportRecordBetweenAppraisalAndAuditSetsThatLegsAllowance() {
        let appraisal = record(1, .appraisal, 48210, hours: 0), audit = record(3, .audit, 48365, hours: 26)
        let driven = record(2, .transport, 48360, hours: 2, mode: .driven, route: 160)  // 150 km in 2 h on a 160 km route
        #expect(kinds([appraisal, driven, audit]) == [])
        let ledger = MileageLedger(records: [appraisal, driven, audit], policy: policy)
        #expect(ledger.legs.map(\.allowanceKm) == [176, 15])
        #expect(ledger.legs.map(\.rule.code) == ["allowance.driven", "allowance.appraisal_to_audit"])
        #expect(kinds([appraisal, audit]) == [.unexplainedGrowth])  // the same 155 km with nothing recorded
    }

    /// After the sale the car is the owner's: a workshop visit months later is not judged against an allowance, but a
    /// reading below the delivery is still a conflict to resolve.
    @Test func aServiceVisitAfterTheSaleIsNotJudgedForGrowth() {
        let delivered = record(1, .delivery, 48252, hours: 0)
        let ledger = MileageLedger(records: [delivered, record(2, .reception, 52310, hours: 24 * 120)], policy: policy)
        #expect(ledger.flags.isEmpty && ledger.legs.first?.judged == false && ledger.legs.first?.rule.code == "allowance.with_owner")
        #expect(kinds([delivered, record(2, .healthCheck, 48100, hours: 24 * 120)]) == [.conflict])
    }

    /// `possibly_new_after_km` below the on-site allowance would call a car that only moved on site driven: refused.
    @Test func thePossiblyNewThresholdMayNotContradictTheOnSiteAllowance() throws {
        let text = try String(contentsOf: Fixtures.mileagePolicyFile, encoding: .utf8)
        let broken = text.replacingOccurrences(of: "possibly_new_after_km: 50", with: "possibly_new_after_km: 10")
        #expect(broken != text)
        #expect {
            try MileagePolicyLoader.parse(Array(broken.utf8), path: "mileage-policy.yaml")
        } throws: { error in
            "\(error)".contains("possibly_new_after_km 10 is below legs.appraisal_to_audit_km 15")
        }
    }

    @Test(
        arguments: [
            (61870, DistanceUnit.mi, 99570, DistanceUnit.km, [MileageFlag.Kind]()),  // 61,870 mi = 99,570.1 km: the same odometer
            (61870, .mi, 61874, .km, [.conflict]),  // miles written down as km (/1.609): below is a rollback, with a unit hint
            (48210, .km, 48215, .mi, [.unitMismatch, .implausibleRate]),  // km written down as mi: x1.609 (and 29,000 km in 2 days)
            (48210, .km, 77580, .km, [.unitMismatch, .implausibleRate]),  // x1.609 within 3%
            (48210, .km, 70000, .km, [.unexplainedGrowth, .implausibleRate]),  // x1.45: just growth
            (20, .km, 32, .km, []),  // a new car's 20 -> 32 km is driving (within the 15 km allowance), not a x1.6 mix-up
            (700, .km, 1127, .km, [.unexplainedGrowth]),  // x1.61, but 700 km is under the minimum
        ] as [(Int, DistanceUnit, Int, DistanceUnit, [MileageFlag.Kind])])
    func unitMixUps(a: Int, unitA: DistanceUnit, b: Int, unitB: DistanceUnit, expected: [MileageFlag.Kind]) {
        #expect(kinds([record(1, .appraisal, a, unitA, hours: 0), record(2, .audit, b, unitB, hours: 48)]) == expected)
    }

    @Test func aDropThatMilesWouldExplainIsStillACriticalConflictWithAHint() {
        let ledger = MileageLedger(records: [record(1, .appraisal, 48210, hours: 0), record(2, .audit, 29970, hours: 48)], policy: policy)
        #expect(ledger.flags.map(\.kind) == [.conflict])
        #expect(ledger.flags.first?.severity == .critical)
        #expect(ledger.flags.first?.message.hasPrefix("readings disagree: #2 29,970 km at audit") == true)
        #expect(
            ledger.flags.first?.message.hasSuffix(
                "; possibly recorded in the wrong unit (ratio 0.622)"
            ) == true, "\(ledger.flags.first?.message ?? "")")
    }

    @Test func deltasComeFromUnroundedKilometres() {
        // 1 mi = 1.609 km: ten one-mile legs add up to 16 km, not 10 x 2 km; 311 mi -> 312 mi is +2 km (1.6), not +1.
        let ledger = MileageLedger(records: [record(1, .appraisal, 311, .mi, hours: 0), record(2, .audit, 312, .mi, hours: 48)], policy: policy)
        #expect(ledger.legs.first?.deltaKm == 2)
        #expect(DistanceUnit.mi.kilometres(312) - DistanceUnit.mi.kilometres(311) == 1)  // what rounding each first would give
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
        // 150 km in 2 h on a 160 km route: 75 km/h and, counted as a whole day, 150 km/day: normal (it was 1,800 km/day).
        #expect(kinds([record(1, .audit, 48210, hours: 0), record(2, .transport, 48360, hours: 2, mode: .driven, route: 160)]) == [])
        // 400 km in 2 h: 200 km/h.
        let fast = MileageLedger(
            records: [record(1, .audit, 48210, hours: 0), record(2, .transport, 48610, hours: 2, mode: .driven, route: 400)], policy: policy)
        #expect(fast.flags.map(\.message) == ["implausible rate: +400 km in 2 h is an average of 200 km/h (rule: at most 130 km/h)"])
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
        #expect(kinds(Array(records.prefix(2))) == [.conflict])
    }

    /// One reading too high (a transport reading dated before the appraisal) is one conflict, not a rollback on every
    /// later reading; a second, lower drop is another.
    @Test func oneOutlierIsOneConflict() {
        let records = [
            record(1, .transport, 48900, hours: 0, mode: .flatbed), record(2, .appraisal, 48210, hours: 2), record(3, .audit, 48222, hours: 48),
            record(4, .transport, 48225, hours: 60, mode: .flatbed), record(5, .delivery, 48252, hours: 80, mode: .driven, route: 24),
        ]
        let ledger = MileageLedger(records: records, policy: policy)
        #expect(ledger.flags.map(\.kind) == [.conflict])
        #expect(ledger.flags.first?.recordID == 2 && ledger.flags.first?.earlierRecordID == 1)
        // A later reading below the one the conflict agreed with is a new disagreement.
        let lower = records + [record(6, .transport, 48100, hours: 90, mode: .flatbed)]
        #expect(MileageLedger(records: lower, policy: policy).flags.filter { $0.kind == .conflict }.map(\.recordID) == [2, 6])
    }

    /// A person's word turns a conflict into a rollback; nothing else does.
    @Test func aConfirmedRollbackIsARollback() {
        let records = [record(1, .appraisal, 48210, hours: 0), record(2, .transport, 48160, hours: 5, mode: .flatbed)]
        let confirmed = MileageLedger(records: records, policy: policy, confirmedRollbacks: [2])
        #expect(confirmed.flags.map(\.kind) == [.rollback] && confirmed.flags.first?.severity == .critical)
        #expect(confirmed.flags.first?.message.hasPrefix("rollback confirmed: 48,160 km at transport") == true)
        #expect(MileageLedger(records: records, policy: policy, confirmedRollbacks: [1]).flags.map(\.kind) == [.conflict])
    }
}
