import Foundation
import TestSupport
import Testing

/// `--db` with a URL: a bad one is refused with its password masked, and nothing is created on disk for it.
@Suite struct DatabaseURLCommandTests {
    let folder = TemporaryFolder()

    @Test func urlsAreNeverTakenForFileNames() throws {
        let runner = CommandRunner(directory: folder.url, environment: [:])
        for (url, expected) in [
            (
                "postgres://inspect:secret@127.0.0.1:5432/cars",
                "postgres://inspect:***@127.0.0.1:5432/cars?sslmode=prefer is a PostgreSQL server: give --photo-root"
            ),
            ("mysql://inspect:secret@127.0.0.1/cars", "database URL mysql://inspect:***@127.0.0.1/cars cannot be used"),
            ("postgres://inspect:secret@127.0.0.1:0/cars", "port 0 is out of range (1-65535)"),
        ] {
            for arguments in [["show", "LSVAM4189C2184526"], ["find", "Jetta"], ["submit", "none.yaml"]] {
                let result = try runner.run(arguments + ["--db", url])
                #expect(result.status == 1 && result.stderr.contains(expected), "\(arguments) \(url): \(result.stderr)")
                #expect(!result.stderr.contains("secret") && !result.stdout.contains("secret"))
            }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).isEmpty)
        // With a photo root, a server nobody listens on is a clear error, the password masked.
        let port = try PostgresTestServer.freePort()
        let result = try runner.run(["show", "LSVAM4189C2184526", "--db", "postgres://inspect:secret@127.0.0.1:\(port)/cars", "--photo-root", "p"])
        #expect(result.status == 1 && result.stderr.contains("cannot open database postgres://inspect:***@127.0.0.1:\(port)/cars?sslmode=prefer"))
        #expect(!result.stderr.contains("secret"))
    }
}
