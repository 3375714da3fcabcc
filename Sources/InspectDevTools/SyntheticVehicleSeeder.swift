import GRDB

/// Inserts bare vehicle rows (no inspections) for benchmarks that need many cars, e.g. the lookup index
/// (`inspect-dev find-bench`). One transaction, one prepared statement. Never run on real data.
package enum SyntheticVehicleSeeder {
    /// Inserts `vins` into the (already migrated) store at `databasePath`.
    package static func seed(databasePath: String, vins: [String]) throws {
        let queue = try DatabaseQueue(path: databasePath)
        try queue.write { db in
            let insert = try db.makeStatement(sql: "INSERT OR IGNORE INTO vehicle (vin, first_seen_at) VALUES (?, 'synthetic')")
            for vin in vins { try insert.execute(arguments: [vin]) }
        }
    }
}
