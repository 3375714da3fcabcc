/// libyaml's problems in words a person who wrote the file can act on; the parser's own words follow in brackets
/// for whoever knows YAML.
enum YAMLSyntaxWording {
    /// One sentence for `problem` (found at a line), raised while parsing `context` that began on `contextLine`.
    static func sentence(problem: String, context: String?, contextLine: Int?) -> String {
        let opened = contextLine.map { " opened on line \($0)" } ?? ""
        let plain: String? =
            switch problem {
            case "did not find expected ',' or '}'":
                "the { \(opened.isEmpty ? "here" : opened.dropFirst()) is not closed: a '}' is missing, or a ',' between its entries"
            case "did not find expected ',' or ']'":
                "the [ \(opened.isEmpty ? "here" : opened.dropFirst()) is not closed: a ']' is missing, or a ',' between its items"
            case "mapping values are not allowed in this context":
                "a 'key: value' where none can start: indent this line like the keys it belongs with, or quote a value that contains ': '"
            case "found character that cannot start any token": "a character YAML cannot read here (a tab? indent with spaces only)"
            case "could not find expected ':'": "a line in a mapping without its ':' (each line reads 'key: value')"
            case "did not find expected key": "this line does not line up with the keys above it: check its indentation"
            case "did not find expected '-' indicator":
                "this line does not line up with the list above it: each item starts with '- ' at the same indentation"
            case "did not find expected node content": "a value is missing here (a ',' with nothing after it, or a '[', '{' or '- ' left empty)"
            case "found unexpected end of stream": "the file ends inside a quoted text: a closing quote is missing"
            case "found unknown escape character":
                "an unknown escape after '\\' in a double-quoted text (write the character itself or use single quotes)"
            default: nil
            }
        let words = problem + (context.map { " (\($0)\(contextLine.map { " at line \($0)" } ?? ""))" } ?? "")
        guard let plain else { return words }
        return "\(plain) [YAML: \(words)]"
    }
}
