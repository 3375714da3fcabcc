import Common
import TestSupport
import Testing

@testable import Inspection

/// The reconditioning estimate: rule matching over the whole GB/T template, costs and totals, exclusions, and a
/// broken cost table refused with every problem located.
@Suite struct QuoteTests {
    let template: ChecklistTemplate
    let table: CostTable
    init() throws {
        template = try Fixtures.gbt()
        table = try Fixtures.costTable()
    }

    func submission(_ codes: [String], results: [String: CheckResult] = [:], site: String? = "TJ-Port") -> Submission {
        let checks = Fixtures.requiredSections.flatMap { section, count in
            (1...count).map { CheckEntry(id: "\(section).\($0)", result: results["\(section).\($0)"] ?? .ok) }
        }
        let defects = codes.compactMap { Defect.split(code: $0) }.map { Defect(part: $0.part, type: $0.type, degree: $0.degree) }
        return Submission(
            templateID: template.id, stage: .audit, vehicle: VehicleIdentity(vin: VIN(unchecked: "LSVAM4189C2184526")),
            inspector: Inspector(id: "AUD-1", name: nil), inspectedAt: Timestamp(epochSeconds: 0), site: site,
            odometer: OdometerReading(reading: 48210, unit: .km, photo: nil), transport: nil, defects: defects, checks: checks, photos: [],
            notes: nil)
    }

    func quote(_ codes: [String], results: [String: CheckResult] = [:], site: String? = "TJ-Port", siteClass: String? = nil) -> Quote {
        let s = submission(codes, results: results, site: site)
        return Quoter.quote(s, assessment: Grader.assess(s, template: template), template: template, table: table, siteClass: siteClass)
    }

    /// Every part group x part x defect x degree of the template resolves to exactly one operation, or to not priced.
    @Test func everyPossibleFindingResolvesToExactlyOneOutcome() {
        var count = 0
        for group in template.partGroups {
            let structural = group.raises != nil && group.raises == template.scoring?.accidentFlag
            for part in group.parts {
                for defect in group.defectTypes {
                    for degree in group.degrees.isEmpty ? [nil] : group.degrees.map(\.value) as [Int?] {
                        count += 1
                        let matches = table.rules.filter { $0.matches(group: group.id, part: part.code, defect: defect.code, degree: degree) }
                        if structural { continue }  // never priced, whatever the table says
                        let best = matches.map(\.specificity).max()
                        #expect(best != nil, "\(part.code)\(defect.code)\(degree ?? 0) has no rule")
                        #expect(matches.filter { $0.specificity == best }.count == 1, "\(part.code)\(defect.code)\(degree ?? 0) is ambiguous")
                    }
                }
            }
        }
        #expect(count > 400)
    }

    @Test(arguments: [
        ("14HH1", "polish"), ("14HH2", "touch_up"), ("14HH3", "paint_panel"), ("26AX1", "pdr"), ("17AX2", "repair_paint"), ("22XS3", "repair_paint"),
        ("19XS1", "rust_treatment"), ("27BX3", "repair_paint"), ("23LW1", "replace_panel"), ("28HH2", "wheel_refinish"), ("30BX1", "wheel_replace"),
        ("32HH1", "lamp_refinish"), ("33LW1", "lamp_replace"), ("34HH1", "glass_polish"), ("34LW2", "glass_replace"), ("37HH2", "touch_up"),
        ("38BX1", "mirror_replace"), ("24AX1", "interior_repair"), ("39HH4", "tyre_replace"), ("39LW1", "tyre_replace"),
    ])
    func findingsGetTheirOperation(code: String, operation: String) throws {
        let line = try #require(quote([code]).lines.first)
        #expect(line.operation.id == operation && line.finding == code && line.rule.hasPrefix("rules #"))
    }

    @Test(arguments: [("4SH", "quote.structural"), ("15XF2", "quote.earlier_repair"), ("39HH1", "quote.cosmetic")])
    func someFindingsAreNotPriced(code: String, reason: String) throws {
        let result = quote([code])
        #expect(result.lines.isEmpty)
        #expect(result.notQuoted.map(\.reason.code) == [reason] && result.notQuoted.first?.finding == code)
        #expect(result.notQuoted.first?.reason.message.zh.isEmpty == false)
    }

