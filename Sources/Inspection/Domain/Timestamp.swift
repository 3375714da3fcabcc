/// An ISO 8601 instant written with its zone, e.g. `2026-11-20T09:30:00+08:00`.
///
/// The original text is kept (reports show local time as the inspector wrote it); ``epochSeconds``
/// orders and compares instants.
package struct Timestamp: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// The text as written.
    package let text: String
    /// Seconds since 1970-01-01T00:00:00Z.
    package let epochSeconds: Int64
    /// The zone offset in minutes east of UTC.
    package let offsetMinutes: Int

    /// Why a string is not an acceptable timestamp.
    package enum Problem: Error, Sendable, Equatable, CustomStringConvertible {
        /// Not of the form `YYYY-MM-DDTHH:MM:SS±HH:MM`.
        case format
        /// A date or time field out of range.
        case outOfRange
        /// No `Z` or `±HH:MM` at the end.
        case missingZone

        package var description: String {
            switch self {
            case .format: "must be an ISO 8601 time like 2026-11-20T09:30:00+08:00"
            case .outOfRange: "has a date or time field out of range"
            case .missingZone: "has no time zone; add Z or an offset such as +08:00"
            }
        }
    }

    /// Parses `text`, or returns why it cannot.
    package static func parse(_ text: String) -> Result<Timestamp, Problem> {
        let chars = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= chars.count else { return nil }
            var value = 0
            for byte in chars[range] {
                guard (0x30...0x39).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        guard chars.count >= 19, let year = number(0..<4), chars[4] == UInt8(ascii: "-"), let month = number(5..<7),
            chars[7] == UInt8(ascii: "-"), let day = number(8..<10), chars[10] == UInt8(ascii: "T") || chars[10] == UInt8(ascii: " "),
            let hour = number(11..<13), chars[13] == UInt8(ascii: ":"), let minute = number(14..<16),
            chars[16] == UInt8(ascii: ":"), let second = number(17..<19)
        else { return .failure(.format) }
        var index = 19
        if index < chars.count, chars[index] == UInt8(ascii: ".") {
            index += 1
            let start = index
            while index < chars.count, (0x30...0x39).contains(chars[index]) { index += 1 }
            if index == start { return .failure(.format) }
        }
        guard index < chars.count else { return .failure(.missingZone) }
        var offset = 0
        if chars[index] == UInt8(ascii: "Z") || chars[index] == UInt8(ascii: "z") {
            guard index + 1 == chars.count else { return .failure(.format) }
        } else if chars[index] == UInt8(ascii: "+") || chars[index] == UInt8(ascii: "-") {
            guard chars.count == index + 6, let oh = number((index + 1)..<(index + 3)), chars[index + 3] == UInt8(ascii: ":"),
                let om = number((index + 4)..<(index + 6))
            else { return .failure(.format) }
            guard oh <= 14, om < 60 else { return .failure(.outOfRange) }
            offset = (oh * 60 + om) * (chars[index] == UInt8(ascii: "-") ? -1 : 1)
        } else {
            return .failure(.format)
        }
        guard CalendarDate.isValid(year: year, month: month, day: day), hour < 24, minute < 60, second < 60 else {
            return .failure(.outOfRange)
        }
        let days = CalendarDate.daysSinceEpoch(year: year, month: month, day: day)
        let seconds = Int64(days) * 86_400 + Int64(hour * 3600 + minute * 60 + second) - Int64(offset * 60)
        return .success(Timestamp(text: text, epochSeconds: seconds, offsetMinutes: offset))
    }

    /// The instant `epochSeconds` written in UTC (`...Z`).
    package init(epochSeconds: Int64) {
        self.epochSeconds = epochSeconds
        self.offsetMinutes = 0
        self.text = Self.utcText(epochSeconds)
    }

    private init(text: String, epochSeconds: Int64, offsetMinutes: Int) {
        self.text = text
        self.epochSeconds = epochSeconds
        self.offsetMinutes = offsetMinutes
    }

    /// The instant `seconds` later, written in the same zone (`2026-11-27T20:40:00+08:00` plus 7 days is
    /// `2026-12-04T20:40:00+08:00`).
    package func adding(seconds: Int64) -> Timestamp {
        let epoch = epochSeconds + seconds
        let local = Self.utcText(epoch + Int64(offsetMinutes * 60)).dropLast()
        let sign = offsetMinutes < 0 ? "-" : "+", magnitude = abs(offsetMinutes)
        let zone = offsetMinutes == 0 && text.hasSuffix("Z") ? "Z" : "\(sign)\(Self.pad(magnitude / 60)):\(Self.pad(magnitude % 60))"
        return Timestamp(text: local + zone, epochSeconds: epoch, offsetMinutes: offsetMinutes)
    }

    /// The same instant written in `other`'s zone (a report generated at `…T01:00:00Z` about a car inspected at
    /// `+08:00` says `…T09:00:00+08:00`: one zone per output).
    package func inZone(of other: Timestamp) -> Timestamp {
        guard other.offsetMinutes != offsetMinutes || other.text.hasSuffix("Z") != text.hasSuffix("Z") else { return self }
        return other.adding(seconds: epochSeconds - other.epochSeconds)
    }

    /// The instant as `YYYY-MM-DDTHH:MM:SSZ`.
    package var utcText: String { Self.utcText(epochSeconds) }

    /// The local date written (`2026-11-20` for `2026-11-20T09:30:00+08:00`): the day at the site, which is the day
    /// an inspection belongs to in a period.
    package var localDate: CalendarDate? { CalendarDate(parsing: String(text.prefix(10))) }

    /// The calendar year of the local date written (`2026` for `2026-11-20T09:30:00+08:00`).
    package var localYear: Int { Int(text.prefix(4)) ?? 0 }

    private static func utcText(_ epochSeconds: Int64) -> String {
        let days = Int(floorDivide(epochSeconds, 86_400))
        let secondsOfDay = Int(epochSeconds - Int64(days) * 86_400)
        let date = CalendarDate.fromDaysSinceEpoch(days)
        return "\(date.description)T\(pad(secondsOfDay / 3600)):\(pad(secondsOfDay / 60 % 60)):\(pad(secondsOfDay % 60))Z"
    }

    private static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
    private static func floorDivide(_ a: Int64, _ b: Int64) -> Int64 { a >= 0 ? a / b : -((-a + b - 1) / b) }

    package static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.epochSeconds < rhs.epochSeconds }
    package var description: String { text }
}
