import Foundation
import PostgresNIO

extension PostgresSession {
    /// Brings the schema up to date, refusing a database written by a newer inspect. Concurrent workers are serialised by
    /// an advisory lock held for the transaction, so each migration runs once.
    package func migrate(appliedAt: String) throws(StoreError) {
        try execute(script: "BEGIN")
        do {
            _ = try query("SELECT pg_advisory_xact_lock(7215001)")
            try execute(script: "CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
            let applied = try appliedMigrations()
            let known = PostgresSchema.migrations.map(\.id)
            if applied.contains(where: { !known.contains($0) }) { throw StoreError.newerSchema(path: url.description) }
            for migration in PostgresSchema.migrations where !applied.contains(migration.id) {
                try execute(script: migration.sql)
                _ = try query("INSERT INTO schema_migrations (id, applied_at) VALUES ($1, $2)", [.text(migration.id), .text(appliedAt)])
            }
            try execute(script: "COMMIT")
        } catch let error as StoreError {
            try? execute(script: "ROLLBACK")
            throw error
        } catch {
            try? execute(script: "ROLLBACK")
            throw .database("\(error)")
        }
    }

    /// The ids of the migrations applied, in order.
    package func appliedMigrations() throws(StoreError) -> [String] {
        let applied = try query("SELECT id FROM schema_migrations ORDER BY id").compactMap { try? $0[0].decode(String.self) }
        let known = PostgresSchema.migrations.map(\.id)  // their order, not the ids' ("v10" sorts before "v7")
        return known.filter(applied.contains) + applied.filter { !known.contains($0) }
    }
}
