import Common
import TestSupport
import Testing

@testable import Inspection

/// Appraiser vs auditor, item by item: each classification, severities, score and grade effects, "possibly new".
@Suite struct ComparerTests {
    let template: ChecklistTemplate
    let policy: MileagePolicy
    init() throws {
        template = try Fixtures.gbt()
        policy = try Fixtures.mileagePolicy()
    }

    func submission(
        _ stage: Stage, _ codes: [String], results: [String: CheckResult] = [:], reading: Int = 48210, at: String = "2026-11-20T09:30:00+08:00"
    ) throws -> Submission {
        var checks: [CheckEntry] = []
        for (section, count) in Fixtures.requiredSections {
            for n in 1...count { checks.append(CheckEntry(id: "\(section).\(n)", result: results["\(section).\(n)"] ?? .ok)) }
        }
        for (id, result) in results.sorted(by: { $0.key < $1.key }) where !checks.contains(where: { $0.id == id }) {
            checks.append(CheckEntry(id: id, result: result))
        }
        let defects = codes.compactMap { Defect.split(code: $0) }.map { Defect(part: $0.part, type: $0.type, degree: $0.degree) }
        return Submission(
            templateID: template.id, stage: stage, vehicle: VehicleIdentity(vin: VIN(unchecked: "LSVAM4189C2184526")),
            inspector: Inspector(id: stage == .appraisal ? "APR-1" : "AUD-1", name: nil), inspectedAt: try Timestamp.parse(at).get(), site: nil,
            odometer: OdometerReading(reading: reading, unit: .km, photo: nil), transport: nil, defects: defects, checks: checks, photos: [],
            notes: nil)
    }

    func compare(
        _ a: [String], _ b: [String], resultsA: [String: CheckResult] = [:], resultsB: [String: CheckResult] = [:], readingB: Int = 48220,
        atB: String = "2026-11-21T09:30:00+08:00", transported: Bool = false
    ) throws -> InspectionComparison {
        let appraisal = try submission(.appraisal, a, results: resultsA)
        let audit = try submission(.audit, b, results: resultsB, reading: readingB, at: atB)
        return Comparer.compare(appraisal: appraisal, audit: audit, template: template, policy: policy, transported: transported)
    }

    @Test(arguments: [
        (["14HH2"], ["14HH2"], Discrepancy.Kind.confirmed, Discrepancy.Severity.none),
        (["14HH1"], ["14HH2"], .degreeChanged, .minor),
        (["14HH1"], ["14HH3"], .degreeChanged, .major),
        (["14HH3"], ["14HH1"], .degreeChanged, .major),
        ([], ["26AX1"], .missedByAppraiser, .minor),
        ([], ["26AX3"], .missedByAppraiser, .major),
        (["21XS1"], [], .notConfirmedByAuditor, .minor),
        (["14HH2"], ["14AX2"], .typeChanged, .major),
        ([], ["4SH"], .missedByAppraiser, .critical),
        (["4SH"], [], .notConfirmedByAuditor, .critical),
        (["4SH"], ["4GH"], .typeChanged, .critical),
    ])
    func defectClassification(a: [String], b: [String], kind: Discrepancy.Kind, severity: Discrepancy.Severity) throws {
        let result = try compare(a, b)
        #expect(result.items.count == 1)
        #expect(result.items.first?.kind == kind)
        #expect(result.items.first?.severity == severity)
        #expect(result.discrepancies.count == (kind == .confirmed ? 0 : 1))
    }

