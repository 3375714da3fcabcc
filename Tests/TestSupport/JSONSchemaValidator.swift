import Foundation

/// A small JSON Schema (draft 2020-12) validator for the keywords the project's schemas use: `type`, `properties`,
/// `required`, `additionalProperties` (boolean), `items`, `minItems`, `enum`, `const`, `minimum`, `pattern` and local `$ref`s
/// (`type` as a name or a list of names).
/// Anything else in a schema is reported, so a schema can't silently outgrow it.
package struct JSONSchemaValidator {
    private let root: [String: Any]

    /// Loads a schema file.
    package init(schemaAt url: URL) throws {
        root = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any] ?? [:]
    }

    /// Every violation, as `path: problem`; empty when `json` is valid.
    package func validate(json: Data) throws -> [String] {
        let instance = try JSONDecoder().decode(JSONValue.self, from: json)
        var problems: [String] = []
        check(instance.plain, against: root, path: "$", problems: &problems)
        return problems
    }

    /// A JSON value that keeps booleans, integers and other numbers apart (JSONSerialization's NSNumbers do not, on Linux).
    private enum JSONValue: Decodable {
        case null, bool(Bool), integer(Int), number(Double), string(String), array([JSONValue]), object([String: JSONValue])

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                self = .null
            } else if let value = try? container.decode(Bool.self) {
                self = .bool(value)
            } else if let value = try? container.decode(Int.self) {
                self = .integer(value)
            } else if let value = try? container.decode(Double.self) {
                self = .number(value)
            } else if let value = try? container.decode(String.self) {
                self = .string(value)
            } else if let value = try? container.decode([JSONValue].self) {
                self = .array(value)
            } else {
                self = .object(try container.decode([String: JSONValue].self))
            }
        }

        var plain: Any {
            switch self {
            case .null: Optional<Int>.none as Any
            case let .bool(value): TypedBool(value: value)
            case let .integer(value): value
            case let .number(value): value
            case let .string(value): value
            case let .array(values): values.map(\.plain)
            case let .object(values): values.mapValues(\.plain)
            }
        }
    }

    private struct TypedBool: CustomStringConvertible {
        let value: Bool
        var description: String { "\(value)" }
    }

    private static let known: Set<String> = [
        "$schema", "$id", "$defs", "$ref", "title", "description", "type", "properties", "required", "additionalProperties", "items", "enum",
        "const", "minimum", "pattern", "minItems",
    ]

    private func resolve(_ reference: String) -> [String: Any]? {
        guard reference.hasPrefix("#/") else { return nil }
        var node: Any = root
        for key in reference.dropFirst(2).split(separator: "/") {
            guard let object = node as? [String: Any], let next = object[String(key)] else { return nil }
            node = next
        }
        return node as? [String: Any]
    }

    private func typeName(_ value: Any) -> String {
        switch value {
        case is TypedBool: return "boolean"
        case is Int: return "integer"
        case is Double: return "number"
        case is String: return "string"
        case is [Any]: return "array"
        case is [String: Any]: return "object"
        default: return "null"
        }
    }

    private func check(_ value: Any, against schema: [String: Any], path: String, problems: inout [String]) {
        for key in schema.keys where !Self.known.contains(key) {
            problems.append("\(path): schema keyword \(key) is not supported by the test validator")
        }
        if let reference = schema["$ref"] as? String {
            guard let target = resolve(reference) else {
                problems.append("\(path): unresolvable $ref \(reference)")
                return
            }
            check(value, against: target, path: path, problems: &problems)
        }
        let actual = typeName(value)
        // `type` is one name or a list of them (`["object", "null"]`).
        if let types = (schema["type"] as? String).map({ [$0] }) ?? (schema["type"] as? [String]) {
            let ok = types.contains { $0 == actual || ($0 == "number" && actual == "integer") }
            if !ok {
                problems.append("\(path): expected \(types.joined(separator: " or ")), found \(actual)")
                return
            }
            if actual == "null" { return }
        }
        if let allowed = schema["enum"] as? [Any], !allowed.contains(where: { "\($0)" == "\(value)" }) {
            problems.append("\(path): \(value) is not one of \(allowed)")
        }
        if let constant = schema["const"], "\(constant)" != "\(value)" { problems.append("\(path): expected \(constant), found \(value)") }
        let number = (value as? Int).map(Double.init) ?? (value as? Double)
        let minimum = (schema["minimum"] as? NSNumber)?.doubleValue
        if let minimum, let number, number < minimum { problems.append("\(path): \(number) is below \(minimum)") }
        if let pattern = schema["pattern"] as? String, let text = value as? String {
            let matches = (try? NSRegularExpression(pattern: pattern))?.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
            if !matches { problems.append("\(path): \"\(text)\" does not match \(pattern)") }
        }
        if let object = value as? [String: Any] {
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for key in schema["required"] as? [String] ?? [] where object[key] == nil { problems.append("\(path): missing required \(key)") }
            for (key, item) in object.sorted(by: { $0.key < $1.key }) {
                if let property = properties[key] as? [String: Any] {
                    check(item, against: property, path: "\(path).\(key)", problems: &problems)
                } else if (schema["additionalProperties"] as? Bool) == false {
                    problems.append("\(path): unexpected key \(key)")
                }
            }
        }
        if let array = value as? [Any], let least = schema["minItems"] as? Int, array.count < least {
            problems.append("\(path): \(array.count) items, fewer than \(least)")
        }
        if let array = value as? [Any], let items = schema["items"] as? [String: Any] {
            for (index, item) in array.enumerated() { check(item, against: items, path: "\(path)[\(index)]", problems: &problems) }
        }
    }
}
