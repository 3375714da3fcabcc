import GRDB

/// The database schema, as an ordered list of migrations. Never edit a shipped migration: add a new one.
enum Schema {
    /// Tables whose rows are never updated or deleted: corrections are new records.
    static let appendOnlyTables = ["inspection", "finding", "check_result", "photo", "section_score", "odometer_reading"]

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE vehicle (
                        vin TEXT PRIMARY KEY NOT NULL CHECK (length(vin) = 17),
                        first_seen_at TEXT NOT NULL
                    );
                    CREATE TABLE inspection (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        vin TEXT NOT NULL REFERENCES vehicle(vin),
                        stage TEXT NOT NULL CHECK (stage IN ('appraisal', 'audit', 'delivery')),
                        revision INTEGER NOT NULL CHECK (revision >= 1),
                        content_sha256 TEXT NOT NULL,
                        template_id TEXT NOT NULL,
                        template_sha256 TEXT NOT NULL,
                        inspected_at TEXT NOT NULL,
                        inspected_at_epoch INTEGER NOT NULL,
                        inspector_id TEXT NOT NULL,
                        inspector_name TEXT,
                        site TEXT,
                        source_path TEXT NOT NULL,
                        submitted_at TEXT NOT NULL,
                        total_hundredths INTEGER,
                        grade_id TEXT,
                        document TEXT NOT NULL,
                        assessment TEXT NOT NULL,
                        UNIQUE (vin, stage, revision)
                    );
                    CREATE TABLE finding (
                        inspection_id INTEGER NOT NULL REFERENCES inspection(id),
                        seq INTEGER NOT NULL,
                        part TEXT NOT NULL,
                        defect TEXT NOT NULL,
                        degree INTEGER,
                        code TEXT NOT NULL,
                        note TEXT,
                        PRIMARY KEY (inspection_id, seq)
                    );
                    CREATE TABLE check_result (
                        inspection_id INTEGER NOT NULL REFERENCES inspection(id),
                        check_id TEXT NOT NULL,
                        result TEXT NOT NULL CHECK (result IN ('ok', 'minor', 'major', 'na')),
                        note TEXT,
                        PRIMARY KEY (inspection_id, check_id)
                    );
                    CREATE TABLE photo (
                        inspection_id INTEGER NOT NULL REFERENCES inspection(id),
                        seq INTEGER NOT NULL,
                        role TEXT NOT NULL CHECK (role IN ('angle', 'defect', 'odometer')),
                        angle TEXT,
                        finding_seq INTEGER,
                        source_path TEXT NOT NULL,
                        sha256 TEXT NOT NULL,
                        byte_count INTEGER NOT NULL,
                        stored_path TEXT NOT NULL,
                        PRIMARY KEY (inspection_id, seq)
                    );
                    CREATE INDEX photo_sha256 ON photo(sha256);
                    CREATE TABLE section_score (
                        inspection_id INTEGER NOT NULL REFERENCES inspection(id),
                        section TEXT NOT NULL,
                        allowance_hundredths INTEGER NOT NULL,
                        deducted_hundredths INTEGER NOT NULL,
                        score_hundredths INTEGER NOT NULL,
                        PRIMARY KEY (inspection_id, section)
                    );
                    CREATE TABLE odometer_reading (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        vin TEXT NOT NULL REFERENCES vehicle(vin),
                        inspection_id INTEGER REFERENCES inspection(id),
                        stage TEXT NOT NULL,
                        reading INTEGER NOT NULL CHECK (reading >= 0),
                        unit TEXT NOT NULL CHECK (unit IN ('km', 'mi')),
                        km INTEGER NOT NULL,
                        read_at TEXT NOT NULL,
                        read_at_epoch INTEGER NOT NULL,
                        source TEXT NOT NULL CHECK (source IN ('submission', 'manual')),
                        supersedes_id INTEGER REFERENCES odometer_reading(id),
                        recorded_at TEXT NOT NULL,
                        note TEXT
                    );
                    CREATE INDEX odometer_vin ON odometer_reading(vin, read_at_epoch);
                    """)
            for table in appendOnlyTables {
                try db.execute(
                    sql: """
                        CREATE TRIGGER \(table)_no_update BEFORE UPDATE ON \(table)
                        BEGIN SELECT RAISE(ABORT, '\(table) is append-only: corrections are new records'); END;
                        CREATE TRIGGER \(table)_no_delete BEFORE DELETE ON \(table)
                        BEGIN SELECT RAISE(ABORT, '\(table) is append-only: nothing stored is deleted'); END;
                        """)
            }
        }
        return migrator
    }
}
