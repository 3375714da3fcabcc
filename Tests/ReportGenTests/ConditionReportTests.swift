import Foundation
import Inspection
import ReportGen
import TestSupport
import Testing

/// Every renderer of every sample car against `golden/`, the JSON against its schema, and the report's content.
@Suite struct ConditionReportTests {
    @Test(arguments: SampleDay.cars)
    func goldenReports(vin: String) throws {
        let report = try SampleDay.report(vin)
        let json = try ConditionReportJSONRenderer.render(report)
        let schema = try JSONSchemaValidator(schemaAt: Fixtures.repoRoot.appending(path: "schemas/condition-report-1.schema.json"))
        #expect(try schema.validate(json: Data(json.utf8)) == [])
        assertGolden(json, "reports/\(vin).json")
        assertGolden(ConditionReportHTMLRenderer.render(report, language: .zh, photos: .link(prefix: "../db/")), "reports/\(vin).zh.html")
        assertGolden(ConditionReportMarkdownRenderer.render(report, language: .zh), "reports/\(vin).zh.md")
        assertGolden(ConditionReportMarkdownRenderer.render(report, language: .en), "reports/\(vin).en.md")
        if vin == "LFV2A21K2D4052187" {
            assertGolden(ConditionReportHTMLRenderer.render(report, language: .en, photos: .link(prefix: "../db/")), "reports/\(vin).en.html")
        }
    }

    @Test func theSampleCarsTogetherExerciseEveryFeature() throws {
        let clean = try SampleDay.report("LGXCE6CB2H0123456")
        #expect(clean.findings.isEmpty && clean.score?.grade.name.zh == "一级" && clean.flags.isEmpty)
        let worn = try SampleDay.report("LHGCR2654E8012345")
        #expect(Set(worn.findings.compactMap(\.degree)) == [1, 2, 3, 4])
        #expect(worn.score?.grade.name.zh == "二级")
        #expect(worn.mileage.flags.map(\.kind) == ["rollback"])
        #expect(worn.warnings.contains { $0.hasPrefix("mileage: rollback: 86,405 km at audit") })
        let accident = try SampleDay.report("LFV2A21K2D4052187")
        #expect(accident.score?.grade.id == "5")
        #expect(accident.findings.first { $0.code == "4SH" }?.structural == true)
        #expect(accident.findings.first { $0.code == "4SH" }?.seenBy == ["audit"])
        #expect(accident.discrepancies?.items.first?.kind == "missed-by-appraiser")
        #expect(accident.discrepancies?.appraisalGrade?.id == "1")
        let flood = try SampleDay.report("JHMCM56557C404453")
        #expect(flood.flags.map(\.id) == ["flood"])
        #expect(flood.delivery?.verdict == "stop")
        #expect(flood.delivery?.newDamage == ["26AX2"])
        #expect(flood.warnings.contains { $0.hasPrefix("photo reuse: rear_left_45") })
        let good = try SampleDay.report("LSVAM4189C2184526")
        #expect(good.delivery?.verdict == "ok")
        #expect(good.findings.map(\.id) == ["F-14-HH", "F-21-XS", "F-26-AX"])
        #expect(good.findings.map(\.seenBy) == [["appraisal", "audit"], ["appraisal", "audit"], ["audit"]])
        #expect(good.photos.count == 14 && good.photos.allSatisfy { $0.image.hasPrefix("photos/") && $0.thumbnail?.hasSuffix(".thumb.jpg") == true })
    }

    @Test func reportsAreDeterministic() throws {
        let a = try ConditionReportJSONRenderer.render(SampleDay.report("LFV2A21K2D4052187"))
        let b = try ConditionReportJSONRenderer.render(SampleDay.report("LFV2A21K2D4052187"))
        #expect(a == b)
        #expect(a.contains("\"generated_at\" : \"2026-11-26T12:00:00+08:00\""))
    }

    @Test func userTextIsEscapedInHTMLAndMarkdownTables() throws {
        var report = try SampleDay.report("LSVAM4189C2184526")
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
        let report = try SampleDay.report("LSVAM4189C2184526")
        let folder = SampleDay.folder.url.appending(path: "db")
        let html = ConditionReportHTMLRenderer.render(
            report, language: .en, photos: .embed(load: { FileManager.default.contents(atPath: folder.appending(path: $0).path).map { Array($0) } }))
        #expect(html.components(separatedBy: "src=\"data:image/jpeg;base64,").count - 1 == 14 + 2)  // 14 angles + the photos of 14HH2 and 26AX1
        #expect(!html.contains("src=\"photos/"))
    }
}
