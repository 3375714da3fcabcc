import GRDB

extension Schema {
    /// v9: how people resolved ledger readings that disagree (append-only). A data-entry error also adds the correcting
    /// odometer row (which supersedes the wrong one); a confirmed rollback turns the conflict into a rollback.
    static func registerV9(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v9-mileage-resolution") { db in
            try db.execute(sql: mileageResolution)
            try appendOnly("mileage_resolution", db)
        }
    }

    /// The table, as both backends create it (PostgreSQL's ids are identities).
    static func mileageResolutionTable(id: String) -> String {
        """
        CREATE TABLE mileage_resolution (
            id \(id),
            vin TEXT NOT NULL REFERENCES vehicle(vin),
            reading_id BIGINT NOT NULL REFERENCES odometer_reading(id),
            earlier_id BIGINT NOT NULL REFERENCES odometer_reading(id),
            decision TEXT NOT NULL CHECK (decision IN ('rollback', 'entry_error')),
            wrong_id BIGINT REFERENCES odometer_reading(id),
            correction_id BIGINT REFERENCES odometer_reading(id),
            resolved_by TEXT NOT NULL,
            resolved_at TEXT NOT NULL,
            resolved_at_epoch BIGINT NOT NULL,
            note TEXT,
            recorded_at TEXT NOT NULL,
            CHECK ((decision = 'rollback') = (wrong_id IS NULL AND correction_id IS NULL))
        );
        CREATE UNIQUE INDEX mileage_resolution_once ON mileage_resolution(reading_id);
        """
    }

    private static let mileageResolution = mileageResolutionTable(id: "INTEGER PRIMARY KEY AUTOINCREMENT")
}
