import Common
import Foundation
import Inspection
import ReportGen
import Testing

/// A report is written in one language: the zh report has no English prose and the en report no Chinese labels.
/// What is left after taking out the data (names, sites, notes, make and colour as written, codes, ids, paths and
/// units) must be all Chinese or all English.
struct OneLanguageTests {
    /// The text a reader sees: Markdown, and the HTML without its style sheet and tags.
    static func readerText(_ report: ConditionReport, _ language: ReportLanguage) -> String {
        let html = ConditionReportHTMLRenderer.render(report, language: language, photos: .link(prefix: ""))
        let body = html.replacingOccurrences(of: "<style>[^<]*</style>", with: " ", options: .regularExpression)
            .replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)
        return ConditionReportMarkdownRenderer.render(report, language: language) + body
    }

    /// The data values of a report, as written by people or systems (not labels the report chose).
    static func data(_ report: ConditionReport) -> [String] {
        let v = report.vehicle
        var values = [v.vin, v.plate, v.make, v.model, v.color, report.reportID].compactMap { $0 }
        // Free-text facts of the vehicle record (a trim is written as the seller says it, 1.6L 自动 时尚版).
        values += v.facts.filter { ["plate", "make", "model", "trim", "color"].contains($0.field) }.map(\.value)
        for i in report.inspections { values += [i.inspectorID, i.inspectorName, i.site].compactMap { $0 } }
        values += report.findings.compactMap(\.note) + report.checks.compactMap(\.note)
        values += report.photos.compactMap(\.reusedFrom)
        values += report.disputes.flatMap { [$0.note, $0.resolutionNote, $0.resolvedBy, $0.approvedBy].compactMap { $0 } }
        values += report.afterSale?.claims?.claims.flatMap { [$0.symptom, $0.note].compactMap { $0 } } ?? []
        return values.sorted { $0.count > $1.count }
    }

    /// Words of the other language left in a report's reader text once its data is taken out.
    static func foreign(_ report: ConditionReport, _ language: ReportLanguage) -> [String] {
        var text = Self.readerText(report, language)
        for value in Self.data(report) { text = text.replacingOccurrences(of: value, with: " ") }
        if language == .zh {
            // Codes (14HH2, cabin.1, r1), units, file paths and timestamps are not prose.
            let stripped = text.replacingOccurrences(
                of: "[A-Za-z0-9_./-]*[0-9./_][A-Za-z0-9_./-]*|\\b(km|mi|mm|h)\\b|`[^`]*`|&[a-z]+;", with: " ", options: .regularExpression)
            let words: [String] = stripped.split { !($0.isASCII && $0.isLetter) }.filter { $0.count > 1 }.map { String($0) }
            return Set(words).sorted()
        }
        let chinese = text.unicodeScalars.filter {
            (0x4E00...0x9FFF).contains($0.value) || (0x3000...0x303F).contains($0.value) || (0xFF00...0xFFEF).contains($0.value)
        }
        return chinese.isEmpty ? [] : [chinese.map(\.description).joined()]
    }

    @Test(arguments: ConditionReportTests.cars)
    func zhHasNoEnglishAndEnNoChinese(vin: String) throws {
        let report = try ConditionReportTests.report(vin)
        for language in ReportLanguage.allCases {
            #expect(Self.foreign(report, language) == [], "\(vin) \(language)")
        }
    }

    /// Ledger readings recorded by hand (transport, other) are named in the report's language too.
    @Test func everyLedgerStageIsNamed() throws {
        var report = try ConditionReportTests.report("LSVAM4189C2184526")
        var reading = try #require(report.mileage.readings.last)
        for (offset, stage) in ["transport", "other"].enumerated() {
            reading.stage = stage
            reading.id += Int64(100 + offset)
            report.mileage.readings.append(reading)
        }
        #expect(Self.foreign(report, .zh) == [])
        #expect(Self.foreign(report, .en) == [])
    }

    @Test func theCheckFindsASentenceInTheWrongLanguage() throws {
        var report = try ConditionReportTests.report("LSVAM4189C2184526")
        report.warnings.append(Notice(code: "x.y", params: [:], message: LocalizedText(zh: "photo reuse: front", en: "照片重复")))
        #expect(Self.foreign(report, .zh) == ["front", "photo", "reuse"])
        #expect(Self.foreign(report, .en) != [])
    }
}
