import Common
import Foundation

/// Reads a submission file and checks it strictly against its template and the files beside it.
///
/// Every problem is reported at once, each with file, line, column and item.
package struct SubmissionValidator: Sendable {
    /// Where templates are looked up.
    package let catalog: TemplateCatalog
    /// The plausibility rules (dates against `now`, odometer against age and use), when checked.
    package var plausibility: PlausibilityPolicy?
    /// The clock an inspection date is checked against (nil: not checked).
    package var now: Timestamp?

    /// Creates a validator.
    package init(catalog: TemplateCatalog, plausibility: PlausibilityPolicy? = nil, now: Timestamp? = nil) {
        self.catalog = catalog
        self.plausibility = plausibility
        self.now = now
    }

    /// Validates the file at `url`; `displayPath` is how messages name it.
    package func validate(fileAt url: URL, displayPath: String) -> ValidationReport {
        var log = DiagnosticLog(file: displayPath)
        guard let bytes = readBytes(url, log: &log) else { return ValidationReport(file: displayPath, diagnostics: log.sorted, validated: nil) }
        return validate(bytes, as: url, displayPath: displayPath, log: log)
    }

    /// Validates `bytes` as the content of the file at `url` (photo paths resolve beside it); for fuzzing and tests.
    package func validate(_ bytes: [UInt8], as url: URL, displayPath: String) -> ValidationReport {
        validate(bytes, as: url, displayPath: displayPath, log: DiagnosticLog(file: displayPath))
    }

    private func validate(_ bytes: [UInt8], as url: URL, displayPath: String, log: DiagnosticLog) -> ValidationReport {
        var log = log
        guard bytes.count <= YAMLLimits.submission.maxBytes,
            let root = YAMLLoader.load(bytes, syntax: .forPath(displayPath), limits: .submission, what: "submission", log: &log)
        else {
            if bytes.count > YAMLLimits.submission.maxBytes {
                log.error(Self.tooLarge(bytes.count), at: nil)
            }
            return ValidationReport(file: displayPath, diagnostics: log.sorted, validated: nil)
        }
        var reader = SubmissionReader(log: log, catalog: catalog, photos: PhotoPathResolver(folder: url.deletingLastPathComponent()))
        reader.plausibility = plausibility.map { ($0, now) }
        let parsed = reader.read(root)
        let diagnostics = reader.log.sorted
        guard let (submission, template) = parsed, !reader.log.hasErrors else {
            return ValidationReport(file: displayPath, diagnostics: diagnostics, validated: nil)
        }
        var files: [String: PhotoFile] = [:]
        for path in submission.allPhotoPaths {
            if case let .success(file) = reader.photos.resolve(path) { files[path] = file }
        }
        let validated = ValidatedSubmission(
            submission: submission, template: template, displayPath: displayPath, fileURL: url, photos: files,
            warnings: diagnostics.filter { $0.severity == .warning })
        return ValidationReport(file: displayPath, diagnostics: diagnostics, validated: validated)
    }

    private static func tooLarge(_ size: Int) -> String {
        "file is \(size) bytes; a submission may be at most \(YAMLLimits.submission.maxBytes) bytes"
    }

    private func readBytes(_ url: URL, log: inout DiagnosticLog) -> [UInt8]? {
        var info = stat()
        guard stat(url.path, &info) == 0 else {
            log.error("file not found", at: nil)
            return nil
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            log.error("is not a regular file", at: nil)
            return nil
        }
        let limit = YAMLLimits.submission.maxBytes
        guard Int(info.st_size) <= limit else {
            log.error(Self.tooLarge(Int(info.st_size)), at: nil)
            return nil
        }
        guard let handle = FileHandle(forReadingAtPath: url.path) else {
            log.error("cannot be opened for reading", at: nil)
            return nil
        }
        defer { try? handle.close() }
        // Read one byte past the limit so a file that grew since stat() is still caught.
        guard let data = try? handle.read(upToCount: limit + 1) else { return [] }
        return Array(data)
    }
}
