import GRDB

/// The database schema, as an ordered list of migrations. Never edit a shipped migration: add a new one.
enum Schema {
    /// Tables whose rows are never updated or deleted: corrections are new records.
    static let appendOnlyTables = [
        "inspection", "finding", "check_result", "photo", "section_score", "odometer_reading", "photo_hash", "photo_reuse", "dispute",
        "dispute_resolution", "warranty_claim", "quote_decision", "feedback", "feedback_resolution", "mileage_resolution",
    ]

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
            for table in ["inspection", "finding", "check_result", "photo", "section_score", "odometer_reading"] { try appendOnly(table, db) }
        }
        migrator.registerMigration("v2-normalised-photos") { db in
            // Photos are normalised on submit: the stored file is the upright, resized, metadata-free JPEG; the row
            // keeps the fingerprints and quality verdicts. Rows stored by v1 keep NULL here (they were copies).
            try db.execute(
                sql: """
                    ALTER TABLE photo ADD COLUMN pixel_sha256 TEXT;
                    ALTER TABLE photo ADD COLUMN thumbnail_path TEXT;
                    ALTER TABLE photo ADD COLUMN format TEXT;
                    ALTER TABLE photo ADD COLUMN width INTEGER;
                    ALTER TABLE photo ADD COLUMN height INTEGER;
                    ALTER TABLE photo ADD COLUMN source_width INTEGER;
                    ALTER TABLE photo ADD COLUMN source_height INTEGER;
                    ALTER TABLE photo ADD COLUMN orientation INTEGER;
                    ALTER TABLE photo ADD COLUMN dhash TEXT;
                    ALTER TABLE photo ADD COLUMN phash TEXT;
                    ALTER TABLE photo ADD COLUMN verdict TEXT;
                    ALTER TABLE photo ADD COLUMN quality TEXT;
                    CREATE INDEX photo_pixel_sha256 ON photo(pixel_sha256);
                    -- Multi-index hashing: the 256-bit pHash cut into 16 bands of 16 bits, key = band << 16 | value.
                    -- Two hashes within distance d share at least one band within floor(d/16) bits.
                    CREATE TABLE phash_band (
                        key INTEGER NOT NULL,
                        inspection_id INTEGER NOT NULL REFERENCES inspection(id),
                        seq INTEGER NOT NULL,
                        PRIMARY KEY (key, inspection_id, seq)
                    ) WITHOUT ROWID;
                    CREATE TABLE photo_reuse (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        inspection_id INTEGER NOT NULL REFERENCES inspection(id),
                        seq INTEGER NOT NULL,
                        other_inspection_id INTEGER NOT NULL REFERENCES inspection(id),
                        other_seq INTEGER NOT NULL,
                        kind TEXT NOT NULL CHECK (kind IN ('identical-file', 'identical-pixels', 'same-photo', 'review')),
                        distance INTEGER NOT NULL,
                        detected_at TEXT NOT NULL
                    );
                    CREATE INDEX photo_reuse_inspection ON photo_reuse(inspection_id);
                    """)
            for table in ["phash_band", "photo_reuse"] { try appendOnly(table, db) }
        }
        migrator.registerMigration("v3-mileage-ledger") { db in
            // Manual ledger records carry the leg's transport mode and route, and an optional photo of the dashboard.
            try db.execute(
                sql: """
                    ALTER TABLE odometer_reading ADD COLUMN mode TEXT CHECK (mode IN ('flatbed', 'driven'));
                    ALTER TABLE odometer_reading ADD COLUMN route_km INTEGER;
                    ALTER TABLE odometer_reading ADD COLUMN photo_path TEXT;
                    ALTER TABLE odometer_reading ADD COLUMN photo_sha256 TEXT;
                    CREATE INDEX odometer_reading_value ON odometer_reading(reading, unit);
                    """)
        }
        migrator.registerMigration("v4-batch-progress") { db in
            // Progress of `inspect batch`, per day folder, car folder and step. This is bookkeeping, not inspection
            // data: a step's row is replaced when the step is redone.
            try db.execute(
                sql: """
                    CREATE TABLE batch_step (
                        day TEXT NOT NULL,
                        car TEXT NOT NULL,
                        step TEXT NOT NULL,
                        fingerprint TEXT NOT NULL,
                        status TEXT NOT NULL CHECK (status IN ('done', 'failed')),
                        detail TEXT NOT NULL,
                        duration_ms INTEGER NOT NULL,
                        recorded_at TEXT NOT NULL,
                        PRIMARY KEY (day, car, step)
                    );
                    """)
        }
        migrator.registerMigration("v5-disputes") { db in
            // Disputes about report findings, and their one settlement each: both append-only.
            try db.execute(
                sql: """
                    CREATE TABLE dispute (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        vin TEXT NOT NULL REFERENCES vehicle(vin),
                        finding_code TEXT NOT NULL,
                        opened_by TEXT NOT NULL CHECK (opened_by IN ('customer', 'staff')),
                        opened_at TEXT NOT NULL,
                        opened_at_epoch INTEGER NOT NULL,
                        delivery_inspection_id INTEGER REFERENCES inspection(id),
                        note TEXT,
                        photo_path TEXT,
                        photo_sha256 TEXT,
                        recorded_at TEXT NOT NULL,
                        UNIQUE (delivery_inspection_id, finding_code)
                    );
                    CREATE INDEX dispute_vin ON dispute(vin);
                    CREATE TABLE dispute_resolution (
                        dispute_id INTEGER PRIMARY KEY NOT NULL REFERENCES dispute(id),
                        decision TEXT NOT NULL CHECK (decision IN ('accepted', 'polished', 'repaired', 'price_adjusted', 'refused')),
                        resolved_by TEXT NOT NULL,
                        resolved_at TEXT NOT NULL,
                        degree INTEGER,
                        cost INTEGER CHECK (cost >= 0),
                        bearer TEXT CHECK (bearer IN ('platform', 'customer', 'seller')),
                        approved_by TEXT,
                        note TEXT,
                        recorded_at TEXT NOT NULL
                    );
                    """)
            for table in ["dispute", "dispute_resolution"] { try appendOnly(table, db) }
        }
        migrator.registerMigration("v6-return-stage") { db in
            // The 7-day return and a service visit's reception and health check are stages of their own. SQLite cannot
            // change a CHECK constraint, so the inspection table
            // is rebuilt with every row as it was (same ids, same columns, same order) and its append-only triggers.
            try db.execute(
                sql: """
                    CREATE TABLE inspection_v6 (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        vin TEXT NOT NULL REFERENCES vehicle(vin),
                        stage TEXT NOT NULL CHECK (stage IN ('appraisal', 'audit', 'delivery', 'return', 'reception', 'health_check')),
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
                    INSERT INTO inspection_v6 SELECT * FROM inspection ORDER BY id;
                    DROP TABLE inspection;
                    ALTER TABLE inspection_v6 RENAME TO inspection;
                    """)
            try appendOnly("inspection", db)
            // A health check answers in its own vocabulary (advise, urgent): the check_result table is rebuilt the same way.
            try db.execute(
                sql: """
                    CREATE TABLE check_result_v6 (
                        inspection_id INTEGER NOT NULL REFERENCES inspection(id),
                        check_id TEXT NOT NULL,
                        result TEXT NOT NULL CHECK (result IN ('ok', 'minor', 'major', 'na', 'advise', 'urgent')),
                        note TEXT,
                        PRIMARY KEY (inspection_id, check_id)
                    );
                    INSERT INTO check_result_v6 SELECT * FROM check_result ORDER BY inspection_id, check_id;
                    DROP TABLE check_result;
                    ALTER TABLE check_result_v6 RENAME TO check_result;
                    """)
            try appendOnly("check_result", db)
            // Warranty claims against a delivered car: append-only.
            try db.execute(
                sql: """
                    CREATE TABLE warranty_claim (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        vin TEXT NOT NULL REFERENCES vehicle(vin),
                        check_id TEXT,
                        part_code TEXT,
                        symptom TEXT NOT NULL,
                        cost INTEGER NOT NULL CHECK (cost >= 0),
                        claimed_at TEXT NOT NULL,
                        claimed_at_epoch INTEGER NOT NULL,
                        note TEXT,
                        photo_path TEXT,
                        photo_sha256 TEXT,
                        recorded_at TEXT NOT NULL,
                        CHECK ((check_id IS NULL) != (part_code IS NULL))
                    );
                    CREATE INDEX warranty_claim_vin ON warranty_claim(vin);
                    """)
            try appendOnly("warranty_claim", db)
            // A service visit's quote lines, decided once each by the customer (work starts only on approval).
            try db.execute(
                sql: """
                    CREATE TABLE quote_decision (
                        vin TEXT NOT NULL REFERENCES vehicle(vin),
                        work_order TEXT NOT NULL,
                        line INTEGER NOT NULL CHECK (line >= 1),
                        decision TEXT NOT NULL CHECK (decision IN ('approved', 'declined')),
                        decided_by TEXT NOT NULL CHECK (decided_by IN ('customer', 'staff')),
                        decided_at TEXT NOT NULL,
                        decided_at_epoch INTEGER NOT NULL,
                        note TEXT,
                        recorded_at TEXT NOT NULL,
                        PRIMARY KEY (vin, work_order, line)
                    );
                    """)
            try appendOnly("quote_decision", db)
        }
        registerV7(&migrator)
        registerV8(&migrator)
        registerV9(&migrator)
        return migrator
    }

    /// Triggers that refuse UPDATE and DELETE on `table`.
    static func appendOnly(_ table: String, _ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TRIGGER \(table)_no_update BEFORE UPDATE ON \(table)
                BEGIN SELECT RAISE(ABORT, '\(table) is append-only: corrections are new records'); END;
                CREATE TRIGGER \(table)_no_delete BEFORE DELETE ON \(table)
                BEGIN SELECT RAISE(ABORT, '\(table) is append-only: nothing stored is deleted'); END;
                """)
    }
}
