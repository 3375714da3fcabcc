import Common
import Foundation
import TestSupport
import Testing

@testable import Inspection

/// The service visit's templates and submissions go through the same code: a template declares its result
/// vocabulary (so `minor` is an error in a health check and `advise` one in GB/T), measured values have units and
/// ranges, and the service stages carry a work order (and, at reception, the customer's acknowledgement).
@Suite struct ServiceTemplateTests {
    static func healthCheck(results: [String: String] = [:], values: [String: String] = [:], workOrder: String? = "WO-2026-1201-07") -> String {
        let template = try? Fixtures.catalog().template(id: "health-check")
        var lines = [
            "format: inspection/1", "template: health-check", "stage: health_check", "vehicle: { vin: LSVAM4189C2184526 }",
            "inspector: { id: TEC-0021, name: 刘洋 }", "inspected_at: 2026-12-01T10:30:00+08:00", "site: BJ-4S-Wangjing",
            "odometer: { reading: 52310, unit: km, photo: photos/dashboard_odometer.jpg }",
        ]
        if let workOrder { lines.append("work_order: \(workOrder)") }
        lines.append("checks:")
        for check in template?.checkSections.flatMap(\.checks) ?? [] {
            let result = results[check.id] ?? "ok"
            if let value = values[check.id] {
                lines.append("  \(check.id): { result: \(result), value: \(value) }")
            } else {
                lines.append("  \(check.id): \(result)")
            }
        }
        lines += ["photos:", "  dashboard_odometer: photos/dashboard_odometer.jpg", ""]
        return lines.joined(separator: "\n")
    }

    func rendered(_ text: String, name: String = "health_check.yaml") throws -> [String] {
        let folder = TemporaryFolder()
        try Fixtures.writePhotos(into: folder)
        return try Fixtures.validate(text, name: name, in: folder).diagnostics.map(\.rendered)
    }

    @Test func theTemplatesLoadWithTheirVocabulary() throws {
        let health = try Fixtures.catalog().template(id: "health-check")
        #expect(health.resultLevels.map(\.result) == [.ok, .advise, .urgent])
        #expect(health.label(for: .advise).zh == "建议" && health.label(for: .urgent).en == "Urgent")
        #expect(health.checkSections.map(\.id) == ["brakes", "tyres", "fluids", "battery", "lights", "wipers", "suspension", "belts"])
        #expect(health.check("brakes.1")?.check.measure == ChecklistTemplate.Measure(unit: "mm", min: 0, max: 15))
        #expect(health.scoring == nil)
        let reception = try Fixtures.catalog().template(id: "service-reception")
        #expect(reception.angles.filter(\.required).count == 5)
        #expect(try Fixtures.gbt().resultLevels.map(\.result) == CheckResult.standard)
    }

    @Test func aValidHealthCheck() throws {
        let text = Self.healthCheck(results: ["brakes.1": "urgent", "wipers.1": "advise"], values: ["brakes.1": "2.1", "tyres.1": "6.5"])
        #expect(try rendered(text) == [])
        let folder = TemporaryFolder()
        try Fixtures.writePhotos(into: folder)
        let submission = try #require(try Fixtures.validate(text, name: "health_check.yaml", in: folder).validated?.submission)
        #expect(submission.service?.workOrder == "WO-2026-1201-07")
        #expect(submission.checks.first { $0.id == "brakes.1" }?.value == 2.1 && submission.checks.first { $0.id == "brakes.1" }?.result == .urgent)
    }

    @Test func eachTemplateHasItsOwnVocabulary() throws {
        let minor = try rendered(Self.healthCheck(results: ["wipers.1": "minor"]))
        #expect(
            minor.contains { $0.contains("check \"wipers.1\": result \"minor\" is not allowed in section wipers (allowed: ok advise urgent)") },
            "\(minor)")
        let advise = try rendered(Fixtures.submissionYAML(results: ["engine.3": "advise"]), name: "appraisal.yaml")
        #expect(
            advise.contains { $0.contains("check \"engine.3\": result \"advise\" is not allowed in section engine (allowed: ok minor major na)") },
            "\(advise)")
    }

    @Test func measuredValuesHaveRanges() throws {
        let outside = try rendered(Self.healthCheck(values: ["tyres.1": "14"]))
        #expect(outside.contains { $0.contains("check \"tyres.1\": value 14.0 mm is outside 0.0-12.0 mm") }, "\(outside)")
        let unmeasured = try rendered(Self.healthCheck(values: ["wipers.1": "3"]))
        #expect(unmeasured.contains { $0.contains("check \"wipers.1\": wipers.1 measures no value") }, "\(unmeasured)")
    }

    @Test func theServiceStagesCarryAWorkOrder() throws {
        let missing = try rendered(Self.healthCheck(workOrder: nil))
        #expect(missing.contains { $0.contains("missing required key \"work_order\"") }, "\(missing)")
        let misplaced = try rendered(Fixtures.submissionYAML(extra: "work_order: WO-1"), name: "appraisal.yaml")
        #expect(misplaced.contains { $0.contains("work_order: recorded at reception and health_check only, not at appraisal") }, "\(misplaced)")
    }

    @Test func aReceptionNeedsTheCustomersAcknowledgement() throws {
        let base = """
            format: inspection/1
            template: service-reception
            stage: reception
            vehicle: { vin: LSVAM4189C2184526 }
            inspector: { id: SA-0003, name: 陈静 }
            inspected_at: 2026-12-01T09:05:00+08:00
            odometer: { reading: 52310, unit: km, photo: photos/dashboard_odometer.jpg }
            work_order: WO-2026-1201-07
            fuel_level: 40
            valuables: [行车记录仪]
            defects: [26HH1]
            checks: { reception.1: ok, reception.2: ok }
            photos:
              front_left_45: photos/front_left_45.jpg
              front_right_45: photos/front_right_45.jpg
              rear_right_45: photos/rear_right_45.jpg
              rear_left_45: photos/rear_left_45.jpg
              dashboard_odometer: photos/dashboard_odometer.jpg

            """
        let signed = base + "acknowledgement: { name: 张先生, at: 2026-12-01T09:12:00+08:00 }\n"
        #expect(try rendered(signed, name: "reception.yaml") == [])
        let unsigned = try rendered(base, name: "reception.yaml")
        #expect(unsigned.contains { $0.contains("missing required key \"acknowledgement\"") }, "\(unsigned)")
        let overfull = try rendered(signed.replacingOccurrences(of: "fuel_level: 40", with: "fuel_level: 140"), name: "reception.yaml")
        #expect(overfull.contains { $0.contains("fuel_level 140 must be 0-100 (percent)") }, "\(overfull)")
    }
}
