/// The wordings of a module's messages: one table per language, keyed by ``Notice/code``, with `{name}` placeholders.
/// Tests check that both languages have the same codes and placeholders, and that the Chinese wording has no English.
package struct MessageTable: Sendable {
    /// Chinese wordings.
    package let zh: [String: String]
    /// English wordings.
    package let en: [String: String]

    /// A table from its two languages.
    package init(zh: [String: String], en: [String: String]) {
        self.zh = zh
        self.en = en
    }

    /// Both wordings of `code` with placeholders filled; an unknown code shows itself (a test keeps that from
    /// happening).
    package func wording(_ code: String, params: [String: NoticeValue], labels: [String: LocalizedText]) -> LocalizedText {
        LocalizedText(
            zh: Self.fill(zh[code] ?? code, params: params, labels: labels.mapValues(\.zh)),
            en: Self.fill(en[code] ?? code, params: params, labels: labels.mapValues(\.en)))
    }

    /// The placeholder names of a wording: `{below_km}` -> `below_km`.
    package static func placeholders(_ wording: String) -> Set<String> {
        var names: Set<String> = []
        var rest = Substring(wording)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.insert(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }

    private static func fill(_ wording: String, params: [String: NoticeValue], labels: [String: String]) -> String {
        var out = ""
        var rest = Substring(wording)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            out += rest[..<open]
            let name = String(rest[rest.index(after: open)..<close])
            out += labels[name] ?? params[name]?.shown ?? ""
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }
}
