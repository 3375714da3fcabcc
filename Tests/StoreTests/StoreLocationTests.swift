import Testing

@testable import Store

/// `--db` takes a path or a PostgreSQL URL; a URL that cannot be used is a clear error, and the password never shows.
@Suite struct StoreLocationTests {
    @Test func pathsAreSQLite() throws {
        #expect(try StoreLocation.parse("inspect.db") == .sqlite(path: "inspect.db"))
        #expect(try StoreLocation.parse("/var/lib/inspect/day:1.db") == .sqlite(path: "/var/lib/inspect/day:1.db"))
    }

    @Test func postgresURLsAreRead() throws {
        guard case let .postgres(url) = try StoreLocation.parse("postgresql://inspect:s%40cret@db.internal:6543/cars?sslmode=require") else {
            Issue.record("not a server")
            return
        }
        #expect(url.user == "inspect" && url.password == "s@cret" && url.host == "db.internal" && url.port == 6543 && url.database == "cars")
        #expect(url.sslMode == .require)
        #expect(url.description == "postgres://inspect:***@db.internal:6543/cars?sslmode=require")
        let plain = try PostgresURL(parsing: "postgres://worker@[::1]/inspect")
        #expect(plain.host == "::1" && plain.port == 5432 && plain.password == nil && plain.sslMode == .prefer)
        #expect(plain.description == "postgres://worker@[::1]:5432/inspect?sslmode=prefer")
    }

    @Test(arguments: [
        ("mysql://u:pw@h/db", "database URL mysql://u:***@h/db cannot be used: \"mysql://\" is not a store inspect knows"),
        ("postgres://u:pw@h", "database URL postgres://u:***@h cannot be used: the database name is missing (…/DB)"),
        ("postgres://h/db", "database URL postgres://h/db cannot be used: the user is missing (USER@HOST)"),
        ("postgres://u:pw@h:99999/db", "database URL postgres://u:***@h:99999/db cannot be used: port 99999 is out of range (1-65535)"),
        ("postgres://u:pw@h:port/db", "database URL postgres://u:***@h:port/db cannot be used: the port must be a number"),
        ("postgres://u:pw@/db", "database URL postgres://u:***@/db cannot be used: the host is missing"),
        ("postgres://u:pw@h/db?sslmode=sometimes", "cannot be used: sslmode must be one of disable allow prefer require verify-ca verify-full"),
        ("postgres://u:pw@h/db?password=x", "cannot be used: unknown parameter \"password\" (only sslmode is read)"),
        ("postgres://u:p%zz@h/db", "cannot be used: the password is not valid percent-encoding"),
    ])
    func badURLsAreClearErrorsWithoutThePassword(url: String, message: String) {
        #expect {
            try StoreLocation.parse(url)
        } throws: { error in
            let text = "\(error)"
            return text.contains(message) && !text.contains(":pw@") && !text.contains("p%zz")
        }
    }
}
