import Common
import Foundation
import TestSupport
import Testing

@testable import Inspection

/// The vehicle record's fields: every one validated with a located, actionable message; the record merged across
/// inspections with the latest value winning and the history kept.
@Suite struct VehicleFactsTests {
    /// A submission whose `vehicle:` carries `facts` (lines indented under `vehicle:`).
    func yaml(_ facts: String) -> String {
        Fixtures.submissionYAML().replacingOccurrences(of: "  plate: 京N8P2Q1\n", with: "  plate: 京N8P2Q1\n" + facts)
    }

    func messages(_ facts: String) throws -> [String] {
        try Fixtures.validate(yaml(facts)).diagnostics.map(\.rendered)
    }

    static let full = """
          first_registered: 2012-05-18
          manufactured: 2012-03
          use: private
          registration_count: 1
          estimated_km: 52000
          trim: 1.6L 自动 时尚版
          equipment: [sunroof, reversing_camera]
          documents:
            driving_licence: true
            registration_certificate: true
            compulsory_insurance: 2027-05-17
            annual_inspection: false
            purchase_invoice: false
            keys: 2

        """

    @Test func everyFieldIsReadWhenValid() throws {
        let report = try Fixtures.validate(yaml(Self.full))
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics.map(\.rendered))")
        let vehicle = try #require(report.validated?.submission.vehicle)
        #expect(vehicle.manufactured?.description == "2012-03" && vehicle.use == "private" && vehicle.registrationCount == 1)
        #expect(vehicle.estimatedKm == 52000 && vehicle.trim == "1.6L 自动 时尚版" && vehicle.equipment == ["sunroof", "reversing_camera"])
        let documents = try #require(vehicle.documents)
        #expect(documents.drivingLicence == true && documents.registrationCertificate == true && documents.purchaseInvoice == false)
        #expect(documents.compulsoryInsurance?.expires?.description == "2027-05-17" && documents.annualInspection == .missing && documents.keys == 2)
    }

    @Test(arguments: [
        ("  manufactured: 2012-3\n", "vehicle: manufactured \"2012-3\" must be a month written YYYY-MM (出厂日期)"),
        ("  manufactured: 2012-13\n", "vehicle: manufactured \"2012-13\" must be a month written YYYY-MM (出厂日期)"),
        (
            "  use: pirate\n",
            "vehicle: use \"pirate\" is not known (allowed: private business rental taxi ride_hailing former_business official driving_school)"
        ),
        ("  registration_count: -1\n", "vehicle: registration_count -1 is out of range (0-99)"),
        ("  registration_count: \"2\"\n", "vehicle: registration_count must be an integer, found the quoted text \"2\""),
        ("  estimated_km: 3000000\n", "vehicle: estimated_km 3000000 is out of range (0-2000000)"),
        ("  equipment: [sunroof, sunroof]\n", "vehicle equipment: \"sunroof\" is listed twice"),
        ("  equipment: sunroof\n", "vehicle: equipment must be a list, found the text \"sunroof\""),
        ("  documents: {keys: 12}\n", "vehicle documents: keys 12 is out of range (0-9)"),
        (
            "  documents: {driving_licence: yes}\n",
            "vehicle documents: driving_licence must be true (present) or false (missing), found the text \"yes\""
        ),
        (
            "  documents: {annual_inspection: 2027-02-30}\n",
            "vehicle documents: annual_inspection must be its expiry date written YYYY-MM-DD, or false when it is missing; found the text \"2027-02-30\""
        ),
        (
            "  documents: {title_deed: true}\n",
            "vehicle documents: unknown key \"title_deed\" (allowed: driving_licence registration_certificate compulsory_insurance annual_inspection purchase_invoice keys)"
        ),
    ])
    func badFieldsAreLocatedErrors(facts: String, message: String) throws {
        let found = try messages(facts)
        #expect(found.contains { $0.hasSuffix(message) }, "\(found)")
        #expect(found.allSatisfy { $0.hasPrefix("appraisal.yaml:7:") }, "\(found)")
    }

    @Test func unknownEquipmentNamesTheAllowedItems() throws {
        let found = try messages("  equipment: [sunroof, jetpack]\n")
        #expect(
            found == [
                "appraisal.yaml:7:24: vehicle: equipment \"jetpack\" is not known (allowed: \(try Fixtures.catalog().template(id: "gbt30323-2013").equipment.map(\.id).joined(separator: " ")))"
            ])
    }

    @Test func datesMustAgree() throws {
        // Built after it was registered.
        #expect(
            try messages("  first_registered: 2012-05-18\n  manufactured: 2012-06\n").contains(
                "appraisal.yaml:8:17: vehicle: manufactured 2012-06 is after the first registration (2012-05-18): a car is built before it is registered"
            ))
        // Built or registered after the inspection (2026-11-20).
        #expect(
            try messages("  manufactured: 2026-12\n").contains(
                "appraisal.yaml:7:17: vehicle: manufactured 2026-12 is after the inspection (2026-11-20)"))
        #expect(
            try messages("  first_registered: 2026-11-21\n").contains(
                "appraisal.yaml:7:21: vehicle: first_registered 2026-11-21 is after the inspection (2026-11-20)"))
        // A document cannot expire before the car was first registered.
        #expect(
            try messages("  first_registered: 2012-05-18\n  documents: {compulsory_insurance: 2012-05-01}\n").contains(
                "appraisal.yaml:8:37: vehicle documents: compulsory_insurance expires 2012-05-01, before the first registration (2012-05-18)"))
        // Expired before the inspection: a warning, the submission stays valid.
        let expired = try Fixtures.validate(yaml("  first_registered: 2012-05-18\n  documents: {annual_inspection: 2026-05-31}\n"))
        #expect(expired.isValid)
        #expect(
            expired.diagnostics.map(\.rendered) == [
                "appraisal.yaml:8:34: warning: vehicle documents: annual_inspection expired on 2026-05-31, before the inspection (2026-11-20)"
            ])
        // The VIN says 2012 (position 10 "C"); a 2016 build date is worth a second look.
        let far = try Fixtures.validate(yaml("  manufactured: 2016-01\n"))
        #expect(
            far.isValid && far.diagnostics.map(\.rendered).contains { $0.contains("model year 2012 is more than a year from the build date 2016-01") }
        )
    }

    @Test func aTemplateWithoutTheVocabularyRefusesEquipment() throws {
        let text = yaml("  equipment: [sunroof]\n").replacingOccurrences(of: "template: gbt30323-2013", with: "template: walkaround-basic")
        #expect(
            try Fixtures.validate(text).diagnostics.map(\.rendered).contains {
                $0.hasSuffix("vehicle: template \"walkaround-basic\" defines no vehicle_facts.equipment, so equipment cannot be recorded with it")
            })
    }

    @Test func theLatestValueWinsAndTheHistoryIsKept() throws {
        let first = try #require(try Fixtures.validate(yaml(Self.full)).validated?.submission)
        var second = first
        second.stage = .audit
        second.inspectedAt = try Timestamp.parse("2026-11-22T10:00:00+08:00").get()
        second.vehicle.registrationCount = 2  // corrected
        second.vehicle.trim = nil  // left out: kept, not erased
        second.vehicle.equipment = ["sunroof", "reversing_camera", "parking_sensors"]
        let assessment = Grader.assess(first, template: try Fixtures.catalog().template(id: "gbt30323-2013"))
        func stored(_ submission: Submission, id: Int64) -> StoredInspection {
            StoredInspection(
                id: id, stage: submission.stage, revision: 1, contentHash: "\(id)", submittedAt: "", sourcePath: "", submission: submission,
                assessment: assessment)
        }
        // Stored out of order: the inspection time decides, not the row order.
        let facts = VehicleFacts(inspections: [stored(second, id: 2), stored(first, id: 1)])
        #expect(facts.values[.registrationCount] == .number(2) && facts.text(.trim) == "1.6L 自动 时尚版")
        #expect(facts.terms(.equipment) == ["sunroof", "reversing_camera", "parking_sensors"])
        #expect(facts.sources[.registrationCount]?.stage == .audit && facts.sources[.trim]?.stage == .appraisal)
        #expect(facts.changes.map(\.field) == [.registrationCount, .equipment])
        #expect(facts.changes.first?.previous == .number(1) && facts.changes.first?.previousSource.stage == .appraisal)
    }
}