    @Test func aMissedStructuralDefectIsCriticalAndChangesTheGradeToFive() throws {
        let result = try compare(["19AX2"], ["19AX2", "4SH"])
        let missed = try #require(result.discrepancies.first)
        #expect(missed.kind == .missedByAppraiser)
        #expect(missed.severity == .critical)
        #expect(missed.flag == "accident")
        #expect(missed.gradeEffect?.label.zh == "五级")
        #expect(missed.summary.code == "compare.missed_by_appraiser")
        #expect(missed.summary.message.en == "4SH Left C-pillar welded: missed by the appraiser; changes the grade to Grade 5, accident car")
        #expect(missed.summary.message.zh == "4SH 左C柱烧焊：评估漏检；技术等级变为五级")
        #expect(result.appraisalGrade?.id == "1")
        #expect(result.auditGrade?.id == "5")
        #expect(result.flagsAdded == ["accident"])
        #expect(result.items.first?.kind == .missedByAppraiser)  // critical first, then the confirmed 19AX2
    }

    @Test func scoreEffectsComeFromTheDeductions() throws {
        let result = try compare(["14HH1"], ["14HH3", "26AX1"])
        let degree = result.items.first { $0.kind == .degreeChanged }
        #expect(degree?.degreeChange == 2)
        #expect(degree?.scoreEffect == Points(hundredths: -100))  // 0.5 -> 1.5
        #expect(result.items.first { $0.kind == .missedByAppraiser }?.scoreEffect == Points(hundredths: -50))
        #expect(result.appraisalTotal == Points(hundredths: 9950))
        #expect(result.auditTotal == Points(hundredths: 9800))
    }

