import Common
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A private PostgreSQL 15 server for the tests that need one, started once per test process: installed from Debian's
/// packages when missing (as root), `initdb` into a temporary folder (as the `postgres` user when running as root),
/// started on a free loopback port with its socket in that folder, with a database `inspect`; stopped and removed
/// when the process exits. Where it cannot be had, ``shared`` holds the reason and the tests that need it fail with
/// it (they are never skipped silently).
package final class PostgresTestServer: Sendable {
    /// The server's port on 127.0.0.1.
    package let port: Int
    /// The folder holding the cluster, its socket and its log.
    package let folder: URL
    /// The superuser and database the tests use.
    package let user = "inspect"
    package let database = "inspect"

    /// `postgres://inspect@127.0.0.1:PORT/DB?sslmode=disable`.
    package func url(database name: String? = nil) -> String {
        "postgres://\(user)@127.0.0.1:\(port)/\(name ?? database)?sslmode=disable"
    }

    /// Why a server could not be started.
    package struct Unavailable: Error, CustomStringConvertible {
        package var description: String
    }

    /// The server of this test process, started on first use.
    package static let shared: Result<PostgresTestServer, Unavailable> = {
        do { return .success(try PostgresTestServer()) } catch let error as Unavailable { return .failure(error) } catch {
            return .failure(Unavailable(description: "\(error)"))
        }
    }()

    /// The server, or a failure naming why there is none (for `try` in a test).
    package static func require() throws -> PostgresTestServer { try shared.get() }

    private init() throws {
        let bin = try Self.binaries()
        let asRoot = getuid() == 0
        let base = URL(filePath: NSTemporaryDirectory()).appending(path: "inspect-pg-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        folder = base
        if asRoot { try Self.run("/bin/chown", ["postgres:postgres", base.path]) }
        let data = base.appending(path: "data").path
        try Self.run(bin + "/initdb", ["-D", data, "-U", "inspect", "--auth=trust", "-E", "UTF8", "--locale=C"], asPostgres: asRoot)
        var lastError = ""
        var started: Int?
        for _ in 0..<5 where started == nil {  // a free port can be taken between choosing and binding it: try again
            let port = try Self.freePort()
            do {
                try Self.run(
                    bin + "/pg_ctl",
                    [
                        "-D", data, "-l", base.appending(path: "log").path, "-w", "-t", "60", "-o",
                        "-p \(port) -k \(base.path) -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100",
                        "start",
                    ], asPostgres: asRoot)
                started = port
            } catch {
                lastError = "\(error)"
            }
        }
        if let started {
            port = started
            Self.stopAtExit(bin: bin, data: data, folder: base, asRoot: asRoot)
            try Self.run(bin + "/createdb", ["-h", "127.0.0.1", "-p", "\(started)", "-U", "inspect", "inspect"], asPostgres: asRoot)
            return
        }
        throw Unavailable(description: "PostgreSQL did not start: \(lastError) (log: \(base.appending(path: "log").path))")
    }

    /// The folder of initdb and pg_ctl; installs postgresql-15 first when it is missing and we are root.
    static func binaries() throws -> String {
        let bin = "/usr/lib/postgresql/15/bin"
        if FileManager.default.isExecutableFile(atPath: bin + "/initdb") { return bin }
        guard getuid() == 0 else {
            throw Unavailable(description: "PostgreSQL 15 is not installed (\(bin)/initdb) and this is not root: apt-get install postgresql-15")
        }
        do {
            try run(
                "/usr/bin/apt-get", ["install", "-y", "--no-install-recommends", "postgresql-15"], environment: ["DEBIAN_FRONTEND": "noninteractive"])
        } catch {
            throw Unavailable(description: "PostgreSQL 15 is not installed and apt-get install postgresql-15 failed: \(error)")
        }
        guard FileManager.default.isExecutableFile(atPath: bin + "/initdb") else {
            throw Unavailable(description: "apt-get installed postgresql-15 but \(bin)/initdb is missing")
        }
        return bin
    }

    /// A port on 127.0.0.1 nothing listens on now.
    package static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Unavailable(description: "socket() failed") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0 else { throw Unavailable(description: "bind() failed") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard named == 0 else { throw Unavailable(description: "getsockname() failed") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Runs a program to its end; a non-zero exit is an error carrying its output.
    package static func run(_ program: String, _ arguments: [String], asPostgres: Bool = false, environment: [String: String] = [:]) throws {
        let process = Process()
        // Through a shell that closes every descriptor above 2 first: a server pg_ctl leaves running would otherwise
        // inherit the one Foundation watches for the child's exit, and waiting for pg_ctl would never end.
        let closing = "for f in /proc/$$/fd/*; do n=${f##*/}; if [ \"$n\" -gt 2 ]; then eval \"exec $n>&-\" 2>/dev/null; fi; done; exec \"$@\""
        process.executableURL = URL(filePath: "/bin/bash")
        process.arguments = ["-c", closing, "bash"] + (asPostgres ? ["/usr/sbin/runuser", "-u", "postgres", "--", program] : [program]) + arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        // Output goes to a file, not a pipe: the server pg_ctl starts may keep a pipe open after pg_ctl exits.
        let log = URL(filePath: NSTemporaryDirectory()).appending(path: "inspect-pg-run-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: log) }
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try? handle.close()
        let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        guard process.terminationStatus == 0 else {
            throw Unavailable(description: "\(program) \(arguments.joined(separator: " ")) exited \(process.terminationStatus): \(text.suffix(2000))")
        }
    }

    /// Stops the server and removes its folder when the test process exits.
    private static func stopAtExit(bin: String, data: String, folder: URL, asRoot: Bool) {
        cleanup.withLock { $0 = (bin, data, folder.path, asRoot) }
        atexit {
            guard let (bin, data, folder, asRoot) = PostgresTestServer.cleanup.withLock({ $0 }) else { return }
            try? PostgresTestServer.run(bin + "/pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"], asPostgres: asRoot)
            try? FileManager.default.removeItem(atPath: folder)
        }
    }

    private static let cleanup = Locked<(String, String, String, Bool)?>(nil)
}
