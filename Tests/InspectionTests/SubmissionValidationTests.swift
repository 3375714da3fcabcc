import Common
import Foundation
import TestSupport
import Testing

@testable import Inspection

/// Each validation rule has a failing case with its exact message and location.
@Suite struct SubmissionValidationTests {
    /// `line:column` of the `occurrence`-th line containing `needle`, column of the needle (Unicode scalars, from 1).
    func at(_ text: String, _ needle: String, occurrence: Int = 1) -> String {
        var seen = 0
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard let range = line.range(of: needle) else { continue }
            seen += 1
            if seen == occurrence {
                return "\(index + 1):\(line.unicodeScalars.distance(from: line.unicodeScalars.startIndex, to: range.lowerBound) + 1)"
            }
        }
        return "?"
    }

    func expectError(
        _ text: String, _ expected: String, name: String = "appraisal.yaml", sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws {
        let report = try Fixtures.validate(text, name: name)
        let rendered = report.diagnostics.map(\.rendered)
        #expect(!report.isValid, "expected the submission to be invalid", sourceLocation: sourceLocation)
        #expect(rendered.contains(expected), "missing:\n\(expected)\ngot:\n\(rendered.joined(separator: "\n"))", sourceLocation: sourceLocation)
    }

    @Test func theBaseSubmissionIsValid() throws {
        let report = try Fixtures.validate(Fixtures.submissionYAML())
        #expect(report.diagnostics.map(\.rendered) == [])
        let submission = try #require(report.validated?.submission)
        #expect(submission.defects.map(\.code) == ["14HH2", "21XS1"])
        #expect(submission.checks.count == 61)
        #expect(submission.photos.count == 18)
        #expect(report.validated?.photos.count == 19)  // the odometer photo is also the dashboard_odometer angle
    }

    // MARK: structure and types

    @Test func unknownKeysAreErrorsAtEveryLevel() throws {
        let top = Fixtures.submissionYAML(extra: "colour: silver")
        try expectError(
            top,
            "appraisal.yaml:\(at(top, "colour")): unknown key \"colour\" (allowed: format template stage vehicle inspector inspected_at site odometer transport defects checks photos notes disputes acknowledged work_order fuel_level valuables acknowledgement)"
        )
        let nested = Fixtures.submissionYAML().replacingOccurrences(of: "  plate: 京N8P2Q1", with: "  plate: 京N8P2Q1\n  colour: silver")
        try expectError(
            nested,
            "appraisal.yaml:\(at(nested, "colour")): vehicle: unknown key \"colour\" (allowed: vin plate make model color first_registered manufactured use registration_count estimated_km documents trim equipment)"
        )
    }

    @Test func duplicateKeysPointAtTheRepeat() throws {
        let text = Fixtures.submissionYAML().replacingOccurrences(of: "  plate: 京N8P2Q1", with: "  plate: 京N8P2Q1\n  plate: 京A00000")
        try expectError(
            text, "appraisal.yaml:\(text.line(of: "京A00000")):3: duplicate key \"plate\" (first at line 6); each key may appear once")
    }

    @Test func wrongTypesNameWhatWasFound() throws {
        let quoted = Fixtures.submissionYAML(reading: "\"48210\"")
        try expectError(quoted, "appraisal.yaml:\(at(quoted, "\"48210\"")): odometer: reading must be an integer, found the quoted text \"48210\"")
        let fraction = Fixtures.submissionYAML(reading: "48210.5")
        try expectError(fraction, "appraisal.yaml:\(at(fraction, "48210.5")): odometer: reading must be a whole number, found the number 48210.5")
        let inspector = Fixtures.submissionYAML().replacingOccurrences(of: "inspector: { id: APR-0117, name: 王磊 }", with: "inspector: APR-0117")
        try expectError(inspector, "appraisal.yaml:\(at(inspector, "APR-0117")): inspector: expected a mapping, found the text \"APR-0117\"")
        let root = "- a\n- b\n"
        try expectError(root, "appraisal.yaml:1:1: expected a mapping, found a list")
    }

    @Test func formatAndTemplateMustBeKnown() throws {
        let format = Fixtures.submissionYAML().replacingOccurrences(of: "format: inspection/1", with: "format: inspection/2")
        try expectError(format, "appraisal.yaml:1:9: format \"inspection/2\" is not supported (expected inspection/1)")
        let template = Fixtures.submissionYAML().replacingOccurrences(of: "template: gbt30323-2013", with: "template: gbt-1999")
        try expectError(
            template, "appraisal.yaml:2:11: unknown template \"gbt-1999\" (available: gbt30323-2013 health-check service-reception walkaround-basic)")
        let traversal = Fixtures.submissionYAML().replacingOccurrences(of: "template: gbt30323-2013", with: "template: ../samples/x")
        try expectError(
            traversal,
            "appraisal.yaml:2:11: unknown template \"../samples/x\" (available: gbt30323-2013 health-check service-reception walkaround-basic)")
        let stage = Fixtures.submissionYAML(stage: "transport")
        try expectError(
            stage, "appraisal.yaml:3:8: stage \"transport\" is not allowed (allowed: appraisal audit delivery return reception health_check)")
    }

    // MARK: defects

    @Test func defectsAreCheckedAgainstTheTemplate() throws {
        func defects(_ body: String) -> String { Fixtures.submissionYAML(defects: "defects:\n" + body) }
        let typeText = defects("  - code: 14HX2")
        try expectError(
            typeText,
            "appraisal.yaml:\(at(typeText, "14HX2")): defect \"14HX2\": unknown defect type \"HX\" for body part 14 (allowed: HH BX XS LW AX XF)")
        let part = defects("  - code: 99HH1")
        try expectError(part, "appraisal.yaml:\(at(part, "99HH1")): defect \"99HH1\": unknown part \"99\" (template gbt30323-2013 has parts 1-39)")
        let structuralType = defects("  - 2HH1")
        try expectError(
            structuralType,
            "appraisal.yaml:\(at(structuralType, "2HH1")): defect \"2HH1\": unknown defect type \"HH\" for structure part 2 (allowed: BX NQ GH SH ZZ)"
        )
        let missing = defects("  - { part: \"21\", defect: XS }")
        try expectError(missing, "appraisal.yaml:\(at(missing, "\"21\"")): defect \"21XS\": degree missing for body part 21 (allowed: 1-3)")
        let range = defects("  - code: 14HH5")
        try expectError(range, "appraisal.yaml:\(at(range, "14HH5")): defect \"14HH5\": degree 5 is out of range for body part 14 (allowed: 1-3)")
        let longRange = defects("  - { part: \"14\", defect: HH, degree: 0 }")
        try expectError(
            longRange, "appraisal.yaml:\(at(longRange, "0 }")): defect \"14HH0\": degree 0 is out of range for body part 14 (allowed: 1-3)")
        let structural = defects("  - code: 4SH2")
        try expectError(structural, "appraisal.yaml:\(at(structural, "4SH2")): defect \"4SH2\": structure part 4 takes no degree, found 2")
        let twice = defects("  - code: 21XS1\n  - 21XS2")
        try expectError(
            twice,
            "appraisal.yaml:\(at(twice, "21XS2")): defect \"21XS2\": part 21 already has defect XS (line \(twice.line(of: "21XS1"))); list each part and defect once"
        )
        let garbage = defects("  - code: hood-scratch")
        try expectError(
            garbage,
            "appraisal.yaml:\(at(garbage, "hood-scratch")): defect \"hood-scratch\": \"hood-scratch\" is not a defect code (part number, defect letters, degree; e.g. 14HH2 or 4SH)"
        )
        let both = defects("  - { code: 14HH1, part: \"14\" }")
        try expectError(both, "appraisal.yaml:\(at(both, "part:")): defect \"14HH1\": give either code or part/defect/degree, not both")
    }

    @Test func structuralDefectsNeedNoDegree() throws {
        let report = try Fixtures.validate(Fixtures.submissionYAML(defects: "defects:\n  - code: 4SH\n  - { part: \"2\", defect: BX }"))
        #expect(report.isValid)
        #expect(report.validated?.submission.defects.map(\.code) == ["4SH", "2BX"])
    }

    // MARK: checks

    @Test func checksAreCheckedAgainstTheTemplate() throws {
        let missing = Fixtures.submissionYAML().replacingOccurrences(of: "  engine.3: ok\n", with: "")
        try expectError(
            missing,
            "appraisal.yaml:\((missing.split(separator: "\n").firstIndex(of: "checks:") ?? -1) + 1):1: checks: missing required checks: engine.3 (every check of section engine must be answered at appraisal)"
        )
        let unknown = Fixtures.submissionYAML(results: ["engine.11": "ok"])
        try expectError(
            unknown, "appraisal.yaml:\(at(unknown, "engine.11")): check \"engine.11\": unknown check (section engine has engine.1-engine.10)")
        let section = Fixtures.submissionYAML(results: ["paint.1": "ok"])
        try expectError(
            section,
            "appraisal.yaml:\(at(section, "paint.1")): check \"paint.1\": unknown check section \"paint\" (template gbt30323-2013 has: tradeable engine cabin start road chassis function flood fire)"
        )
        let result = Fixtures.submissionYAML(results: ["engine.1": "broken"])
        try expectError(
            result, "appraisal.yaml:\(at(result, "broken")): check \"engine.1\": result \"broken\" is not allowed (allowed: ok minor major na)")
        let tradeable = Fixtures.submissionYAML(results: ["tradeable.1": "minor"])
        try expectError(
            tradeable,
            "appraisal.yaml:\(at(tradeable, "minor")): check \"tradeable.1\": result \"minor\" is not allowed in section tradeable (a yes/no check: ok or major)"
        )
    }

    @Test func deliveryNeedsNoChecksButWarnsWithoutTransport() throws {
        var text = Fixtures.submissionYAML(stage: "delivery")
        let start = text.range(of: "checks:\n")!.lowerBound
        let end = text.range(of: "photos:\n")!.lowerBound
        text.removeSubrange(start..<end)
        let report = try Fixtures.validate(text, name: "delivery.yaml")
        #expect(report.isValid)
        #expect(
            report.diagnostics.map(\.rendered) == [
                "delivery.yaml:1:1: warning: transport: delivery without transport: the mileage allowance for the leg cannot be checked"
            ])
        let withTransport = try Fixtures.validate(text + "transport: { mode: driven, route_km: 24 }\n", name: "delivery.yaml")
        #expect(withTransport.diagnostics.isEmpty)
        #expect(withTransport.validated?.submission.transport == Transport(mode: .driven, routeKm: 24))
    }
}
