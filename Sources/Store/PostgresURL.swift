import Foundation

/// A PostgreSQL server as `--db` names it: `postgres://USER[:PASS]@HOST[:PORT]/DB[?sslmode=MODE]`. Its description masks
/// the password: credentials never appear in output or logs.
package struct PostgresURL: Sendable, Equatable, CustomStringConvertible {
    package var user: String
    package var password: String?
    package var host: String
    package var port: Int
    package var database: String
    package var sslMode: SSLMode

    /// libpq's `sslmode` values.
    package enum SSLMode: String, Sendable, CaseIterable {
        case disable, allow, prefer, require
        case verifyCA = "verify-ca"
        case verifyFull = "verify-full"
    }

    /// Parses the URL; every problem is a ``StoreError/badDatabaseURL(_:reason:)`` naming the URL with its password masked.
    package init(parsing text: String) throws(StoreError) {
        let masked = Self.maskPassword(in: text)
        func bad(_ reason: String) -> StoreError { .badDatabaseURL(masked, reason: reason) }
        guard let schemeEnd = text.range(of: "://") else { throw bad("it has no scheme") }
        var rest = Substring(text[schemeEnd.upperBound...])
        var query: Substring = ""
        if let mark = rest.firstIndex(of: "?") {
            query = rest[rest.index(after: mark)...]
            rest = rest[..<mark]
        }
        guard let slash = rest.firstIndex(of: "/") else { throw bad("the database name is missing (…/DB)") }
        let authority = rest[..<slash]
        guard let name = Self.decode(rest[rest.index(after: slash)...]), !name.isEmpty, !name.contains("/") else {
            throw bad("the database name is missing or not one path segment")
        }
        guard let at = authority.lastIndex(of: "@") else { throw bad("the user is missing (USER@HOST)") }
        let credentials = authority[..<at]
        var hostPort = authority[authority.index(after: at)...]
        let colon = credentials.firstIndex(of: ":")
        guard let user = Self.decode(credentials[..<(colon ?? credentials.endIndex)]), !user.isEmpty else { throw bad("the user is empty") }
        var password: String?
        if let colon {
            guard let decoded = Self.decode(credentials[credentials.index(after: colon)...]) else {
                throw bad("the password is not valid percent-encoding")
            }
            password = decoded
        }
        var port = 5432
        if hostPort.hasPrefix("[") {  // [::1]:5432
            guard let close = hostPort.firstIndex(of: "]") else { throw bad("an IPv6 host needs its closing ]") }
            let after = hostPort[hostPort.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":"), let number = Int(after.dropFirst()) else { throw bad("the port must be a number") }
                port = number
            }
            hostPort = hostPort[hostPort.index(after: hostPort.startIndex)..<close]
        } else if let portColon = hostPort.lastIndex(of: ":") {
            guard let number = Int(hostPort[hostPort.index(after: portColon)...]) else { throw bad("the port must be a number") }
            port = number
            hostPort = hostPort[..<portColon]
        }
        guard !hostPort.isEmpty else { throw bad("the host is missing") }
        guard (1...65_535).contains(port) else { throw bad("port \(port) is out of range (1-65535)") }
        var mode = SSLMode.prefer
        for parameter in query.split(separator: "&") where !parameter.isEmpty {
            let parts = parameter.split(separator: "=", maxSplits: 1)
            guard parts.first == "sslmode" else {
                throw bad("unknown parameter \"\(parts.first ?? "")\" (only sslmode is read)")
            }
            guard parts.count == 2, let value = SSLMode(rawValue: String(parts[1])) else {
                throw bad("sslmode must be one of \(SSLMode.allCases.map(\.rawValue).joined(separator: " "))")
            }
            mode = value
        }
        (self.user, self.password, host, self.port, database, sslMode) = (user, password, String(hostPort), port, name, mode)
    }

    /// `postgres://USER:***@HOST:PORT/DB?sslmode=MODE`.
    package var description: String {
        let shownHost = host.contains(":") ? "[\(host)]" : host
        return "postgres://\(user)\(password == nil ? "" : ":***")@\(shownHost):\(port)/\(database)?sslmode=\(sslMode.rawValue)"
    }

    /// `text` with whatever stands between `USER:` and `@` replaced by `***` (for messages about a URL that did not parse).
    package static func maskPassword(in text: String) -> String {
        guard let schemeEnd = text.range(of: "://") else { return text }
        let rest = text[schemeEnd.upperBound...]
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" } ?? rest.endIndex
        guard let at = rest[..<authorityEnd].lastIndex(of: "@"), let colon = rest[..<at].firstIndex(of: ":") else { return text }
        return String(text[..<rest.index(after: colon)]) + "***" + String(text[at...])
    }

    /// Percent-decoding; nil for a broken escape or bytes that are not UTF-8.
    static func decode(_ text: Substring) -> String? {
        var bytes: [UInt8] = []
        var index = text.startIndex
        while index < text.endIndex {
            if text[index] == "%" {
                let hex = text[text.index(after: index)...].prefix(2)
                guard hex.count == 2, let byte = UInt8(hex, radix: 16) else { return nil }
                bytes.append(byte)
                index = text.index(index, offsetBy: 3)
            } else {
                bytes.append(contentsOf: Array(String(text[index]).utf8))
                index = text.index(after: index)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }
}
