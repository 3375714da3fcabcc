import Foundation
import Logging
import NIOCore
import NIOPosix
import NIOSSL
import PostgresNIO

/// One connection to a PostgreSQL server, used synchronously (the store's API is synchronous; the driver's futures are
/// waited on outside its event loop). Calls are serialised by a lock; a process that wants parallel work opens more
/// sessions. Errors name the server by its masked URL, never with the password.
package final class PostgresSession: @unchecked Sendable {
    /// The server.
    package let url: PostgresURL
    private let connection: PostgresConnection
    private let lock = NSLock()
    private static let logger = Logger(label: "inspect.store.postgres") { _ in SwiftLogNoOpLogHandler() }

    /// A value bound to a `$n` placeholder.
    package enum Bind: Sendable {
        case text(String?)
        case integer(Int64?)
    }

    /// Connects to `url`.
    package init(_ url: PostgresURL) throws(StoreError) {
        self.url = url
        do {
            var client = TLSConfiguration.makeClientConfiguration()
            let tls: PostgresConnection.Configuration.TLS
            switch url.sslMode {
            case .disable:
                tls = .disable
            case .allow, .prefer, .require:  // encrypted when the server offers it (require: or refuse), not verified: libpq's meaning
                client.certificateVerification = .none
                tls = url.sslMode == .require ? .require(try NIOSSLContext(configuration: client)) : .prefer(try NIOSSLContext(configuration: client))
            case .verifyCA:
                client.certificateVerification = .noHostnameVerification
                tls = .require(try NIOSSLContext(configuration: client))
            case .verifyFull:
                tls = .require(try NIOSSLContext(configuration: client))
            }
            let configuration = PostgresConnection.Configuration(
                host: url.host, port: url.port, username: url.user, password: url.password, database: url.database, tls: tls)
            connection = try PostgresConnection.connect(
                on: MultiThreadedEventLoopGroup.singleton.next(), configuration: configuration, id: 1, logger: Self.logger
            ).wait()
        } catch {
            throw .cannotOpen(path: url.description, reason: Self.describe(error))
        }
    }

    deinit { _ = try? connection.close().wait() }

    /// Runs `script`: one or more statements without parameters, one after the other (the driver prepares every
    /// statement, and a prepared statement holds one command).
    package func execute(script: String) throws(StoreError) {
        for statement in Self.statements(in: script) { _ = try query(statement) }
    }

    /// The statements of a script: split at `;` outside quotes, `$$` bodies and `--` comments.
    static func statements(in script: String) -> [String] {
        var statements: [String] = []
        var current = ""
        var quote: Character?
        var dollar = false
        var comment = false
        var previous: Character = " "
        for character in script {
            if comment {
                if character == "\n" { comment = false }
                current.append(character)
            } else if dollar {
                current.append(character)
                if character == "$" && previous == "$" { dollar = false }
            } else if let open = quote {
                current.append(character)
                if character == open { quote = nil }
            } else if character == ";" {
                statements.append(current)
                current = ""
            } else {
                current.append(character)
                if character == "$" && previous == "$" { dollar = true }
                if character == "-" && previous == "-" { comment = true }
                if character == "'" || character == "\"" { quote = character }
            }
            previous = dollar && character == "$" && previous == "$" ? " " : character
        }
        statements.append(current)
        // A piece of only blank lines and comments is no statement.
        return statements.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { statement in
            !statement.split(separator: "\n").allSatisfy { line in
                let text = line.trimmingCharacters(in: .whitespaces)
                return text.isEmpty || text.hasPrefix("--")
            }
        }
    }

    /// Runs one statement with `$1`, `$2`, ... bound to `binds`; returns its rows.
    package func query(_ sql: String, _ binds: [Bind] = []) throws(StoreError) -> [PostgresRandomAccessRow] {
        try rows(sql, binds).map { $0.makeRandomAccess() }
    }

    /// Runs one statement and returns its rows as the driver gives them (cells in column order: the cheap way to read a
    /// million rows).
    package func rows(_ sql: String, _ binds: [Bind] = []) throws(StoreError) -> [PostgresRow] {
        do {
            var bindings = PostgresBindings()
            for bind in binds {
                switch bind {
                case let .text(value?): bindings.append(value)
                case let .integer(value?): bindings.append(value)
                case .text(nil), .integer(nil): bindings.appendNull()
                }
            }
            let query = PostgresQuery(unsafeSQL: sql, binds: bindings)
            let result = try lock.withLock { try connection.query(query, logger: Self.logger).wait() }
            return result.rows
        } catch {
            throw .database(Self.describe(error))
        }
    }

    /// The server's own message for a failed statement (PSQLError hides it from `description` on purpose).
    static func describe(_ error: any Error) -> String {
        if let error = error as? PSQLError {
            if let message = error.serverInfo?[.message] {
                return message + (error.serverInfo?[.detail].map { " (\($0))" } ?? "")
            }
            return "\(error.code)" + (error.underlying.map { ": \($0)" } ?? "")
        }
        return "\(error)"
    }
}
