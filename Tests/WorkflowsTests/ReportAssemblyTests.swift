import Common
import Foundation
import Inspection
import ReportGen
import TestSupport
import Testing
import Workflows

/// The report use case on the stored sample day: each car's assembled report, as JSON with its photo paths made
/// stable, is `golden/reports/<VIN>.json` (which the renderer tests then start from), and it says what each car is.
@Suite struct ReportAssemblyTests {
    @Test(arguments: SampleDay.cars)
    func assembledReportsAreTheGoldenOnes(vin: String) throws {
        let json = try ConditionReportJSONRenderer.render(SampleDay.report(vin))
        assertGolden(PhotoPathScrubber.scrub(json), "reports/\(vin).json")
    }

    @Test func theSampleCarsTogetherExerciseEveryFeature() throws {
        let clean = try SampleDay.report("LGXCE6CB2H0123456")
        #expect(clean.findings.isEmpty && clean.score?.grade.name.zh == "一级" && clean.flags.isEmpty)
        let worn = try SampleDay.report("LHGCR2654E8012345")
        #expect(Set(worn.findings.compactMap(\.degree)) == [1, 2, 3, 4])
        #expect(worn.score?.grade.name.zh == "二级")
        // The audit reads 45 km below the appraisal: two staff readings that disagree, not tampering until resolved.
        #expect(worn.mileage.flags.map(\.kind) == ["reading-conflict"])
        #expect(worn.warnings.contains { $0.code == "mileage.conflict" && $0.message.en.hasPrefix("readings disagree: #10 86,405 km at audit") })
        // Degree 4 on the tyres is below the legal tread depth: a safety item, listed as such.
        #expect(worn.findings.filter(\.safety).map(\.code) == ["39HH4"])
        // Tread depth is a measurement of a named wheel, not "Tyres · Scratch · 4".
        let tyre = try #require(worn.findings.first { $0.code == "39HH4" })
        #expect(tyre.position?.code == "left_rear" && tyre.measured?.value == 1.3 && tyre.measured?.unit == "mm")
        #expect(tyre.place.en == "Tyres (left rear wheel)" && tyre.what.en == "tread depth 1.3 mm" && tyre.what.zh == "花纹深度 1.3 mm")
        #expect(worn.warnings.contains { $0.code == "report.safety_item" && $0.params["code"] == "39HH4" })
        let accident = try SampleDay.report("LFV2A21K2D4052187")
        // "Seen by the appraisal" shows what the appraiser recorded when the auditor saw it another way.
        let fender = try #require(accident.findings.first { $0.code == "15XF2" })
        #expect(fender.seenBy == ["appraisal", "audit"] && fender.appraisalCode == "15XF1")
        #expect(accident.score?.grade.id == "5")
        #expect(accident.findings.first { $0.code == "4SH" }?.structural == true)
        #expect(accident.findings.first { $0.code == "4SH" }?.seenBy == ["audit"])
        // The welded pillar deducts nothing: the report says why (the template judges structure for the flag, not points).
        #expect(accident.findings.first { $0.code == "4SH" }?.deduction == 0)
        let unscored = accident.warnings.filter { $0.code == "report.structural_not_scored" }
        #expect(unscored.map { $0.params["code"] } == [.text("4SH")])
        #expect(unscored.first?.message.en.contains("raises the flag \u{201C}Accident car\u{201D}") == true)
        #expect(accident.for(.customer).warnings.contains { $0.code == "report.structural_not_scored" })
        #expect(accident.discrepancies?.items.first?.kind == "missed-by-appraiser")
        #expect(accident.discrepancies?.appraisalGrade?.id == "1")
        let flood = try SampleDay.report("JHMCM56557C404453")
        #expect(flood.flags.map(\.id) == ["flood"])
        // A flag's causes read as words with the code beside, not "cabin.1 flood.2 ...".
        #expect(flood.cause("cabin.1", zh: true) == "车内无水泡痕迹 cabin.1" && accident.cause("4SH", zh: false) == "Left C-pillar Welded 4SH")
        #expect(flood.delivery?.verdict == "stop")
        #expect(flood.delivery?.newDamage == ["26AX2"])
        // The audit's rear-left photo was also submitted for another car: never this car's evidence, the other car
        // named by its report id, not its VIN.
        let reused = try #require(flood.photos.first { $0.angle == "rear_left_45" })
        #expect(reused.verdict == "retake_required" && reused.image == nil && reused.thumbnail == nil)
        let otherReport = try #require(reused.reusedFrom)
        let other = try SampleDay.report("LFV2A21K2D4052187")  // the car the photo was first submitted for
        #expect(otherReport == other.reportReference && otherReport.hasPrefix("R-") && !otherReport.contains("LFV2A21K2D4052187"))
        let reuseWarning = try #require(flood.warnings.first { $0.code == "report.photo_reused" })
        #expect(reuseWarning.message.zh.contains("需重拍") && reuseWarning.message.en.contains("retake required"))
        let rendered = try ConditionReportJSONRenderer.render(flood)
        #expect(!rendered.contains("LFV2A21K2D4052187") && rendered.contains(otherReport))
        for language in ReportLanguage.allCases {
            #expect(!ConditionReportHTMLRenderer.render(flood, language: language, photos: .link(prefix: "")).contains("LFV2A21K2D4052187"))
            #expect(!ConditionReportMarkdownRenderer.render(flood, language: language).contains("LFV2A21K2D4052187"))
        }
        #expect(!ConditionReportHTMLRenderer.render(flood, language: .zh, photos: .link(prefix: "")).contains("photo_reused"))
        // The good car was handed over, then returned with a new scratch: its report is the returned car's.
        let good = try SampleDay.report("LSVAM4189C2184526")
        #expect(good.reportID == "LSVAM4189C2184526-A1-U1-R1" && good.supersedes == "LSVAM4189C2184526-A1-U1")
        #expect(good.delivery == nil && good.handovers?.map(\.verdict) == ["ok"])
        #expect(good.findings.map(\.id) == ["F-14-HH", "F-21-XS", "F-26-AX", "F-27-HH"])
        #expect(good.findings.map(\.seenBy) == [["appraisal", "audit"], ["appraisal", "audit"], ["audit"], ["return"]])
        #expect(good.findings.last?.photos.isEmpty == false && good.inspections.map(\.stage) == ["appraisal", "audit", "return"])
        #expect(good.warnings.first?.code == "report.supersedes")
        #expect(
            good.photos.count == 18
                && good.photos.allSatisfy { $0.image?.hasPrefix("photos/") == true && $0.thumbnail?.hasSuffix(".thumb.jpg") == true })
        // Every photo the report names is a stored file.
        let folder = SampleDay.folder.url.appending(path: "db")
        for path in good.photos.flatMap({ [$0.image, $0.thumbnail].compactMap { $0 } }) {
            #expect(FileManager.default.fileExists(atPath: folder.appending(path: path).path), "\(path)")
        }
    }

    @Test func reportsAreDeterministic() throws {
        let a = try ConditionReportJSONRenderer.render(SampleDay.report("LFV2A21K2D4052187"))
        let b = try ConditionReportJSONRenderer.render(SampleDay.report("LFV2A21K2D4052187"))
        #expect(a == b)
        #expect(a.contains("\"generated_at\" : \"2026-11-27T09:00:00+08:00\""))
    }

    @Test func aReportGeneratedBeforeTheHandoverDoesNotContainIt() throws {
        // The flood car was handed over at 2026-11-26T20:40:00+08:00.
        let assembly = ReportAssembly(catalog: Fixtures.catalog(), mileagePolicy: try Fixtures.mileagePolicy(), costTable: try Fixtures.costTable())
        let store = try SampleDay.store.get()
        let before = try assembly.report(vin: "JHMCM56557C404453", store: store, generatedAt: "2026-11-26T20:39:00+08:00")
        #expect(before.delivery == nil)
        let after = try assembly.report(vin: "JHMCM56557C404453", store: store, generatedAt: "2026-11-26T20:40:00+08:00")
        #expect(after.delivery?.verdict == "stop")
        #expect(
            after.delivery?.reasons.contains { $0.tag == "dispute" && $0.notice.message.en.hasPrefix("dispute #1 on report defect 27HH1 is open") }
                == true)
        // The dispute its delivery opened is not in the earlier report either.
        #expect(before.disputes.isEmpty && after.disputes.map(\.finding) == ["27HH1"])
        #expect(after.delivery?.reasons.contains { $0.tag == "ok" } == false)
    }

    @Test func aReturnSupersedesTheReportItWasSoldWith() throws {
        // The good car was returned at 2026-11-26T16:00:00+08:00 with a new scratch on the right rear door (27HH1).
        let assembly = ReportAssembly(catalog: Fixtures.catalog(), mileagePolicy: try Fixtures.mileagePolicy(), costTable: try Fixtures.costTable())
        let store = try SampleDay.store.get()
        let sold = try assembly.report(vin: "LSVAM4189C2184526", store: store, generatedAt: "2026-11-26T15:59:00+08:00")
        #expect(sold.reportID == "LSVAM4189C2184526-A1-U1" && sold.supersedes == nil && sold.delivery?.verdict == "ok")
        #expect(!sold.findings.contains { $0.code == "27HH1" } && sold.handovers == nil)
        #expect(sold.supersededBy == ConditionReport.Supersession(reportID: "LSVAM4189C2184526-A1-U1-R1", returnedAt: "2026-11-26T16:00:00+08:00"))
        #expect(sold.warnings.first?.code == "report.superseded" && sold.warnings.first?.message.en.contains("-R1") == true)
        let now = try assembly.report(vin: "LSVAM4189C2184526", store: store, generatedAt: "2026-11-26T16:00:00+08:00")
        #expect(now.supersededBy == nil && now.supersedes == sold.reportID)
        let scratch = try #require(now.findings.first { $0.code == "27HH1" })
        #expect(scratch.seenBy == ["return"] && scratch.deduction > 0)
        // Graded again with the return's damage: the score falls by the new finding's deduction.
        let before = try #require(sold.score?.total), after = try #require(now.score?.total)
        #expect(after < before)
    }

    @Test func theGenerationTimeIsInTheInspectionsZone() throws {
        let assembly = ReportAssembly(catalog: Fixtures.catalog(), mileagePolicy: try Fixtures.mileagePolicy(), costTable: try Fixtures.costTable())
        let report = try assembly.report(vin: "LFV2A21K2D4052187", store: try SampleDay.store.get(), generatedAt: "2026-11-27T01:00:00Z")
        #expect(report.generatedAt == "2026-11-27T09:00:00+08:00" && report.inspections.allSatisfy { $0.inspectedAt.hasSuffix("+08:00") })
        let western = try #require(try? Timestamp.parse("2026-11-27T01:00:00Z").get()).inZone(
            of: try Timestamp.parse("2026-11-20T09:30:00-05:00").get())
        #expect(western.text == "2026-11-26T20:00:00-05:00")
    }

    @Test func anUnknownVINIsNamed() throws {
        let assembly = ReportAssembly(catalog: Fixtures.catalog(), mileagePolicy: try Fixtures.mileagePolicy(), costTable: try Fixtures.costTable())
        #expect(throws: ReportAssembly.Failure.unknownVehicle("LSVAM4189C2184599")) {
            try assembly.report(vin: "LSVAM4189C2184599", store: try SampleDay.store.get(), generatedAt: SampleDay.generatedAt)
        }
    }
}
