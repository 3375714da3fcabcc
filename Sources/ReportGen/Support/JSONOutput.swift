import Foundation

/// Machine output, one style for every contract: snake_case keys (`reportID` -> `report_id`), pretty, sorted, no
/// escaped slashes, one trailing newline.
package enum JSONOutput {
    /// `value` as JSON text.
    package static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }
}
