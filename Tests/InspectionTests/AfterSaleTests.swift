import Common
import TestSupport
import Testing

@testable import Inspection

/// The 7-day return and warranty claims: every verdict branch, the window and km edges, pricing, attribution.
@Suite struct AfterSaleTests {
    let gbt: ChecklistTemplate
    let walkaround: ChecklistTemplate
    let policy: AfterSalePolicy
    let table: CostTable
    init() throws {
        gbt = try Fixtures.gbt()
        walkaround = try Fixtures.catalog().template(id: "walkaround-basic")
        policy = try Fixtures.afterSalePolicy()
        table = try Fixtures.costTable()
    }

    static let delivered = "2026-11-25T15:20:00+08:00"

    func submission(_ stage: Stage, _ codes: [String], reading: Int, at: String, template: ChecklistTemplate) throws -> Submission {
        let defects = codes.compactMap { Defect.split(code: $0) }.map { Defect(part: $0.part, type: $0.type, degree: $0.degree) }
        return Submission(
            templateID: template.id, stage: stage, vehicle: VehicleIdentity(vin: VIN(unchecked: "LSVAM4189C2184526")),
            inspector: Inspector(id: "X", name: nil), inspectedAt: try Timestamp.parse(at).get(), site: "BJ-Chaoyang-Handover",
            odometer: OdometerReading(reading: reading, unit: .km, photo: nil), transport: nil, defects: defects, checks: [], photos: [], notes: nil)
    }

    func check(
        _ codes: [String] = ["14HH2"], reading: Int = 48552, at: String = "2026-11-28T10:00:00+08:00", delivered: Bool = true,
        rolledBack: Bool = false,
        template: ChecklistTemplate? = nil, costs: Bool = true
    ) throws -> ReturnCheck {
        let basis = try submission(.audit, ["14HH2", "21XS1"], reading: 48222, at: "2026-11-22T14:10:00+08:00", template: gbt)
        let delivery = try submission(.delivery, ["14HH2"], reading: 48252, at: Self.delivered, template: walkaround)
        return ReturnCheck.evaluate(
            returned: try submission(.return, codes, reading: reading, at: at, template: template ?? walkaround), template: template ?? walkaround,
            delivery: delivered ? delivery : nil, basis: basis, reportTemplate: gbt, rolledBack: rolledBack, policy: policy, trialWeekKm: 500,
            costTable: costs ? table : nil)
    }

