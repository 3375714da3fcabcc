import Common

/// A structural or body finding: part, defect type and (for body parts) degree, e.g. `14HH2`.
package struct Defect: Sendable, Hashable, Codable {
    /// Part code from the template, e.g. `14`.
    package var part: String
    /// Defect letters, e.g. `HH`.
    package var type: String
    /// Degree 1-4 for parts that take one; nil for structural parts.
    package var degree: Int?
    /// Close-up photos, relative to the submission's folder.
    package var photos: [String]
    /// Free text.
    package var note: String?
    /// Where on the part, when the template's group names positions (the tyres: `left_rear`).
    package var position: String? = nil
    /// The measured value of a degree that is a measurement (tread depth in mm), in the unit the template gives.
    package var value: Double? = nil

    /// Creates a defect.
    package init(part: String, type: String, degree: Int?, photos: [String] = [], note: String? = nil) {
        self.part = part
        self.type = type
        self.degree = degree
        self.photos = photos
        self.note = note
    }

    /// The compact notation: part + letters + degree (`14HH2`, `4SH`).
    package var code: String { part + type + (degree.map(String.init) ?? "") }

    /// The pieces of a compact code, without checking them against a template: `14HH2` -> (14, HH, 2).
    package static func split(code: String) -> (part: String, type: String, degree: Int?)? {
        let chars = Array(code)
        var index = 0
        while index < chars.count, chars[index].isASCIIDigit { index += 1 }
        let part = String(chars[0..<index])
        let letterStart = index
        while index < chars.count, chars[index].isASCII, chars[index].isLetter { index += 1 }
        let type = String(chars[letterStart..<index])
        let rest = String(chars[index...])
        guard !part.isEmpty, !type.isEmpty, rest.allSatisfy(\.isASCIIDigit) else { return nil }
        if rest.isEmpty { return (part, type, nil) }
        guard rest.count <= 2, let degree = Int(rest) else { return nil }
        return (part, type, degree)
    }
}
