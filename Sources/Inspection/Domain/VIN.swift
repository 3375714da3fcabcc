/// A 17-character vehicle identification number (ISO 3779, 49 CFR 565, GB 16735).
package struct VIN: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The 17 characters.
    package let value: String

    /// The problems a VIN string can have, in the order they are checked.
    package enum Problem: Sendable, Equatable, CustomStringConvertible {
        /// Not 17 characters long.
        case length(Int)
        /// Characters outside `A-H J-N P R-Z 0-9` (I, O, Q are never valid; lower case is not accepted).
        case characters([Character])
        /// Position 9 does not match the weighted mod-11 check digit.
        case checkDigit(expected: Character, found: Character)

        package var description: String {
            switch self {
            case let .length(count): "must be 17 characters, found \(count)"
            case let .characters(bad):
                "has characters that are never valid in a VIN: \(bad.map { "\"\($0)\"" }.joined(separator: " ")) (allowed: digits and A-Z except I, O, Q, upper case)"
            case let .checkDigit(expected, found): "check digit (position 9) is \"\(found)\", the VIN's other characters give \"\(expected)\""
            }
        }
    }

    private static let weights = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]

    /// Wraps a string already checked with ``problem(in:)``.
    package init(unchecked value: String) { self.value = value }

    /// Transliteration value of a VIN character, or nil if the character is not allowed.
    package static func transliteration(_ char: Character) -> Int? {
        switch char {
        case "0"..."9": return char.wholeNumberValue
        case "A", "J": return 1
        case "B", "K", "S": return 2
        case "C", "L", "T": return 3
        case "D", "M", "U": return 4
        case "E", "N", "V": return 5
        case "F", "W": return 6
        case "G", "P", "X": return 7
        case "H", "Y": return 8
        case "R", "Z": return 9
        default: return nil
        }
    }

    /// The check digit the other 16 characters call for (`0`-`9` or `X`), or nil if a character is invalid.
    package static func expectedCheckDigit(_ text: String) -> Character? {
        let chars = Array(text)
        guard chars.count == 17 else { return nil }
        var sum = 0
        for (index, char) in chars.enumerated() {
            guard let value = transliteration(char) else { return nil }
            sum += value * weights[index]
        }
        let remainder = sum % 11
        return remainder == 10 ? "X" : Character(String(remainder))
    }

    /// The first structural problem of `text`, or nil when length and characters are right and the check digit matches.
    package static func problem(in text: String) -> Problem? {
        let chars = Array(text)
        guard chars.count == 17 else { return .length(chars.count) }
        let bad = chars.filter { transliteration($0) == nil }
        if !bad.isEmpty { return .characters(bad) }
        guard let expected = expectedCheckDigit(text) else { return .characters([]) }
        return chars[8] == expected ? nil : .checkDigit(expected: expected, found: chars[8])
    }

    /// True when a wrong check digit is an error: the check digit is mandatory for VINs made for China (`L`)
    /// and North America (`1`-`5`); elsewhere it is optional and a mismatch is only a warning.
    package static func checkDigitMandatory(_ text: String) -> Bool {
        guard let first = text.first else { return false }
        return first == "L" || ("1"..."5").contains(first)
    }

    /// The model years position 10 may stand for (two 30-year cycles), or nil for a code that is not a year.
    package var modelYears: [Int] {
        let codes = Array("ABCDEFGHJKLMNPRSTVWXY123456789")
        guard let code = Array(value).dropFirst(9).first, let index = codes.firstIndex(of: code) else { return [] }
        return [1980 + index, 2010 + index]
    }

    /// True for VINs made for North America (WMI starting `1`-`5`), where position 7 tells the model-year cycle.
    package var isNorthAmerican: Bool { value.first.map { ("1"..."5").contains($0) } ?? false }

    /// What position 10 says about the model year of a car inspected in `inspectionYear`.
    package enum ModelYear: Sendable, Hashable {
        /// The model year.
        case year(Int)
        /// Position 10 is not a model-year code (`U`, `Z`, `0`, ...).
        case notAYearCode
        /// The code can only mean a year later than the latest possible one (`latest`: next year, or the first
        /// registration's year + 1).
        case impossible(year: Int, latest: Int, becauseOfRegistration: Bool)
    }

    /// The model year of a car inspected in `inspectionYear`, first registered in `firstRegisteredYear` if known.
    /// No car is of a model year after next year, nor registered more than a year before its model year. North
    /// American VINs: position 7 alphabetic means the 2010 cycle, numeric the 1980 cycle (49 CFR 565.15), and a year
    /// past the latest possible one is impossible. Other VINs: the most recent year of the 30-year cycle that is
    /// possible (`C` inspected in 2026 is 2012, not 1982).
    package func modelYear(inspectedIn inspectionYear: Int, firstRegisteredYear: Int? = nil) -> ModelYear {
        let years = modelYears
        let chars = Array(value)
        guard years.count == 2, chars.count == 17 else { return .notAYearCode }
        let latest = min(inspectionYear + 1, firstRegisteredYear.map { $0 + 1 } ?? Int.max)
        let byRegistration = (firstRegisteredYear.map { $0 + 1 } ?? Int.max) <= inspectionYear + 1
        if isNorthAmerican {
            let year = chars[6].isLetter ? years[1] : years[0]
            return year <= latest ? .year(year) : .impossible(year: year, latest: latest, becauseOfRegistration: byRegistration)
        }
        guard let year = years.last(where: { $0 <= latest }) else {
            return .impossible(year: years[0], latest: latest, becauseOfRegistration: byRegistration)
        }
        return .year(year)
    }

    package var description: String { value }
}
