import Common
import Foundation
import Inspection
import ReportGen

/// Prints validation results: diagnostics as text on stderr, or one JSON document on stdout.
enum ReportPrinter {
    /// Output format of `validate`.
    enum Format: String, CaseIterable {
        case text
        case json
    }

    /// Writes `text` to standard error, after flushing what was printed to standard output (so that results and
    /// messages appear in a log in the order they happened).
    static func stderr(_ text: String) {
        fflush(nil)
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Prints each diagnostic on stderr, then a one-line verdict per file on stdout.
    static func printText(_ reports: [ValidationReport]) {
        for report in reports {
            for diagnostic in report.diagnostics { stderr(diagnostic.rendered + "\n") }
            let errors = report.errors.count, warnings = report.warnings.count
            let counts = "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
            print("\(report.file): \(report.isValid ? "valid" : "invalid") (\(counts))")
        }
    }

    /// Prints `{"files": [...], "valid": bool}` with every diagnostic, keys sorted, for machines.
    static func printJSON(_ reports: [ValidationReport]) throws {
        struct FileResult: Encodable {
            let file: String
            let valid: Bool
            let errors: Int
            let warnings: Int
            let diagnostics: [Entry]
        }
        struct Entry: Encodable {
            let severity: String
            let file: String
            let line: Int?
            let column: Int?
            let item: String?
            let message: String
            let text: String
        }
        struct Output: Encodable {
            let format = Formats.validation
            let valid: Bool
            let files: [FileResult]
        }
        let output = Output(
            valid: reports.allSatisfy(\.isValid),
            files: reports.map { report in
                FileResult(
                    file: report.file, valid: report.isValid, errors: report.errors.count, warnings: report.warnings.count,
                    diagnostics: report.diagnostics.map {
                        Entry(
                            severity: $0.severity.rawValue, file: $0.file, line: $0.location?.line, column: $0.location?.column, item: $0.item,
                            message: $0.message, text: $0.rendered)
                    })
            })
        print(try JSONOutput.encode(output), terminator: "")
    }
}
