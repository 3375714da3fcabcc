import Foundation
import Inspection
import ReportGen
import Store

/// Writing condition reports as files: one rule for `report` (one car or `--all`) and `batch`, so both write the
/// same files (`<VIN>.json`, `.html`, `.md`) with the same photo handling.
package struct ReportFiles: Sendable {
    /// The report formats.
    package enum Format: String, Sendable, CaseIterable {
        case json, html, md
    }

    /// How HTML reports show photos.
    package enum PhotoMode: String, Sendable, CaseIterable {
        /// Thumbnails embedded as data: URIs (a self-contained page).
        case embed
        /// Links to the stored files, relative to where the page is written.
        case link
    }

    /// Language of HTML and Markdown.
    package var language: ReportLanguage
    /// Photos in HTML.
    package var photos: PhotoMode
    /// The folder the store's photo paths are relative to (the database's folder).
    package var databaseFolder: URL
    /// Who the reports are for.
    package var audience: ReportAudience

    /// Creates a writer.
    package init(language: ReportLanguage, photos: PhotoMode, databaseFolder: URL, audience: ReportAudience = .internal) {
        self.language = language
        self.photos = photos
        self.databaseFolder = databaseFolder.standardizedFileURL
        self.audience = audience
    }

    /// `report` in `format`, for a file that will sit in `outputFolder` (links are relative to it).
    package func render(_ report: ConditionReport, _ format: Format, outputFolder: URL) throws -> String {
        let report = report.for(audience)
        switch format {
        case .json: return try ConditionReportJSONRenderer.render(report)
        case .md: return ConditionReportMarkdownRenderer.render(report, language: language)
        case .html:
            let mode: ConditionReportHTMLRenderer.Photos
            switch photos {
            case .link: mode = .link(prefix: Self.relativePrefix(from: outputFolder, to: databaseFolder))
            case .embed:
                let folder = databaseFolder
                mode = .embed(load: { path in FileManager.default.contents(atPath: folder.appending(path: path).path).map { Array($0) } })
            }
            return ConditionReportHTMLRenderer.render(report, language: language, photos: mode)
        }
    }

    /// A service visit's page in `format`, for a file that will sit in `outputFolder`, photos as this writer says.
    package func render(_ visit: ServiceVisitOutput, _ format: Format, outputFolder: URL) throws -> String {
        switch format {
        case .json: return try JSONOutput.encode(visit)
        case .md: return ServiceVisitRenderer.markdown(visit, language: language)
        case .html:
            let folder = databaseFolder, prefix = Self.relativePrefix(from: outputFolder, to: databaseFolder), embed = photos == .embed
            return ServiceVisitRenderer.html(visit, language: language) { path in
                guard embed else { return prefix + path }
                return FileManager.default.contents(atPath: folder.appending(path: path).path).map {
                    "data:image/jpeg;base64," + $0.base64EncodedString()
                }
            }
        }
    }

    /// Writes `report` in each of `formats` to `folder/<VIN>.<format>`, each file atomically; returns how many.
    @discardableResult
    package func write(_ report: ConditionReport, formats: [Format] = Format.allCases, to folder: URL) throws -> Int {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for format in formats {
            let file = folder.appending(path: "\(report.vehicle.vin).\(format.rawValue)")
            try Data(try render(report, format, outputFolder: folder).utf8).write(to: file, options: .atomic)
        }
        return formats.count
    }

    /// What writing every stored car's report did.
    package struct AllWritten: Sendable {
        /// Files written.
        package var files: Int
        /// Cars in the store.
        package var cars: Int
        /// Cars without a report, with the reason.
        package var skipped: [(vin: String, reason: String)]
    }

    /// Writes the report of every stored car to `folder` (a car that has no report is skipped with its reason).
    package func writeAll(
        store: InspectionStore, assembly: ReportAssembly, generatedAt: String, formats: [Format] = Format.allCases, to folder: URL
    ) throws -> AllWritten {
        let vins = try store.vins()
        var result = AllWritten(files: 0, cars: vins.count, skipped: [])
        for vin in vins {
            let report: ConditionReport
            do { report = try assembly.report(vin: vin, store: store, generatedAt: generatedAt) } catch {
                result.skipped.append((vin, error.description))
                continue
            }
            result.files += try write(report, formats: formats, to: folder)
        }
        return result
    }

    /// The relative path prefix from `from` to `to` ("" when they are the same folder, "../db/" ...).
    package static func relativePrefix(from: URL, to: URL) -> String {
        let a = from.standardizedFileURL.resolvingSymlinksInPath().pathComponents
        let b = to.standardizedFileURL.resolvingSymlinksInPath().pathComponents
        var common = 0
        while common < min(a.count, b.count), a[common] == b[common] { common += 1 }
        let parts = Array(repeating: "..", count: a.count - common) + Array(b[common...])
        return parts.isEmpty ? "" : parts.joined(separator: "/") + "/"
    }
}
