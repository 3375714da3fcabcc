import Common
import Foundation
import ImageOps
import Inspection
import ReportGen
import Store
import TestSupport
import Testing
import Workflows

/// The sample service day stored once (three visits; the Lavida's brake pads approved and wipers declined), and its
/// pages and summary against `golden/service/`: the visit page in zh and en, for the customer and the staff.
@Suite struct ServiceVisitGoldenTests {
    static let folder = TemporaryFolder()
    static let store: Result<InspectionStore, any Error> = Result {
        let store = try InspectionStore(path: folder.url.appending(path: "db/inspect.db").path)
        let intake = SubmissionIntake(store: store, policy: try PhotoPolicyLoader.load(from: Fixtures.photoPolicyFile), concurrency: 2)
        let validator = SubmissionValidator(catalog: Fixtures.catalog())
        for car in ["LSVAM4189C2184526", "LGXCE6CB2H0123456", "LHGCR2654E8012345"] {
            for stage in ["reception", "health_check"] {
                let path = "samples/service-2026-12-01/\(car)/\(stage).yaml"
                guard let validated = validator.validate(fileAt: Fixtures.repoRoot.appending(path: path), displayPath: path).validated else {
                    throw CocoaError(.fileReadCorruptFile)
                }
                _ = try intake.take(validated, submittedAt: "2026-12-01T10:40:00Z")
            }
        }
        let workflow = ServiceWorkflow(store: store, catalog: Fixtures.catalog(), costTable: try Fixtures.costTable())
        let at = try Timestamp.parse("2026-12-01T11:00:00+08:00").get()
        for (line, decision) in [(1, QuoteDecision.Decision.approved), (2, .declined)] {
            try workflow.confirm(
                QuoteDecision(vin: "LSVAM4189C2184526", workOrder: "WO-2026-1201-07", line: line, decision: decision, by: .customer, at: at),
                recordedAt: "2026-12-01T03:00:00Z")
        }
        return store
    }

    func workflow() throws -> ServiceWorkflow {
        ServiceWorkflow(store: try Self.store.get(), catalog: Fixtures.catalog(), costTable: try Fixtures.costTable())
    }

    @Test func theVisitPageInBothLanguagesForBothAudiences() throws {
        let customer = try workflow().page(vin: "LSVAM4189C2184526", workOrder: "WO-2026-1201-07", customer: true)
        let staff = try workflow().page(vin: "LSVAM4189C2184526", workOrder: "WO-2026-1201-07", customer: false)
        assertGolden(PhotoPathScrubber.scrub(try JSONOutput.encode(staff)), "service/LSVAM4189C2184526-WO-2026-1201-07.json")
        assertGolden(
            PhotoPathScrubber.scrub(ServiceVisitRenderer.markdown(customer, language: .zh)), "service/LSVAM4189C2184526-WO-2026-1201-07.zh.md")
        assertGolden(PhotoPathScrubber.scrub(ServiceVisitRenderer.markdown(staff, language: .en)), "service/LSVAM4189C2184526-WO-2026-1201-07.en.md")
        assertGolden(
            PhotoPathScrubber.scrub(ServiceVisitRenderer.html(customer, language: .zh) { "../db/" + $0 }),
            "service/LSVAM4189C2184526-WO-2026-1201-07.zh.html")
        // The customer's copy names no staff.
        let customerText = try JSONOutput.encode(customer) + ServiceVisitRenderer.markdown(customer, language: .zh)
        #expect(!customerText.contains("TEC-0021") && !customerText.contains("SA-0003") && !customerText.contains("刘洋"))
        #expect(try JSONOutput.encode(staff).contains("TEC-0021 刘洋"))
    }

    @Test func theDaysSummaryAddsUp() throws {
        let day = try #require(CalendarDate(parsing: "2026-12-01"))
        let visits = try workflow().visits(from: day, to: day, site: nil)
        #expect(visits.count == 3)
        let summary = ServiceSummary(visits: visits, catalog: Fixtures.catalog())
        // Lavida: brakes urgent (approved), wipers advised (declined); Accord: a tyre urgent, another advised (open).
        #expect(summary.levels == ["ok": 56, "advise": 2, "urgent": 2])
        #expect((summary.linesOffered, summary.linesApproved, summary.linesDeclined) == (4, 1, 1))
        #expect(summary.approvalRate == 0.5 && summary.averageMinutesToDecision == 115)
        #expect(summary.systems.first { $0.id == "tyres" }.map { ($0.advise, $0.urgent) } ?? (0, 0) == (1, 1))
        assertGolden(
            try JSONOutput.encode(ServiceSummaryOutput(summary, from: "2026-12-01", to: "2026-12-01", site: nil)), "service/summary-2026-12-01.json")
        #expect(try workflow().visits(from: day, to: day, site: "Elsewhere").isEmpty)
    }
}
