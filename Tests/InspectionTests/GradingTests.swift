import Common
import TestSupport
import Testing

@testable import Inspection

/// Section scores, band edges, and the flags with their causes.
@Suite struct GradingTests {
    func submission(defects: [Defect] = [], results: [String: CheckResult] = [:]) -> Submission {
        var checks: [CheckEntry] = []
        for (section, count) in Fixtures.requiredSections {
            for n in 1...count { checks.append(CheckEntry(id: "\(section).\(n)", result: results["\(section).\(n)"] ?? .ok)) }
        }
        for (id, result) in results.sorted(by: { $0.key < $1.key }) where !checks.contains(where: { $0.id == id }) {
            checks.append(CheckEntry(id: id, result: result))
        }
        return Submission(
            templateID: "gbt30323-2013", stage: .appraisal, vehicle: VehicleIdentity(vin: VIN(unchecked: "LSVAM4189C2184526")),
            inspector: Inspector(id: "APR-1", name: nil), inspectedAt: Timestamp(epochSeconds: 0), site: nil,
            odometer: OdometerReading(reading: 1, unit: .km, photo: nil), transport: nil, defects: defects, checks: checks, photos: [],
            notes: nil)
    }

    @Test(arguments: [
        (9000, "1"), (8999, "2"), (6000, "2"), (5999, "3"), (2000, "3"), (1999, "4"), (0, "4"), (10000, "1"),
    ])
    func bandEdgesIncludeTheirMinimum(hundredths: Int, grade: String) throws {
        let scoring = try #require(try Fixtures.gbt().scoring)
        #expect(Grader.band(for: Points(hundredths: hundredths), in: scoring)?.id == grade)
    }

    @Test func aCleanCarScores100AndGradeOne() throws {
        let assessment = Grader.assess(submission(), template: try Fixtures.gbt())
        #expect(assessment.total == Points(100))
        #expect(assessment.grade?.label == LocalizedText(zh: "一级", en: "Grade 1"))
        #expect(assessment.flags.isEmpty)
        #expect(assessment.sections.map(\.id) == ["body", "engine", "cabin", "start", "road", "chassis"])
    }

    @Test func exactlyNinetyIsGradeOne() throws {
        // Body: 4 x degree 3 (1.5 each) + worn tyres, degree 4 (2) = 8; engine: 1 major (2) -> 100 - 10 = 90.
        let defects = ["14", "15", "16", "17"].map { Defect(part: $0, type: "HH", degree: 3) } + [Defect(part: "39", type: "HH", degree: 4)]
        let assessment = Grader.assess(submission(defects: defects, results: ["engine.1": .major]), template: try Fixtures.gbt())
        #expect(assessment.total == Points(90))
        #expect(assessment.grade?.id == "1")
        #expect(assessment.deductions.map(\.item) == ["14HH3", "15HH3", "16HH3", "17HH3", "39HH4", "engine.1"])
        #expect(assessment.deductions.first?.reason.zh == "发动机舱盖表面 划痕 程度3")
    }

    @Test func aSectionNeverGoesBelowZero() throws {
        let defects = (14...38).map { Defect(part: String($0), type: "HH", degree: 3) } + [Defect(part: "39", type: "HH", degree: 4)]
        let assessment = Grader.assess(submission(defects: defects), template: try Fixtures.gbt())  // 25 x 1.5 + 2 = 39.5 > 20
        let body = try #require(assessment.sections.first { $0.id == "body" })
        #expect(body.deducted == Points(hundredths: 3950))
        #expect(body.score == .zero)
        #expect(assessment.total == Points(80))
        #expect(assessment.grade?.id == "2")
    }

    @Test func anyStructuralDefectMakesGradeFiveWhateverTheScore() throws {
        let assessment = Grader.assess(submission(defects: [Defect(part: "4", type: "SH", degree: nil)]), template: try Fixtures.gbt())
        #expect(assessment.total == Points(100))
        #expect(assessment.grade?.id == "5")
        #expect(assessment.grade?.label.zh == "五级")
        #expect(assessment.flags.map(\.id) == ["accident"])
        #expect(assessment.flags.first?.causes == ["4SH"])
    }

    @Test func floodFireAndTradeableFlagsNameTheirCauses() throws {
        let results: [String: CheckResult] = ["tradeable.6": .major, "cabin.1": .major, "flood.3": .major, "flood.4": .minor, "fire.2": .major]
        let assessment = Grader.assess(submission(results: results), template: try Fixtures.gbt())
        #expect(assessment.flags.map(\.id) == ["not_tradeable", "flood", "fire"])
        #expect(assessment.flags.map(\.causes) == [["tradeable.6"], ["cabin.1", "flood.3"], ["fire.2"]])
        // Flood and fire panels are recorded, not scored: only cabin.1 costs points (1 in the cabin section).
        #expect(assessment.total == Points(99))
    }

    @Test func aTemplateWithoutScoringRecordsFlagsOnly() throws {
        let template = try Fixtures.catalog().template(id: "walkaround-basic")
        var delivery = submission(defects: [Defect(part: "14", type: "HH", degree: 1)])
        delivery.checks = [CheckEntry(id: "handover.4", result: .major)]
        let assessment = Grader.assess(delivery, template: template)
        #expect(assessment.total == nil)
        #expect(assessment.grade == nil)
        #expect(assessment.flags.map(\.id) == ["new_damage"])
    }

    /// Flood, fire and not-tradeable change the headline: no band, the exclusion first, the score for information;
    /// an accident car reads 五级（事故车）.
    @Test func theHeadlineIsTheBandOrWhyThereIsNone() throws {
        let template = try Fixtures.gbt()
        func headline(_ defects: [Defect] = [], _ results: [String: CheckResult] = [:]) -> Headline {
            Headline.of(Grader.assess(submission(defects: defects, results: results), template: template), template: template)
        }
        #expect(headline().label == LocalizedText(zh: "一级", en: "Grade 1"))
        #expect(!headline().scoreIsInformationOnly)
        let flood = headline([], ["cabin.1": .major])
        #expect(flood.kind == "not_graded")
        #expect(flood.label == LocalizedText(zh: "泡水车 · 不评级", en: "Flood-damaged · not graded"))
        #expect(flood.scoreIsInformationOnly)
        let fire = headline([], ["fire.1": .major])
        #expect(fire.label?.zh == "火烧车 · 不评级")
        let blocked = headline([], ["tradeable.3": .major, "cabin.1": .major])  // not tradeable outranks flood
        #expect(blocked.kind == "not_tradeable")
        #expect(blocked.label == LocalizedText(zh: "不可交易", en: "Not tradeable"))
        let accident = headline([Defect(part: "4", type: "SH", degree: nil)])
        #expect(accident.label == LocalizedText(zh: "五级（事故车）", en: "Grade 5 (accident car)"))
        #expect(accident.scoreIsInformationOnly)
        let floodedAccident = headline([Defect(part: "4", type: "SH", degree: nil)], ["cabin.1": .major])
        #expect(floodedAccident.kind == "not_graded")  // a flood car gets no band, not even 五级
    }
}
