/// Typed reads of ``YAMLValue`` nodes that record what was found and what was expected.
extension DiagnosticLog {
    /// The pairs of a mapping whose keys are all scalars; records an error and returns nil otherwise.
    package mutating func mapping(_ value: YAMLValue, item: String?) -> [(key: String, keyAt: SourceLocation, value: YAMLValue)]? {
        guard case let .mapping(pairs) = value.kind else {
            error("expected a mapping, found \(value.kindName)", at: value.location, item: item)
            return nil
        }
        var result: [(key: String, keyAt: SourceLocation, value: YAMLValue)] = []
        for pair in pairs {
            guard let key = pair.key.scalarText else {
                error("keys must be plain text, found \(pair.key.kindName)", at: pair.key.location, item: item)
                continue
            }
            result.append((key, pair.key.location, pair.value))
        }
        return result
    }

    /// Records an error for every key not in `allowed`, naming the allowed keys.
    package mutating func rejectUnknownKeys(
        _ pairs: [(key: String, keyAt: SourceLocation, value: YAMLValue)], allowed: [String], item: String?
    ) {
        for pair in pairs where !allowed.contains(pair.key) {
            error("unknown key \"\(pair.key)\" (allowed: \(allowed.joined(separator: " ")))", at: pair.keyAt, item: item)
        }
    }

    /// Records an error when a required key is absent.
    package mutating func require(
        _ key: String, in pairs: [(key: String, keyAt: SourceLocation, value: YAMLValue)], at location: SourceLocation,
        item: String?
    ) -> YAMLValue? {
        if let found = pairs.first(where: { $0.key == key }) { return found.value }
        error("missing required key \"\(key)\"", at: location, item: item)
        return nil
    }

    /// Any non-null scalar as text (numbers and booleans keep their literal spelling).
    package mutating func text(_ value: YAMLValue, item: String?, field: String, allowEmpty: Bool = false) -> String? {
        guard case let .scalar(text, _) = value.kind, !value.isNull else {
            error("\(field) must be text, found \(value.kindName)", at: value.location, item: item)
            return nil
        }
        if !allowEmpty && text.trimmingWhitespace.isEmpty {
            error("\(field) must not be empty", at: value.location, item: item)
            return nil
        }
        if let bad = text.unicodeScalars.first(where: Self.isForbidden) {
            let code = String(bad.value, radix: 16, uppercase: true)
            error(
                "\(field) contains the control character U+\(String(repeating: "0", count: max(0, 4 - code.count)))\(code); remove it",
                at: value.location, item: item)
            return nil
        }
        return text
    }

    /// Characters no text field may hold: C0 and C1 controls (tab and line breaks excepted), DEL, and the bidi
    /// embedding, override and isolate controls that can make a note or name display differently from what it says.
    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: false
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// A plain integer; quoted numbers, fractions and other text are errors.
    package mutating func integer(_ value: YAMLValue, item: String?, field: String) -> Int? {
        if let number = value.plainInteger { return number }
        if value.isPlainNonIntegerNumber {
            error("\(field) must be a whole number, found \(value.kindName)", at: value.location, item: item)
        } else {
            error("\(field) must be an integer, found \(value.kindName)", at: value.location, item: item)
        }
        return nil
    }

    /// A plain decimal number (`0.25`, `60`, `1e3`).
    package mutating func number(_ value: YAMLValue, item: String?, field: String) -> Double? {
        guard case let .scalar(text, plain) = value.kind, plain, let number = Double(text), number.isFinite,
            text.contains(where: { $0.isASCIIDigit })
        else {
            error("\(field) must be a number, found \(value.kindName)", at: value.location, item: item)
            return nil
        }
        return number
    }

    /// One of `allowed`, spelled exactly.
    package mutating func choice(_ value: YAMLValue, allowed: [String], item: String?, field: String) -> String? {
        guard let text = text(value, item: item, field: field) else { return nil }
        guard allowed.contains(text) else {
            error("\(field) \"\(text)\" is not allowed (allowed: \(allowed.joined(separator: " ")))", at: value.location, item: item)
            return nil
        }
        return text
    }

    /// The items of a list.
    package mutating func list(_ value: YAMLValue, item: String?, field: String) -> [YAMLValue]? {
        guard case let .sequence(items) = value.kind else {
            error("\(field) must be a list, found \(value.kindName)", at: value.location, item: item)
            return nil
        }
        return items
    }
}

extension StringProtocol {
    /// The text without leading and trailing white space.
    package var trimmingWhitespace: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}
