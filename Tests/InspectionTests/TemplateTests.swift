import Common
import Foundation
import TestSupport
import Testing

@testable import Inspection

/// The shipped templates load; a broken template is a clear error listing every problem, never a crash.
@Suite struct TemplateTests {
    let gbtText: String = (try? String(contentsOf: Fixtures.checklists.appending(path: "gbt30323-2013.yaml"), encoding: .utf8)) ?? ""

    func problems(_ text: String, expectedID: String? = "gbt30323-2013") -> [String] {
        do {
            _ = try TemplateLoader.parse(Array(text.utf8), path: "t.yaml", expectedID: expectedID)
            return []
        } catch {
            guard case let .invalid(_, problems) = error else { return ["\(error)"] }
            return problems.map(\.rendered)
        }
    }

    func line(_ text: String, _ needle: String) -> Int { text.line(of: needle) }

    @Test func yesNoChecksTakeYesNoAnswers() throws {
        let template = try Fixtures.gbt()
        let cabin = try #require(template.checkSections.first { $0.id == "cabin" })
        #expect(cabin.results(for: cabin.checks[0]) == [.ok, .major])  // cabin.1 flood traces: yes/no
        #expect(cabin.results(for: cabin.checks[9]) == CheckResult.standard)
        for id in ["flood", "fire", "tradeable"] {
            #expect(template.checkSections.first { $0.id == id }?.results == [.ok, .major], "\(id)")
        }
        let minor = try Fixtures.validate(Fixtures.submissionYAML(results: ["cabin.1": "minor"]))
        #expect(
            minor.errors.map(\.message) == [
                "missing required checks: cabin.1 (every check of section cabin must be answered at appraisal)",
                "result \"minor\" is not allowed for cabin.1 No flood traces inside (a yes/no check: ok or major)",
            ])
        let flood = try Fixtures.validate(Fixtures.submissionYAML(results: ["flood.2": "minor", "fire.1": "na"]))
        #expect(
            flood.errors.map(\.message) == [
                "result \"na\" is not allowed in section fire (a yes/no check: ok or major)",
                "result \"minor\" is not allowed in section flood (a yes/no check: ok or major)",
            ])
        #expect(try Fixtures.validate(Fixtures.submissionYAML(results: ["cabin.1": "major", "flood.2": "major"])).isValid)
    }

    @Test func degreeFourIsForTyresOnly() throws {
        let body = try Fixtures.validate(Fixtures.submissionYAML(defects: "defects:\n  - code: 14HH4"))
        #expect(body.errors.map(\.message) == ["degree 4 is out of range for body part 14 (allowed: 1-3)"])
        #expect(try Fixtures.validate(Fixtures.submissionYAML(defects: "defects:\n  - {code: 39HH4, position: left_rear, value: 1.2}")).isValid)
    }

    /// Tread depth is a measurement of a named wheel: a tyre finding says which wheel, degree 4 its tread depth in mm,
    /// under the legal 1.6 mm; neither is given where it means nothing.
    @Test func aTyreFindingNamesItsWheelAndDegreeFourItsTreadDepth() throws {
        func errors(_ defects: String) throws -> [String] {
            try Fixtures.validate(Fixtures.submissionYAML(defects: "defects:\n" + defects)).errors.map(\.message)
        }
        #expect(
            try errors("  - 39HH4") == [
                "Tyres 39HH4 must say which wheel and the tread depth in mm: give it as a mapping, e.g. {code: 39HH4, position: left_front, value: 0.8}"
            ])
        #expect(try errors("  - 39LW1") == ["Tyres 39LW1 must say which wheel: give it as a mapping, e.g. {code: 39LW1, position: left_front}"])
        #expect(
            try errors("  - {code: 39HH4, position: left_rear, value: 2.1}") == [
                "tread depth 2.1 mm does not fit degree 4, tyre tread depth under 1.6 mm (at least 0 and under 1.6 mm)"
            ])
        #expect(try errors("  - {code: 39HH4, position: left_rear, value: 1.6}").count == 1)
        #expect(
            try errors("  - {code: 39HH4, position: left_rear}") == [
                "39HH4 is a measurement: value missing (tread depth in mm), e.g. {code: 39HH4, position: left_front, value: 0.8}"
            ])
        #expect(
            try errors("  - {code: 39HH4, position: back, value: 1.2}") == [
                "unknown position \"back\" (allowed: left_front right_front left_rear right_rear spare)"
            ])
        #expect(
            try errors("  - {code: 14HH2, position: left_rear, value: 3}") == [
                "body part 14 takes no position", "14HH2 measures no value (only a degree that is a measurement does)",
            ])
        #expect(try errors("  - {code: 39LW1, position: spare}").isEmpty)
    }

    @Test func theGBTTemplateHasTheStandardsShape() throws {
        let template = try Fixtures.gbt()
        #expect(template.partGroups.map(\.id) == ["structure", "body", "tyres"])
        #expect(template.partGroups[0].parts.map(\.code) == (1...13).map(String.init))
        #expect(template.partGroups[1].parts.map(\.code) == (14...38).map(String.init))
        #expect(template.partGroups[2].parts.map(\.code) == ["39"])
        #expect(template.partGroups[0].defectTypes.map(\.code) == ["BX", "NQ", "GH", "SH", "ZZ"])
        #expect(template.partGroups[1].defectTypes.map(\.code) == ["HH", "BX", "XS", "LW", "AX", "XF"])
        // Degree 4 (tread below 1.6 mm) belongs to tyres only: body panels have degrees 1-3.
        #expect(template.partGroups[1].degrees.map(\.value) == [1, 2, 3])
        #expect(template.partGroups[2].degrees.map(\.value) == [1, 2, 3, 4])
        #expect(template.part("2")?.part.label == LocalizedText(zh: "左A柱", en: "Left A-pillar"))
        #expect(template.part("39")?.part.label.zh == "轮胎")
        let required = template.checkSections.filter { $0.requiredStages.contains(.appraisal) }
        #expect(required.map(\.id) == ["tradeable", "engine", "cabin", "start", "road", "chassis"])
        #expect(required.reduce(0) { $0 + $1.checks.count } == 61)
        #expect(template.scoring?.sections.map(\.points) == [20, 20, 10, 20, 15, 15].map { Points($0) })
        #expect(template.scoring?.total == Points(100))
        #expect(template.angles.filter(\.required).map(\.id) == Fixtures.requiredAngles)
        #expect(template.angles.filter { !$0.required }.map(\.id) == ["roof", "undercarriage"])
        #expect(template.angles.first { $0.id == "dashboard_odometer" }?.label.zh == "仪表盘里程（点火，故障灯可见）")
        #expect(template.sha256.count == 64)
    }

    @Test func aSecondTemplateWorksThroughTheSameCode() throws {
        let template = try Fixtures.catalog().template(id: "walkaround-basic")
        #expect(template.scoring == nil)
        // All four corners, so transport damage on any side is recorded; wheels, lamps, glass and mirrors are parts.
        #expect(
            template.angles.filter(\.required).map(\.id) == [
                "front_left_45", "front_right_45", "rear_right_45", "rear_left_45", "dashboard_odometer",
            ])
        let parts = Set(template.partGroups.flatMap(\.parts).map(\.code))
        #expect(Set(["24"] + (28...39).map(String.init)).isSubset(of: parts))
        let folder = TemporaryFolder()
        try Fixtures.writePhotos(into: folder)
        let text = """
            format: inspection/1
            template: walkaround-basic
            stage: delivery
            vehicle: { vin: LSVAM4189C2184526 }
            inspector: { id: DLV-0009 }
            inspected_at: 2026-11-25T18:40:00+08:00
            odometer: { reading: 48262, unit: km }
            transport: { mode: driven, route_km: 24 }
            defects: [26HH1]
            checks: { handover.1: ok, handover.2: ok, handover.3: ok, handover.4: ok }
            photos:
              front_left_45: photos/front_left_45.jpg
              front_right_45: photos/front_right_45.jpg
              rear_right_45: photos/rear_right_45.jpg
              rear_left_45: photos/rear_left_45.jpg
              dashboard_odometer: photos/dashboard_odometer.jpg

            """
        let report = try Fixtures.validate(text, name: "delivery.yaml", in: folder)
        #expect(report.diagnostics.map(\.rendered) == [])
        let missing = try Fixtures.validate(text.replacingOccurrences(of: " handover.4: ok ", with: " "), name: "delivery.yaml", in: folder)
        #expect(
            missing.diagnostics.map(\.rendered) == [
                "delivery.yaml:10:1: checks: missing required checks: handover.4 (every check of section handover must be answered at delivery)"
            ])
        let structural = try Fixtures.validate(text.replacingOccurrences(of: "[26HH1]", with: "[4SH]"), name: "delivery.yaml", in: folder)
        #expect(
            structural.diagnostics.map(\.rendered) == [
                "delivery.yaml:9:11: defect \"4SH\": unknown part \"4\" (template walkaround-basic has parts 14-39)"
            ])
    }

    @Test func allowancesMustAddUpToTheTotal() {
        let text = gbtText.replacingOccurrences(of: "body: {zh: 车身, en: Body, points: 20}", with: "body: {zh: 车身, en: Body, points: 25}")
        #expect(problems(text) == ["t.yaml:\(line(text, "points: 25")):5: scoring: section allowances add up to 105, not the total 100"])
    }

    @Test func partCodesAreUniqueAcrossGroups() {
        let text = gbtText.replacingOccurrences(of: "\"14\": {zh: 发动机舱盖表面", with: "\"13\": {zh: 发动机舱盖表面")
        #expect(problems(text) == ["t.yaml:9:1: part \"13\": part code used twice (in \"structure\" and \"body\")"])
    }

    @Test func flagsAndSectionsMustBeDeclared() {
        let text = gbtText.replacingOccurrences(of: "raises: flood\n    checks:", with: "raises: flooded\n    checks:")
            .replacingOccurrences(of: "section: chassis", with: "section: underbody")
        #expect(
            problems(text) == [
                "t.yaml:9:1: check section \"chassis\": scored in unknown section \"underbody\" (scoring sections: body engine cabin start road chassis)",
                "t.yaml:9:1: scoring section \"chassis\": no part group or check section is scored here",
                "t.yaml:\(line(text, "raises: flooded")):13: check section \"flood\": raises unknown flag \"flooded\" (declared flags: accident not_tradeable flood fire)",
            ])
    }

    @Test func theIDMustMatchTheFileName() {
        #expect(
            problems(gbtText, expectedID: "gbt30323-2014") == [
                "t.yaml:\(line(gbtText, "id: gbt30323-2013")):5: id \"gbt30323-2013\" does not match the file name \"gbt30323-2014\""
            ])
    }

    @Test func gradeBandsFallAndEndAtZero() {
        let text = gbtText.replacingOccurrences(of: "en: Grade 2, min: 60}", with: "en: Grade 2, min: 95}")
            .replacingOccurrences(of: "en: Grade 4, min: 0}", with: "en: Grade 4, min: 10}")
        #expect(
            problems(text) == [
                "t.yaml:\(line(text, "min: 90")):5: scoring: the lowest grade band must start at 0 so every score has a grade",
                "t.yaml:\(line(text, "min: 95")):7: grade \"2\": grade bands must be listed best first with falling minimums",
            ])
    }

    @Test func labelsNeedBothLanguagesAndChecksAreNumberedInOrder() {
        let text = gbtText.replacingOccurrences(of: "2: {zh: 缸盖外无机油渗漏, en: No oil seepage at the cylinder head}", with: "2: {zh: 缸盖外无机油渗漏}")
            .replacingOccurrences(of: "      1: {zh: 机油无冷却液混入", with: "      0: {zh: 机油无冷却液混入")
        #expect(
            problems(text) == [
                "t.yaml:\(line(text, "0: {zh: 机油无冷却液混入")):7: check \"engine.0\": checks must be numbered 1, 2, 3 ... in order",
                "t.yaml:\(line(text, "2: {zh: 缸盖外无机油渗漏}")):10: check \"engine.2\": missing required key \"en\"",
            ])
    }

    @Test func aTemplateThatIsNotATemplate() {
        #expect(problems("just text") == ["t.yaml:1:1: expected a mapping, found the text \"just text\""])
        #expect(problems("") == ["t.yaml: file is empty; expected a template"])
        let catalog = Fixtures.catalog()
        #expect(throws: TemplateError.notFound(id: "nope", searched: [Fixtures.checklists.path])) { try catalog.template(id: "nope") }
    }
}
