import Common
import Foundation
import Inspection
import ReportGen
import TestSupport
import Testing

/// Every renderer of every sample car against `golden/`, starting from the report model in
/// `golden/reports/<VIN>.json` (the assembly tests in WorkflowsTests keep those files true): no database, no photo
/// decoding. The JSON against its schema, and escaping and embedding.
@Suite struct ConditionReportTests {
    static let cars = ["LSVAM4189C2184526", "LFV2A21K2D4052187", "JHMCM56557C404453", "LGXCE6CB2H0123456", "LHGCR2654E8012345"]

    /// The model of one sample car, read from its golden JSON.
    static func report(_ vin: String) throws -> ConditionReport {
        try ConditionReportJSONRenderer.decode(Data(contentsOf: Fixtures.repoRoot.appending(path: "golden/reports/\(vin).json")))
    }

    @Test(arguments: cars)
    func goldenReports(vin: String) throws {
        let report = try Self.report(vin)
        let json = try ConditionReportJSONRenderer.render(report)
        let schema = try JSONSchemaValidator(schemaAt: Fixtures.repoRoot.appending(path: "schemas/condition-report-2.schema.json"))
        #expect(try schema.validate(json: Data(json.utf8)) == [])
        assertGolden(json, "reports/\(vin).json")  // the model reads back to the same bytes
        assertGolden(ConditionReportHTMLRenderer.render(report, language: .zh, photos: .link(prefix: "../db/")), "reports/\(vin).zh.html")
        assertGolden(ConditionReportMarkdownRenderer.render(report, language: .zh), "reports/\(vin).zh.md")
        assertGolden(ConditionReportMarkdownRenderer.render(report, language: .en), "reports/\(vin).en.md")
        if vin == "LFV2A21K2D4052187" {
            assertGolden(ConditionReportHTMLRenderer.render(report, language: .en, photos: .link(prefix: "../db/")), "reports/\(vin).en.html")
        }
    }

    @Test func userTextIsEscapedInHTMLAndMarkdownTables() throws {
        var report = try Self.report("LSVAM4189C2184526")
        report.findings[0].note = "<script>alert('x')</script> & \"quotes\" | pipes"
        report.inspections[0].inspectorName = "<b>王磊</b>"
        let html = ConditionReportHTMLRenderer.render(report, language: .zh, photos: .link(prefix: ""))
        #expect(!html.contains("<script>alert"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot; | pipes"))
        #expect(html.contains("&lt;b&gt;王磊&lt;/b&gt;"))
        let markdown = ConditionReportMarkdownRenderer.render(report, language: .en)
        #expect(markdown.contains("\\| pipes"))
    }

    @Test func embeddedPhotosMakeASelfContainedPage() throws {
        let report = try Self.report("LSVAM4189C2184526")
        // A stand-in loader: the stored photo paths give a tiny JPEG, anything else nothing (so it would not embed).
        let html = ConditionReportHTMLRenderer.render(
            report, language: .en, photos: .embed(load: { $0.hasPrefix("photos/") ? [0xFF, 0xD8, 0xFF, 0xD9] : nil }))
        // 18 angles + the photos of 14HH2, 26AX1 and the return's 27HH1 + the report's close-up beside the 14HH2 dispute.
        #expect(html.components(separatedBy: "src=\"data:image/jpeg;base64,/9j/2Q==\"").count - 1 == 18 + 3 + 1)
        #expect(!html.contains("src=\"photos/"))
    }

