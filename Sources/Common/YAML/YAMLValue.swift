/// A parsed YAML (or JSON) node with its position, detached from the parser.
///
/// Scalars keep their raw text and whether they were plain (unquoted): types are decided by the
/// reader of each field, so `reading: "48210"` can be told apart from `reading: 48210`.
package struct YAMLValue: Sendable {
    /// The shape of a node.
    package enum Kind: Sendable {
        /// A scalar: its text and whether it was written without quotes or block style.
        case scalar(String, plain: Bool)
        /// A sequence, in order.
        case sequence([YAMLValue])
        /// A mapping, in document order (keys are unique: duplicates are rejected when parsing).
        case mapping([(key: YAMLValue, value: YAMLValue)])
    }

    /// The node.
    package var kind: Kind
    /// Where the node starts.
    package var location: SourceLocation

    /// Creates a node.
    package init(_ kind: Kind, at location: SourceLocation) {
        self.kind = kind
        self.location = location
    }

    /// The scalar text, if this is a scalar.
    package var scalarText: String? {
        if case let .scalar(text, _) = kind { return text }
        return nil
    }

    /// True for a plain `null`, `~` or empty scalar.
    package var isNull: Bool {
        guard case let .scalar(text, plain) = kind, plain else { return false }
        return text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
    }

    /// The integer value of a plain decimal integer scalar (`48210`, `-3`); nil for anything else.
    package var plainInteger: Int? {
        guard case let .scalar(text, plain) = kind, plain else { return nil }
        var digits = Substring(text)
        if digits.first == "-" || digits.first == "+" { digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.count <= 18, digits.allSatisfy(\.isASCIIDigit) else { return nil }
        return Int(text.hasPrefix("+") ? String(text.dropFirst()) : text)
    }

    /// True for a plain scalar that is a decimal number with a fraction or exponent (`48210.5`, `1e6`).
    package var isPlainNonIntegerNumber: Bool {
        guard case let .scalar(text, plain) = kind, plain, plainInteger == nil else { return false }
        return Double(text) != nil && text.contains(where: { $0.isASCIIDigit })
    }

    /// `true`/`false` written plain.
    package var plainBool: Bool? {
        guard case let .scalar(text, plain) = kind, plain else { return nil }
        switch text {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default: return nil
        }
    }

    /// What a user would call this node in an error message.
    package var kindName: String {
        switch kind {
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        case let .scalar(text, plain):
            if isNull { return "null" }
            if plainInteger != nil { return "the integer \(text)" }
            if isPlainNonIntegerNumber { return "the number \(text)" }
            if plainBool != nil { return "the boolean \(text)" }
            return plain ? "the text \"\(text)\"" : "the quoted text \"\(text)\""
        }
    }

    /// The value for `key` in a mapping.
    package subscript(key: String) -> YAMLValue? {
        guard case let .mapping(pairs) = kind else { return nil }
        return pairs.first { $0.key.scalarText == key }?.value
    }
}
