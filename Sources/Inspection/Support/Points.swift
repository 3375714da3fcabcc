import Common

/// A score or deduction in hundredths of a point, so sums are exact and output is deterministic.
package struct Points: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The value in hundredths of a point (`87.5` is `8750`).
    package var hundredths: Int

    /// Creates a value from hundredths of a point.
    package init(hundredths: Int) { self.hundredths = hundredths }

    /// Creates a value from whole points.
    package init(_ whole: Int) { self.hundredths = whole * 100 }

    /// Parses `20`, `0.5`, `1.25` (at most two decimals, no exponent). Returns nil otherwise.
    package init?(parsing text: String) {
        var rest = Substring(text)
        var negative = false
        if rest.first == "-" { negative = true; rest = rest.dropFirst() } else if rest.first == "+" { rest = rest.dropFirst() }
        let parts = rest.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let wholeText = parts.first, !wholeText.isEmpty,
            wholeText.allSatisfy(\.isASCIIDigit), wholeText.count <= 9, let whole = Int(wholeText)
        else { return nil }
        var fraction = 0
        if parts.count == 2 {
            let digits = parts[1]
            guard !digits.isEmpty, digits.count <= 2, digits.allSatisfy(\.isASCIIDigit), let value = Int(digits) else { return nil }
            fraction = digits.count == 1 ? value * 10 : value
        }
        hundredths = (whole * 100 + fraction) * (negative ? -1 : 1)
    }

    /// Zero points.
    package static let zero = Points(hundredths: 0)

    /// `87.5`, `90`, `0.25`: no locale, no trailing zeros.
    package var description: String {
        let sign = hundredths < 0 ? "-" : ""
        let magnitude = abs(hundredths)
        let whole = magnitude / 100
        let fraction = magnitude % 100
        if fraction == 0 { return "\(sign)\(whole)" }
        if fraction % 10 == 0 { return "\(sign)\(whole).\(fraction / 10)" }
        return "\(sign)\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    package static func < (lhs: Points, rhs: Points) -> Bool { lhs.hundredths < rhs.hundredths }
    package static func + (lhs: Points, rhs: Points) -> Points { Points(hundredths: lhs.hundredths + rhs.hundredths) }
    package static func - (lhs: Points, rhs: Points) -> Points { Points(hundredths: lhs.hundredths - rhs.hundredths) }
    package static func += (lhs: inout Points, rhs: Points) { lhs.hundredths += rhs.hundredths }

    package init(from decoder: any Decoder) throws {
        hundredths = try decoder.singleValueContainer().decode(Int.self)
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(hundredths)
    }
}
