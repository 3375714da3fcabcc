import Foundation

/// The condition report as JSON, `format: condition-report/1`: snake_case keys, sorted, pretty, one trailing newline.
/// The contract is `schemas/condition-report-1.schema.json`.
package enum ConditionReportJSONRenderer {
    /// Renders `report`.
    package static func render(_ report: ConditionReport) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return String(decoding: try encoder.encode(report), as: UTF8.self) + "\n"
    }
}
