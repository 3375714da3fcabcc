/// HTML text helpers: everything user-provided goes through ``escape(_:)``.
enum HTML {
    /// `&`, `<`, `>`, `"` and `'` escaped, so text can go into element content and attribute values.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for char in text {
            switch char {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(char)
            }
        }
        return out
    }
}