    @Test func checksLikewise() throws {
        let result = try compare(
            [], [], resultsA: ["engine.3": .ok, "cabin.1": .ok], resultsB: ["engine.3": .minor, "cabin.1": .major, "flood.2": .major, "flood.3": .ok])
        let byID = Dictionary(uniqueKeysWithValues: result.discrepancies.map { ($0.item, $0) })
        #expect(byID["engine.3"]?.severity == .minor)
        #expect(
            byID["engine.3"]?.summary.message.en
                == "engine.3 Inner fender lips, radiator support and cross-member free of dents or repairs: missed by the appraiser (ok to minor)")
        #expect(byID["engine.3"]?.summary.message.zh.hasSuffix("评估漏检（正常 变为 轻微异常）") == true)
        #expect(byID["cabin.1"]?.severity == .critical)  // flood traces: raises flood
        #expect(byID["cabin.1"]?.flag == "flood")
        #expect(byID["flood.2"]?.appraisal == nil)
        #expect(byID["flood.2"]?.severity == .critical)
        #expect(byID["flood.3"] == nil)  // optional panel answered ok by one side only: no discrepancy
        #expect(result.flagsAdded == ["flood"])
    }

    /// Checks get the classes defects get: a finding only the auditor made was missed by the appraiser (an optional
    /// panel the appraiser left unanswered included), one only the appraiser made was not confirmed, minor <-> major
    /// is a changed result.
    @Test(
        arguments: [
            ("engine.3", CheckResult?.some(.ok), CheckResult?.some(.minor), Discrepancy.Kind.missedByAppraiser),
            ("engine.3", .ok, .major, .missedByAppraiser),
            ("engine.3", .minor, .ok, .notConfirmedByAuditor),
            ("engine.3", .major, .ok, .notConfirmedByAuditor),
            ("engine.3", .minor, .major, .checkChanged),
            ("engine.3", .major, .minor, .checkChanged),
            ("flood.2", nil, .major, .missedByAppraiser),  // an unanswered optional panel the auditor answered major
            ("flood.2", .major, nil, .notConfirmedByAuditor),
        ] as [(String, CheckResult?, CheckResult?, Discrepancy.Kind)])
    func checkClasses(check: String, appraisal: CheckResult?, audit: CheckResult?, kind: Discrepancy.Kind) throws {
        var resultsA: [String: CheckResult] = [:], resultsB: [String: CheckResult] = [:]
        if let appraisal { resultsA[check] = appraisal }
        if let audit { resultsB[check] = audit }
        let item = try compare([], [], resultsA: resultsA, resultsB: resultsB).discrepancies.first { $0.item == check }
        #expect(item?.kind == kind)
    }

    @Test func anItemThatMovesTheCarAcrossAGradeBandIsAtLeastMajor() throws {
        // A lone degree-1 dent is minor. Add body defects to both sides until that same missed dent takes the
        // appraisal across a grade band (一级 -> 二级): then it is major.
        let minor = try compare([], ["26AX1"]).discrepancies.first
        #expect(minor?.gradeEffect == nil && minor?.severity == .minor)
        let parts = (14...25).map { "\($0)" } + (27...38).map { "\($0)" }
        var crossing: Discrepancy?
        for count in 1...parts.count where crossing == nil {
            for degree in 1...3 where crossing == nil {
                let shared = parts.prefix(count).map { "\($0)HH\(degree)" }
                let item = try compare(shared, shared + ["26AX1"]).discrepancies.first { $0.item == "26" }
                if item?.gradeEffect != nil { crossing = item }
            }
        }
        let item = try #require(crossing, "some set of shared defects puts the appraisal just above a band edge")
        #expect(item.kind == .missedByAppraiser)
        #expect(item.severity == .major)
        #expect(item.summary.message.en.contains("changes the grade to"))
    }

    @Test func typeChangedPairingDoesNotDependOnTheSubmissionsOrder() throws {
        let one = try compare(["14HH2", "14XS1"], ["14AX1", "14BX2"]).items.filter { $0.item == "14" }.map(\.summary)
        let other = try compare(["14XS1", "14HH2"], ["14BX2", "14AX1"]).items.filter { $0.item == "14" }.map(\.summary)
        #expect(one == other)
        #expect(one.count == 2)
    }

    @Test(arguments: [
        (48220, "2026-11-21T09:30:00+08:00", false), (48300, "2026-11-21T09:30:00+08:00", true), (48220, "2026-11-25T09:30:00+08:00", true),
    ])
    func possiblyNewSinceAppraisal(reading: Int, at: String, possiblyNew: Bool) throws {
        let result = try compare([], ["26AX1"], readingB: reading, atB: at)
        #expect(result.discrepancies.first?.possiblyNew == possiblyNew)
        #expect(result.kmBetween == reading - 48210)
    }

    /// The ledger allows 15 km between appraisal and audit on site; a car that went further than the ledger allows
    /// may have picked up the damage since. With a transport record the car was on the road, and
    /// `possibly_new_after_km` (50) decides.
    @Test(arguments: [(48225, false, false), (48240, false, true), (48240, true, false), (48261, true, true)])
    func possiblyNewAgreesWithTheLedgersAllowance(reading: Int, transported: Bool, possiblyNew: Bool) throws {
        let result = try compare([], ["26AX1"], readingB: reading, transported: transported)
        #expect(result.discrepancies.first?.possiblyNew == possiblyNew)
        #expect(result.context.params["threshold_km"] == .int(transported ? 50 : 15))
    }

    @Test func notConfirmedIsNeverPossiblyNew() throws {
        #expect(try compare(["26AX1"], [], readingB: 49000).discrepancies.first?.possiblyNew == false)
    }

    /// A rollback between the appraisal and the audit is in the comparison, first, and critical.
    @Test func anOdometerRollbackIsADiscrepancy() throws {
        let result = try compare(["14HH1"], ["14HH1"], readingB: 48165)  // the appraisal read 48,210 km
        let first = try #require(result.discrepancies.first)
        #expect(first.kind == .odometerRollback && first.severity == .critical)
        #expect(
            first.summary.message.en
                == "odometer: the audit reads 45 km less than the appraisal (rule: an odometer never goes back; suspected tampering)")
        #expect(first.summary.message.zh == "表显里程：稽查读数比评估少 45 km（规则：里程表读数不会回退；调表嫌疑）")
        #expect(result.context.message.en.hasPrefix("the odometer went back 45 km and"))
        #expect(try compare([], [], readingB: 48210).discrepancies.isEmpty)  // the same reading is no rollback
    }
}