    @Test(arguments: [
        ("2026-12-02T15:20:00+08:00", ReturnCheck.Verdict.accept),  // exactly 7 days after the delivery
        ("2026-12-02T15:21:00+08:00", .refuse),  // 7 days and a minute
        ("2026-12-02T07:20:00Z", .accept),  // the same instant as 15:20 in Beijing, written in UTC
    ])
    func theWindowIsSevenDaysToTheMinute(at: String, verdict: ReturnCheck.Verdict) throws {
        let result = try check(at: at)
        #expect(result.verdict == verdict)
        #expect(result.deadline?.text == "2026-12-02T15:20:00+08:00")
        if verdict == .refuse { #expect(result.items.map(\.kind) == ["outside_window"]) }
    }

    @Test(arguments: [(48752, ReturnCheck.Verdict.accept), (48753, .deduct)])
    func theTrialWeekAllowsFiveHundredKm(reading: Int, verdict: ReturnCheck.Verdict) throws {
        let result = try check(reading: reading)
        #expect(result.verdict == verdict)
        if verdict == .deduct {
            let item = try #require(result.items.first)
            #expect(item.kind == "over_km" && item.amount == .init(min: 2, max: 2))  // 1 km over at 2 a km
            #expect(item.notice.message.en == "501 km driven in the trial week, 1 km over the allowance of 500 km")
        }
    }

    @Test func newOrWorseDamageIsDeductedAndPriced() throws {
        let result = try check(["14HH3", "27HH1", "21XS1"])  // the hood scratch worse, a new rear scratch, the known rust
        #expect(result.verdict == .deduct)
        #expect(result.items.map(\.kind) == ["worse_damage", "new_damage"])
        #expect(result.items.map(\.finding) == ["14HH3", "27HH1"])
        // BJ-Chaoyang-Handover is tier1 (180/h): paint a panel 3 h + 250..450; polish 0.5 h + 30..80.
        #expect(result.items.map(\.amount) == [.init(min: 790, max: 990), .init(min: 120, max: 170)])
        #expect(result.total == .init(min: 910, max: 1160) && result.currency == "CNY")
        // What the buyer is charged is one amount per item, by the table's agreed-price rule (upper bound).
        #expect(result.items.map(\.charged) == [990, 170] && result.chargedTotal == 1160)
        var lower = table
        lower.agreedPrice = .lowerBound
        let atLower = ReturnCheck.evaluate(
            returned: try submission(.return, ["14HH3", "27HH1"], reading: 48552, at: "2026-11-28T10:00:00+08:00", template: walkaround),
            template: walkaround, delivery: try submission(.delivery, ["14HH2"], reading: 48252, at: Self.delivered, template: walkaround),
            basis: try submission(.audit, ["14HH2", "21XS1"], reading: 48222, at: "2026-11-22T14:10:00+08:00", template: gbt), reportTemplate: gbt,
            rolledBack: false, policy: policy, trialWeekKm: 500, costTable: lower)
        #expect(atLower.chargedTotal == 910)
        #expect(CostTable.AgreedPrice.midpoint.amount(of: .init(min: 120, max: 171)) == 146)
        #expect(result.items[1].notice.message.zh == "27HH1 后保险杠：交付后新增损伤")
        // Without a cost table the items are listed without amounts.
        #expect(try check(["27HH1"], costs: false).items.map(\.amount) == [nil])
    }

    @Test func refusals() throws {
        #expect(try check(delivered: false).items.map(\.kind) == ["no_delivery"])
        #expect(try check(delivered: false).verdict == .refuse)
        #expect(try check(rolledBack: true).items.map(\.kind) == ["rollback"])
        // A full inspection at the return that finds structural damage refuses the return outright (and the new
        // damage is still named).
        let structural = try check(["14HH2", "4SH"], template: gbt)
        #expect(structural.verdict == .refuse)
        #expect(structural.items.map(\.kind) == ["refusing_finding", "new_damage"])
        #expect(structural.items.first?.notice.params["flag"] == "accident")
        #expect(try check().verdict == .accept && check().items.isEmpty)
    }

    @Test func warrantyClaimsAreRefusedOutsideTheWarranty() throws {
        let delivered = try Timestamp.parse(Self.delivered).get()
        func at(_ text: String) throws -> Timestamp { try Timestamp.parse(text).get() }
        #expect(WarrantyClaim.refusal(at: try at("2026-12-01T10:00:00+08:00"), delivered: nil, policy: policy)?.code == "warranty.no_delivery")
        #expect(
            WarrantyClaim.refusal(at: try at("2026-11-25T15:19:00+08:00"), delivered: delivered, policy: policy)?.code == "warranty.before_delivery")
        #expect(WarrantyClaim.refusal(at: try at("2026-12-25T15:20:00+08:00"), delivered: delivered, policy: policy) == nil)  // day 30
        #expect(WarrantyClaim.refusal(at: try at("2026-12-25T15:21:00+08:00"), delivered: delivered, policy: policy)?.code == "warranty.expired")
    }

    @Test func aClaimIsDisclosedOrMissed() throws {
        var appraisal = try submission(.appraisal, ["14HH2"], reading: 48210, at: "2026-11-20T09:30:00+08:00", template: gbt)
        appraisal.checks = [CheckEntry(id: "chassis.7", result: .ok), CheckEntry(id: "engine.7", result: .minor)]
        var audit = appraisal
        audit.stage = .audit
        func claim(_ item: WarrantyClaim.Item) throws -> WarrantyClaim {
            WarrantyClaim(
                vin: "LSVAM4189C2184526", item: item, symptom: "s", cost: 1, claimedAt: try Timestamp.parse("2026-12-01T10:00:00+08:00").get())
        }
        #expect(try claim(.check("chassis.7")).attribution(appraisal: appraisal, audit: audit) == .missed)
        #expect(try claim(.check("engine.7")).attribution(appraisal: appraisal, audit: audit) == .disclosed)
        #expect(try claim(.part("14")).attribution(appraisal: appraisal, audit: audit) == .disclosed)
        #expect(try claim(.part("28")).attribution(appraisal: appraisal, audit: audit) == .missed)
        // The auditor's finding is a disclosure even when the appraiser passed the item.
        audit.checks = [CheckEntry(id: "chassis.7", result: .major)]
        #expect(try claim(.check("chassis.7")).attribution(appraisal: appraisal, audit: audit) == .disclosed)
    }
}
