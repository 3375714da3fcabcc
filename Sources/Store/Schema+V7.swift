import GRDB

extension Schema {
    /// v7: the car lookup index (`inspect find`) and customer feedback.
    static func registerV7(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v7-car-index-feedback") { db in
            // The lookup index is derived data, one row per car, rebuilt from the stored inspections by the application
            // layer (it needs the grading). A trigger marks a car stale when an inspection is stored; the generation
            // counter lets a rebuild clear the mark only if nothing newer arrived meanwhile. FTS5 (external content,
            // kept in step by triggers) answers text queries; the VIN tail and the plate have their own indexes.
            try db.execute(
                sql: """
                    CREATE TABLE car_index (
                        vin TEXT PRIMARY KEY NOT NULL REFERENCES vehicle(vin),
                        vin_tail TEXT NOT NULL,
                        plate_key TEXT,
                        latest_epoch INTEGER NOT NULL,
                        summary TEXT NOT NULL,
                        search_text TEXT NOT NULL,
                        indexed_at TEXT NOT NULL
                    );
                    CREATE INDEX car_index_tail ON car_index(vin_tail);
                    CREATE INDEX car_index_plate ON car_index(plate_key);
                    CREATE VIRTUAL TABLE car_text USING fts5(search_text, content='car_index', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');
                    CREATE TRIGGER car_index_ai AFTER INSERT ON car_index BEGIN
                        INSERT INTO car_text(rowid, search_text) VALUES (new.rowid, new.search_text);
                    END;
                    CREATE TRIGGER car_index_ad AFTER DELETE ON car_index BEGIN
                        INSERT INTO car_text(car_text, rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
                    END;
                    CREATE TRIGGER car_index_au AFTER UPDATE ON car_index BEGIN
                        INSERT INTO car_text(car_text, rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
                        INSERT INTO car_text(rowid, search_text) VALUES (new.rowid, new.search_text);
                    END;
                    CREATE TABLE car_index_stale (
                        vin TEXT PRIMARY KEY NOT NULL,
                        generation INTEGER NOT NULL
                    );
                    CREATE TRIGGER inspection_marks_index AFTER INSERT ON inspection BEGIN
                        INSERT INTO car_index_stale(vin, generation) VALUES (new.vin, 1)
                            ON CONFLICT(vin) DO UPDATE SET generation = generation + 1;
                    END;
                    INSERT INTO car_index_stale(vin, generation) SELECT vin, 1 FROM vehicle;
                    """)
            // Customer feedback, and the one closing of a complaint: both append-only.
            try db.execute(
                sql: """
                    CREATE TABLE feedback (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        vin TEXT NOT NULL REFERENCES vehicle(vin),
                        kind TEXT NOT NULL CHECK (kind IN ('complaint', 'praise', 'question')),
                        channel TEXT NOT NULL CHECK (channel IN ('phone', 'online', 'store')),
                        text TEXT NOT NULL,
                        received_at TEXT NOT NULL,
                        received_at_epoch INTEGER NOT NULL,
                        about_finding TEXT,
                        about_stage TEXT,
                        recorded_at TEXT NOT NULL,
                        CHECK (about_finding IS NULL OR about_stage IS NULL)
                    );
                    CREATE INDEX feedback_vin ON feedback(vin, received_at_epoch);
                    CREATE INDEX feedback_received ON feedback(received_at_epoch);
                    CREATE TABLE feedback_resolution (
                        feedback_id INTEGER PRIMARY KEY NOT NULL REFERENCES feedback(id),
                        resolution TEXT NOT NULL,
                        resolved_by TEXT NOT NULL,
                        resolved_at TEXT NOT NULL,
                        resolved_at_epoch INTEGER NOT NULL,
                        recorded_at TEXT NOT NULL
                    );
                    CREATE TRIGGER feedback_resolution_complaints_only BEFORE INSERT ON feedback_resolution
                    WHEN (SELECT kind FROM feedback WHERE id = new.feedback_id) IS NOT 'complaint'
                    BEGIN SELECT RAISE(ABORT, 'only a complaint is closed'); END;
                    """)
            for table in ["feedback", "feedback_resolution"] { try appendOnly(table, db) }
        }
    }
}
