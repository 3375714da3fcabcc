/// A strict RFC 8259 syntax check, so a `.json` submission is real JSON (no comments, trailing commas
/// or YAML-only syntax) before it is read through the YAML parser, which keeps positions.
enum JSONSyntaxCheck {
    /// A description of the first syntax error with its line and column, or nil when `text` is JSON.
    static func problem(in text: String) -> String? {
        var scanner = Scanner(bytes: Array(text.utf8))
        do {
            scanner.skipWhitespace()
            try scanner.value(depth: 0)
            scanner.skipWhitespace()
            if scanner.index < scanner.bytes.count { throw scanner.failure("unexpected text after the document") }
            return nil
        } catch let failure as Failure {
            return failure.message
        } catch {
            return "\(error)"
        }
    }

    private struct Failure: Error {
        let message: String
    }

    private struct Scanner {
        let bytes: [UInt8]
        var index = 0

        func failure(_ what: String) -> Failure {
            var line = 1, column = 1
            for byte in bytes.prefix(index) {
                if byte == 0x0A { line += 1; column = 1 } else if byte & 0xC0 != 0x80 { column += 1 }
            }
            return Failure(message: "\(what) at line \(line), column \(column)")
        }

        mutating func skipWhitespace() {
            while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
        }

        mutating func expect(_ literal: String) throws {
            let expected = Array(literal.utf8)
            guard bytes.count - index >= expected.count, Array(bytes[index..<(index + expected.count)]) == expected else {
                throw failure("expected \(literal)")
            }
            index += expected.count
        }

        mutating func value(depth: Int) throws {
            guard depth < 64 else { throw failure("nesting too deep") }
            guard index < bytes.count else { throw failure("unexpected end of input") }
            switch bytes[index] {
            case UInt8(ascii: "{"):
                index += 1
                skipWhitespace()
                if index < bytes.count, bytes[index] == UInt8(ascii: "}") { index += 1; return }
                while true {
                    skipWhitespace()
                    guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw failure("expected a quoted key") }
                    try string()
                    skipWhitespace()
                    try expect(":")
                    skipWhitespace()
                    try value(depth: depth + 1)
                    skipWhitespace()
                    guard index < bytes.count else { throw failure("unexpected end of input in an object") }
                    if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                    if bytes[index] == UInt8(ascii: "}") { index += 1; return }
                    throw failure("expected , or } in an object")
                }
            case UInt8(ascii: "["):
                index += 1
                skipWhitespace()
                if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1; return }
                while true {
                    skipWhitespace()
                    try value(depth: depth + 1)
                    skipWhitespace()
                    guard index < bytes.count else { throw failure("unexpected end of input in an array") }
                    if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                    if bytes[index] == UInt8(ascii: "]") { index += 1; return }
                    throw failure("expected , or ] in an array")
                }
            case UInt8(ascii: "\""): try string()
            case UInt8(ascii: "t"): try expect("true")
            case UInt8(ascii: "f"): try expect("false")
            case UInt8(ascii: "n"): try expect("null")
            default: try number()
            }
        }

        mutating func string() throws {
            index += 1
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") { index += 1; return }
                if byte < 0x20 { throw failure("control character in a string") }
                if byte == UInt8(ascii: "\\") {
                    index += 1
                    guard index < bytes.count else { break }
                    let escape = bytes[index]
                    if escape == UInt8(ascii: "u") {
                        let hex = bytes[(index + 1)..<min(index + 5, bytes.count)]
                        guard hex.count == 4, hex.allSatisfy({ Character(UnicodeScalar($0)).isHexDigit }) else {
                            throw failure("bad \\u escape")
                        }
                        index += 4
                    } else if !Array("\"\\/bfnrt".utf8).contains(escape) {
                        throw failure("bad escape")
                    }
                }
                index += 1
            }
            throw failure("unterminated string")
        }

        mutating func number() throws {
            let start = index
            if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
            func digits() -> Int {
                let from = index
                while index < bytes.count, (0x30...0x39).contains(bytes[index]) { index += 1 }
                return index - from
            }
            let integerStart = index
            guard digits() > 0 else { index = start; throw failure("unexpected character") }
            if bytes[integerStart] == 0x30, index - integerStart > 1 { throw failure("leading zero in a number") }
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                index += 1
                guard digits() > 0 else { throw failure("expected digits after the decimal point") }
            }
            if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
                index += 1
                if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
                guard digits() > 0 else { throw failure("expected exponent digits") }
            }
        }
    }
}
