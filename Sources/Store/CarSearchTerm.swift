import Foundation

/// One term of a car text lookup: its words in order (a phrase) and whether the last one matches as a prefix. Every
/// term must match. The store writes the backend's query from these (FTS5 on SQLite, `tsquery` on PostgreSQL); the
/// words are letters, digits or one CJK character each, so they need no escaping beyond quoting.
package struct CarSearchTerm: Sendable, Hashable {
    package var words: [String]
    package var prefix: Bool

    /// Creates a term.
    package init(words: [String], prefix: Bool) {
        self.words = words
        self.prefix = prefix
    }

    /// SQLite FTS5: `"jetta"* AND "天 窗"`.
    package static func fts5(_ terms: [CarSearchTerm]) -> String {
        terms.map { "\"" + $0.words.joined(separator: " ") + "\"" + ($0.prefix ? "*" : "") }.joined(separator: " AND ")
    }

    /// PostgreSQL `to_tsquery('simple', …)`: `'jetta':* & ('天' <-> '窗')`.
    package static func tsquery(_ terms: [CarSearchTerm]) -> String {
        terms.map { term in
            let words = term.words.enumerated().map { index, word in
                "'\(word.replacingOccurrences(of: "'", with: "''"))'" + (term.prefix && index == term.words.count - 1 ? ":*" : "")
            }
            return "(" + words.joined(separator: " <-> ") + ")"
        }.joined(separator: " & ")
    }
}
