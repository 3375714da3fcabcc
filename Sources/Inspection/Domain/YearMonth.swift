import Common

/// A month of a year, `YYYY-MM`: a car's production date (出厂日期) as the nameplate gives it.
package struct YearMonth: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// Year.
    package let year: Int
    /// Month, 1-12.
    package let month: Int

    /// Parses exactly `YYYY-MM` with a real month; nil otherwise.
    package init?(parsing text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
            let y = Int(parts[0]), let m = Int(parts[1]), (1...9999).contains(y), (1...12).contains(m)
        else { return nil }
        (year, month) = (y, m)
    }

    /// The month a date falls in.
    package init(_ date: CalendarDate) { (year, month) = (date.year, date.month) }

    /// `YYYY-MM`.
    package var description: String { "\(year)-\(month < 10 ? "0" : "")\(month)" }

    package static func < (a: YearMonth, b: YearMonth) -> Bool { (a.year, a.month) < (b.year, b.month) }

    package init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = YearMonth(parsing: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not YYYY-MM: \(text)"))
        }
        self = value
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
