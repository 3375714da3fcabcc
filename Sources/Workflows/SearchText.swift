import Store

/// The words of the car lookup, one rule for what is indexed and what is asked: lower case; letters and digits form
/// words; every CJK character is a word of its own (so 天窗 finds 全景天窗); everything else separates.
package enum SearchText {
    /// The words of `text`.
    package static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        for scalar in text.lowercased().unicodeScalars {
            if isCJK(scalar) {
                if !current.isEmpty { words.append(current) }
                current = ""
                words.append(String(scalar))
            } else if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// The indexed text of `fields`: their words separated by spaces.
    package static func document(_ fields: [String]) -> String { fields.flatMap(words).joined(separator: " ") }

    /// The terms of what a person typed: every term must match; a term of several words is a phrase; a term ending in
    /// letters or digits matches as a prefix (`jet` finds Jetta). Empty when the text has no words.
    package static func terms(_ text: String) -> [CarSearchTerm] {
        text.split(whereSeparator: \.isWhitespace).compactMap { term -> CarSearchTerm? in
            let words = words(String(term))
            guard let last = words.last else { return nil }
            return CarSearchTerm(words: words, prefix: last.unicodeScalars.allSatisfy { !isCJK($0) })
        }
    }

    /// CJK ideographs, kana and hangul.
    static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF, 0x20000...0x2FFFF: true
        default: false
        }
    }
}
