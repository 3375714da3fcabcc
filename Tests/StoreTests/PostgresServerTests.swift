import Foundation
import TestSupport
import Testing

/// The test command's own PostgreSQL server: it starts (installing postgresql-15 when missing), answers on loopback, and
/// is private to this test process.
@Suite struct PostgresServerTests {
    @Test func thePrivateServerAnswers() throws {
        let server = try PostgresTestServer.require()
        let psql = "/usr/lib/postgresql/15/bin/psql"
        let process = Process()
        process.executableURL = URL(filePath: psql)
        process.arguments = [
            "-h", "127.0.0.1", "-p", "\(server.port)", "-U", server.user, "-d", server.database, "-Atc", "SELECT current_database()",
        ]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self) == "inspect\n")
        #expect(server.folder.path.hasPrefix(NSTemporaryDirectory()))
    }
}
