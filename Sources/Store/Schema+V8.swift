import GRDB
import ImageOps

extension Schema {
    /// v8: the reuse index becomes one row of four 64-bit words per photo (`photo_hash`), read into memory by
    /// ``PhotoHashCache``; the 16 band rows per photo of v2 (`phash_band`) are dropped. Both are derived from
    /// `photo.phash`, which stays the record; the new rows are filled from it here.
    static func registerV8(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v8-photo-hash") { db in
            try db.execute(
                sql: """
                    -- The pHash-256 of every normalised photo as four 64-bit words (two's complement), most significant
                    -- first. Ids grow in commit order: the index loads rows with an id above the last it saw.
                    CREATE TABLE photo_hash (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        inspection_id INTEGER NOT NULL REFERENCES inspection(id),
                        seq INTEGER NOT NULL,
                        p0 INTEGER NOT NULL,
                        p1 INTEGER NOT NULL,
                        p2 INTEGER NOT NULL,
                        p3 INTEGER NOT NULL,
                        UNIQUE (inspection_id, seq)
                    );
                    DROP TABLE phash_band;
                    """)
            let insert = try db.makeStatement(sql: "INSERT INTO photo_hash (inspection_id, seq, p0, p1, p2, p3) VALUES (?, ?, ?, ?, ?, ?)")
            let rows = try Row.fetchCursor(db, sql: "SELECT inspection_id, seq, phash FROM photo WHERE phash IS NOT NULL ORDER BY inspection_id, seq")
            while let row = try rows.next() {
                guard let text: String = row["phash"], let hash = PerceptualHash(dHashHex: String(repeating: "0", count: 16), pHashHex: text)
                else { continue }
                let id: Int64 = row["inspection_id"], seq: Int64 = row["seq"]
                try insert.execute(arguments: [id, seq] + StatementArguments(hash.pHash.map { Int64(bitPattern: $0) }))
            }
            try appendOnly("photo_hash", db)
        }
    }
}
