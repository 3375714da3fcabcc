import Foundation

/// Machine output: pretty, sorted keys, no escaped slashes, one trailing newline.
package enum JSONOutput {
    /// `value` as JSON text.
    package static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }
}