    /// `--audience customer`: no staff ids or names, no appraiser-miss details, no internal notes or warnings; the
    /// findings, scores, flags, ledger and delivery check stay.
    @Test(arguments: cars)
    func aCustomersReportLeavesOutStaffMatters(vin: String) throws {
        let internalReport = try Self.report(vin)
        let customer = internalReport.for(.customer)
        #expect(customer.audience == "customer")
        #expect(customer.findings.map(\.code) == internalReport.findings.map(\.code))
        #expect(customer.score == internalReport.score && customer.flags == internalReport.flags)
        #expect(customer.delivery?.verdict == internalReport.delivery?.verdict)
        #expect(Set(customer.delivery?.reasons.map(\.topic) ?? []) == Set(internalReport.delivery?.reasons.map(\.topic) ?? []))
        let json = try ConditionReportJSONRenderer.render(customer)
        let schema = try JSONSchemaValidator(schemaAt: Fixtures.repoRoot.appending(path: "schemas/condition-report-2.schema.json"))
        #expect(try schema.validate(json: Data(json.utf8)) == [])
        let staff = internalReport.inspections.flatMap { [$0.inspectorID, $0.inspectorName].compactMap { $0 } }
        let notes = internalReport.findings.compactMap(\.note) + internalReport.checks.compactMap(\.note)
        #expect(!staff.isEmpty)
        for language in ReportLanguage.allCases {
            let pages = [
                ConditionReportHTMLRenderer.render(customer, language: language, photos: .link(prefix: "")),
                ConditionReportMarkdownRenderer.render(customer, language: language), json,
            ]
            for page in pages {
                for text in staff + notes { #expect(!page.contains(text), "\(vin) \(language): \(text)") }
                #expect(!page.contains(language.text(.discrepancies)), "\(vin) \(language)")
                // The plate shows its issuing region only; who corrected which fact is internal.
                if let plate = internalReport.vehicle.plate {
                    #expect(!page.contains(plate) && page.contains(String(plate.prefix(2)) + "•"), "\(vin) \(language)")
                }
                #expect(!page.contains(language.text(.factChanges)), "\(vin) \(language)")
                // Written for a customer: no staff instructions, no pixel statistics, no appraiser's codes.
                for staffWords in ["escalate", "inspect dispute", "上报", "luma", "亮度", "pixels", "像素", "seen_by\" : [\"", "tampering", "调表"] {
                    #expect(!page.contains(staffWords), "\(vin) \(language): \(staffWords)")
                }
                #expect(!page.contains(language.text(.seenBy)), "\(vin) \(language)")
            }
        }
        // The buyer still sees every other fact of the vehicle record.
        #expect(customer.vehicle.facts.map(\.field) == internalReport.vehicle.facts.map(\.field))
        #expect(customer.vehicle.factChanges == nil && internalReport.vehicle.factChanges != nil)
    }

    /// What the customer must see: every safety finding, and that a report stands on one inspection.
    @Test func aCustomersReportKeepsSafetyItemsAndSaysWhenItStandsOnOneInspection() throws {
        let tyres = try Self.report("LHGCR2654E8012345").for(.customer)
        #expect(tyres.warnings.map(\.code) == ["report.safety_item"])
        #expect(ConditionReportMarkdownRenderer.render(tyres, language: .zh).contains("安全隐患：39HH4"))
        var appraisalOnly = try Self.report("LGXCE6CB2H0123456")
        appraisalOnly.warnings.append(Notice("report.no_audit", table: ReportMessages.table))
        let customer = appraisalOnly.for(.customer)
        #expect(customer.warnings.map(\.code) == ["report.customer.one_inspection"])
        #expect(ConditionReportMarkdownRenderer.render(customer, language: .en).contains("has not been re-inspected yet"))
        #expect(ConditionReportMarkdownRenderer.render(customer, language: .zh).contains("尚未复检"))
    }

    /// The vehicle record in the report: facts merged across the inspections (the audit's correction wins and is
    /// listed), worded in each language.
    @Test func theVehicleRecordShowsTheLatestFactsAndTheirCorrections() throws {
        let report = try Self.report("LSVAM4189C2184526")
        let facts = Dictionary(uniqueKeysWithValues: report.vehicle.facts.map { ($0.field, $0) })
        #expect(facts["registration_count"]?.value == "2" && facts["manufactured"]?.value == "2012-03")
        #expect(facts["equipment"]?.value == "sunroof reversing_camera cruise_control")
        #expect(facts["equipment"]?.text == LocalizedText(zh: "电动天窗、倒车影像、定速巡航", en: "Sunroof, Reversing camera, Cruise control"))
        #expect(facts["compulsory_insurance"]?.text.en == "valid until 2027-05-17" && facts["purchase_invoice"]?.text.zh == "缺失")
        let change = try #require(report.vehicle.factChanges?.first)
        #expect(change.field == "registration_count" && change.previous == "1" && change.value == "2" && change.stage == "audit")
        let zh = ConditionReportMarkdownRenderer.render(report, language: .zh)
        #expect(zh.contains("| 过户次数 | 2 次 |") && zh.contains("- 过户次数: 1 次 → 2 次（稽查 r1, 2026-11-22T14:10:00+08:00）"))
        let en = ConditionReportMarkdownRenderer.render(report, language: .en)
        #expect(en.contains("| Ownership transfers | 2 |") && en.contains("| Use | Private |") && en.contains("| Built | 2012-03 |"))
    }

    /// The ledger table numbers readings 1, 2, 3 ...: database row ids are not for readers.
    @Test func theLedgerTableShowsNoRowIds() throws {
        let report = try Self.report("JHMCM56557C404453")
        let ids = report.mileage.readings.map(\.id)
        #expect(ids != Array(1...Int64(ids.count)), "the sample's row ids are not 1, 2, 3, so the test can tell")
        let markdown = ConditionReportMarkdownRenderer.render(report, language: .en)
        let section = try #require(markdown.components(separatedBy: "## Mileage").last?.components(separatedBy: "\n## ").first)
        let rows = section.split(separator: "\n").filter { $0.hasPrefix("| ") && $0.contains(" km") }
        #expect(rows.map { $0.split(separator: "|").first?.trimmingCharacters(in: .whitespaces) } == (1...ids.count).map { "\($0)" })
    }
}
