/// A label in Chinese and English, as every template label must be.
package struct LocalizedText: Sendable, Hashable, Codable {
    /// The Chinese label.
    package var zh: String
    /// The English label.
    package var en: String

    /// Creates a bilingual label.
    package init(zh: String, en: String) {
        self.zh = zh
        self.en = en
    }

    /// `左A柱 (Left A-pillar)`: both languages, Chinese first.
    package var both: String { zh == en ? zh : "\(zh) (\(en))" }
}
