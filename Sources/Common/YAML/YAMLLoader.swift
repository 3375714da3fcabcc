import Yams

/// Turns the bytes of a YAML or JSON file into a ``YAMLValue`` tree, or into diagnostics.
///
/// Everything a hostile file can do is bounded here: size, encoding, NUL bytes, nesting depth,
/// anchors and aliases (a billion-laughs document is rejected at its first anchor, before anything
/// is expanded), node count, several documents in one file, and duplicate keys.
package enum YAMLLoader {
    /// The syntax a file is read with.
    package enum Syntax: String, Sendable {
        case yaml
        case json

        /// `.json` files are JSON; everything else is YAML.
        package static func forPath(_ path: String) -> Syntax {
            path.lowercased().hasSuffix(".json") ? .json : .yaml
        }
    }

    /// Reads `bytes`; returns nil (with at least one error in `log`) when the document cannot be used.
    package static func load(
        _ bytes: [UInt8], syntax: Syntax, limits: YAMLLimits, what: String, log: inout DiagnosticLog
    ) -> YAMLValue? {
        guard bytes.count <= limits.maxBytes else {
            log.error("file is \(bytes.count) bytes; a \(what) may be at most \(limits.maxBytes) bytes", at: nil)
            return nil
        }
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if let nul = body.firstIndex(of: 0) {
            log.error("contains a NUL byte; a \(what) must be UTF-8 text", at: location(ofOffset: nul - body.startIndex, in: body))
            return nil
        }
        guard let text = String(validating: body, as: UTF8.self) else {
            let offset = firstInvalidUTF8Offset(body)
            log.error("is not valid UTF-8 (first bad byte at offset \(offset)); save the \(what) as UTF-8", at: location(ofOffset: offset, in: body))
            return nil
        }
        if text.allSatisfy(\.isWhitespace) {
            log.error("file is empty; expected a \(what)", at: nil)
            return nil
        }
        if let (depth, where_) = flowDepthExceeding(limits.maxDepth, in: text) {
            log.error("nesting deeper than \(limits.maxDepth) levels (reached \(depth)); a \(what) is never nested this deep", at: where_)
            return nil
        }
        if syntax == .json, let problem = jsonSyntaxProblem(text) {
            log.error("is not valid JSON: \(problem)", at: nil)
            return nil
        }
        do {
            let parser = try Parser(yaml: text)
            guard let root = try parser.singleRoot() else {
                log.error("file is empty; expected a \(what)", at: nil)
                return nil
            }
            var converter = Converter(limits: limits)
            let value = converter.convert(root, depth: 0, log: &log)
            // Keep the parser (which owns the anchors) alive until the tree is converted.
            withExtendedLifetime(parser) {}
            return log.hasErrors ? nil : value
        } catch let error as YamlError {
            record(error, text: text, log: &log)
            return nil
        } catch {
            log.error("could not be read as YAML: \(error)", at: nil)
            return nil
        }
    }

    private struct Converter {
        let limits: YAMLLimits
        var nodes = 0
        var stopped = false

        mutating func convert(_ node: Node, depth: Int, log: inout DiagnosticLog) -> YAMLValue {
            let location = node.mark.map { SourceLocation(line: $0.line, column: $0.column) } ?? SourceLocation(line: 1, column: 1)
            nodes += 1
            if stopped { return YAMLValue(.scalar("", plain: true), at: location) }
            if nodes > limits.maxNodes {
                log.error("document has more than \(limits.maxNodes) nodes", at: location)
                stopped = true
                return YAMLValue(.scalar("", plain: true), at: location)
            }
            if depth > limits.maxDepth {
                log.error("nesting deeper than \(limits.maxDepth) levels", at: location)
                stopped = true
                return YAMLValue(.scalar("", plain: true), at: location)
            }
            if node.anchor != nil {
                log.error("anchors and aliases (&name, *name) are not allowed; write the value out", at: location)
                stopped = true
                return YAMLValue(.scalar("", plain: true), at: location)
            }
            switch node {
            case let .scalar(scalar):
                return YAMLValue(.scalar(scalar.string, plain: scalar.style == .plain), at: location)
            case let .sequence(sequence):
                var items: [YAMLValue] = []
                for item in sequence where !stopped { items.append(convert(item, depth: depth + 1, log: &log)) }
                return YAMLValue(.sequence(items), at: location)
            case let .mapping(mapping):
                var pairs: [(key: YAMLValue, value: YAMLValue)] = []
                for (key, value) in mapping where !stopped {
                    pairs.append((convert(key, depth: depth + 1, log: &log), convert(value, depth: depth + 1, log: &log)))
                }
                return YAMLValue(.mapping(pairs), at: location)
            case .alias:
                log.error("anchors and aliases (&name, *name) are not allowed; write the value out", at: location)
                stopped = true
                return YAMLValue(.scalar("", plain: true), at: location)
            }
        }
    }

    private static func record(_ error: YamlError, text: String, log: inout DiagnosticLog) {
        func loc(_ mark: Mark) -> SourceLocation { SourceLocation(line: mark.line, column: mark.column) }
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            let sentence = YAMLSyntaxWording.sentence(problem: problem, context: context?.text, contextLine: context?.mark.line)
            log.error("YAML syntax error: \(sentence)", at: loc(mark))
        case let .reader(problem, offset, _, _):
            log.error("YAML reader error: \(problem)\(offset.map { " at offset \($0)" } ?? "")", at: nil)
        case let .duplicatedKeysInMapping(duplicates, context):
            let key = duplicates.first ?? "?"
            let first = loc(context.mark)
            let second = secondOccurrence(ofKey: key, after: first, in: text)
            log.error(
                "duplicate key \"\(key)\" (first at line \(first.line)); each key may appear once",
                at: second ?? first)
        default:
            log.error("could not be read as YAML: \(error)", at: nil)
        }
    }

    /// Finds the line where `key` is repeated at the same column as its first occurrence.
    private static func secondOccurrence(ofKey key: String, after first: SourceLocation, in text: String) -> SourceLocation? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard first.line < lines.count else { return nil }
        for index in first.line..<lines.count {
            let scalars = Array(lines[index].unicodeScalars)
            guard scalars.count >= first.column else { continue }
            let rest = String(String.UnicodeScalarView(scalars[(first.column - 1)...]))
            for candidate in [key, "\"\(key)\"", "'\(key)'"] where rest.hasPrefix(candidate + ":") {
                let before = scalars[..<(first.column - 1)]
                if before.allSatisfy({ $0 == " " || $0 == "-" }) { return SourceLocation(line: index + 1, column: first.column) }
            }
        }
        return nil
    }

    /// The deepest flow nesting (`[`/`{`) outside quotes and comments, when it exceeds `limit`.
    private static func flowDepthExceeding(_ limit: Int, in text: String) -> (Int, SourceLocation)? {
        enum State { case normal, single, double, comment }
        var state = State.normal
        var depth = 0
        var line = 1, column = 0
        var previous: Character = "\n"
        var escaped = false
        for char in text {
            column += 1
            if char == "\n" {
                line += 1; column = 0
                if state == .comment { state = .normal }
                previous = char
                continue
            }
            switch state {
            case .comment: break
            case .single: if char == "'" { state = .normal }
            case .double:
                if escaped { escaped = false } else if char == "\\" { escaped = true } else if char == "\"" { state = .normal }
            case .normal:
                let tokenStart = previous.isWhitespace || "[{,:".contains(previous)
                if char == "#" && previous.isWhitespace {
                    state = .comment
                } else if char == "'" && tokenStart {
                    state = .single
                } else if char == "\"" && tokenStart {
                    state = .double
                } else if char == "[" || char == "{" {
                    depth += 1
                    if depth > limit { return (depth, SourceLocation(line: line, column: column)) }
                } else if char == "]" || char == "}" {
                    depth = max(0, depth - 1)
                }
            }
            previous = char
        }
        return nil
    }

    private static func location(ofOffset offset: Int, in bytes: ArraySlice<UInt8>) -> SourceLocation {
        var line = 1, column = 1
        for byte in bytes.prefix(offset) {
            if byte == 0x0A { line += 1; column = 1 } else if byte & 0xC0 != 0x80 { column += 1 }
        }
        return SourceLocation(line: line, column: column)
    }

    private static func firstInvalidUTF8Offset(_ bytes: ArraySlice<UInt8>) -> Int {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        var consumed = 0
        // Track the offset by re-decoding scalar by scalar.
        while true {
            switch decoder.decode(&iterator) {
            case let .scalarValue(scalar):
                offset += UTF8.width(scalar)
                consumed = offset
            case .emptyInput:
                return consumed
            case .error:
                return consumed
            }
        }
    }

    private static func jsonSyntaxProblem(_ text: String) -> String? {
        JSONSyntaxCheck.problem(in: text)
    }
}
