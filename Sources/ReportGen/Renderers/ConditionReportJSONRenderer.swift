import Foundation

/// The condition report as JSON, `format: condition-report/2`: snake_case keys, sorted, pretty, one trailing newline.
/// The contract is `schemas/condition-report-2.schema.json`.
package enum ConditionReportJSONRenderer {
    /// Renders `report`.
    package static func render(_ report: ConditionReport) throws -> String {
        try JSONOutput.encode(report)
    }

    /// Reads a report back from its JSON (what ``render(_:)`` wrote): for consumers of the contract and for the
    /// renderer tests, which start from these files rather than from a database.
    package static func decode(_ json: Data) throws -> ConditionReport {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .custom { path in
            // snake_case back to the property names; `_id` was `ID` (reportID, inspectorID, readingID).
            let key = path.last?.stringValue ?? ""
            var words = key.split(separator: "_").map(String.init)
            guard let first = words.first else { return ReportKey(key) }
            words.removeFirst()
            let camel = first + words.map { $0 == "id" ? "ID" : $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
            return ReportKey(camel)
        }
        return try decoder.decode(ConditionReport.self, from: json)
    }

    private struct ReportKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