    @Test func costsAreLabourAtTheSiteRatePlusMaterialAndTotalsAddUp() throws {
        // TJ-Port is tier2: 140 an hour. polish 0.5 h + 30..80; paint_panel 3 h + 250..450; brakes 2 h + 300..800.
        let result = quote(["14HH1", "21HH3"], results: ["road.6": .major])
        #expect(result.siteClass == "tier2" && result.labourRate == 140)
        #expect(result.lines.map(\.cost) == [.init(min: 100, max: 150), .init(min: 670, max: 870), .init(min: 580, max: 1080)])
        #expect(result.lines.last?.finding == "road.6" && result.lines.last?.operation.id == "brake_service")
        #expect(result.total == .init(min: 1350, max: 2100))
        // BJ-Yizhuang is tier1 (180); --site overrides.
        #expect(quote(["14HH1"], site: "BJ-Yizhuang").lines.first?.cost == .init(min: 120, max: 170))
        #expect(quote(["14HH1"], site: "BJ-Yizhuang", siteClass: "tier3").lines.first?.cost == .init(min: 85, max: 135))
        #expect(quote(["14HH1"], site: "Nowhere").siteClass == "tier2")
        // A check the table does not price is listed, not quoted.
        #expect(quote([], results: ["start.8": .minor]).notQuoted.map(\.reason.code) == ["quote.check_not_priced"])
    }

    @Test(arguments: [("cabin.1", "flood"), ("tradeable.3", "not_tradeable")])
    func floodFireAndNotTradeableCarsAreExcluded(check: String, flag: String) throws {
        let result = quote(["14HH2"], results: [check: .major])
        let excluded = try #require(result.excluded)
        #expect(excluded.flag == flag && excluded.causes == [check] && excluded.reason.code == "quote.excluded")
        #expect(result.lines.isEmpty && result.total == .zero)
    }

    @Test func aBrokenTableIsRefusedWithEveryProblemLocated() throws {
        let broken = """
            format: repair-costs/1
            currency: yuan
            labour_rates: {tier1: 180}
            default_site_class: tier9
            sites: {X: tier7}
            operations:
              polish: {zh: 抛光, en: Polish, hours: 0.5, material: {min: 80, max: 30}}
            rules:
              - {group: body, defect: HH, operation: polish}
              - {group: body, defect: HH, degrees: [1], operation: wax}
              - {group: body, defect: HH, operation: polish}
              - {parts: ["28"], not_priced: too_expensive}
              - {defect: AX, operation: polish}
            checks:
              - {checks: [road.6], operation: polish}
              - {checks: [road.6], operation: polish}

            """
        #expect {
            try CostTableLoader.parse(Array(broken.utf8), path: "repair-costs.yaml")
        } throws: { error in
            let rendered = (error as? CostTableLoader.Failure)?.problems.map(\.rendered) ?? []
            return rendered == [
                "repair-costs.yaml:2:11: currency \"yuan\" must be an ISO 4217 code such as CNY",
                "repair-costs.yaml:4:21: default_site_class \"tier9\" has no labour rate (classes: tier1)",
                "repair-costs.yaml:5:12: site X: class \"tier7\" has no labour rate",
                "repair-costs.yaml:7:54: operation polish: material min 80 and max 30 must satisfy 0 <= min <= max <= 10000000",
                "repair-costs.yaml:10:56: rules #2: unknown operation \"wax\" (operations: polish)",
                "repair-costs.yaml:11:5: rules #3: rules #1 (line 9) and this rule are equally specific and both match some findings; make one more specific or remove one",
                "repair-costs.yaml:12:33: rules #4: not_priced \"too_expensive\" is not allowed (allowed: earlier_repair cosmetic assessment_needed)",
                "repair-costs.yaml:13:5: rules #5: give either group or parts",
                "repair-costs.yaml:16:5: checks #2: check road.6 is already priced by checks #1",
            ]
        }
    }
}
