import Foundation
import GRDB
import ImageOps
import Inspection

/// Reading back what is stored: cars, inspections, photos, reuse matches, and health checks.
extension InspectionStore {
    /// Everything stored for `vin`, or nil when nothing is.
    package func vehicle(vin: String) throws(StoreError) -> StoredVehicle? {
        try database.read { sql -> StoredVehicle? in
            let rows = try sql.rows(
                """
                SELECT id, stage, revision, content_sha256, submitted_at, source_path, document, assessment
                FROM inspection WHERE vin = ? ORDER BY CASE stage WHEN 'appraisal' THEN 0 WHEN 'audit' THEN 1 ELSE 2 END, revision
                """, [vin])
            guard !rows.isEmpty else { return nil }
            let decoder = JSONDecoder()
            let inspections = try rows.map { row in
                let id = row.integer("id") ?? 0
                let verdicts = try sql.rows("SELECT verdict FROM photo WHERE inspection_id = ? AND verdict IS NOT NULL ORDER BY seq", [id])
                    .compactMap { $0.text("verdict") }
                let reuse = try Self.reuse(of: id, sql)
                return StoredInspection(
                    id: id, stage: Stage(rawValue: row.text("stage") ?? "") ?? .appraisal, revision: row.int("revision") ?? 0,
                    contentHash: row.text("content_sha256") ?? "", submittedAt: row.text("submitted_at") ?? "",
                    sourcePath: row.text("source_path") ?? "",
                    submission: try decoder.decode(Submission.self, from: Data((row.text("document") ?? "").utf8)),
                    assessment: try decoder.decode(Assessment.self, from: Data((row.text("assessment") ?? "").utf8)),
                    photoVerdicts: verdicts, reuse: reuse)
            }
            let readings = try sql.rows(
                """
                SELECT id, stage, reading, unit, km, read_at, source, inspection_id, supersedes_id
                FROM odometer_reading WHERE vin = ? ORDER BY read_at_epoch, id
                """, [vin]
            ).map { row in
                StoredOdometerReading(
                    id: row.integer("id") ?? 0, stage: row.text("stage") ?? "", reading: row.int("reading") ?? 0,
                    unit: DistanceUnit(rawValue: row.text("unit") ?? "") ?? .km, kilometres: row.int("km") ?? 0, readAt: row.text("read_at") ?? "",
                    source: row.text("source") ?? "", inspectionID: row.integer("inspection_id"), supersedes: row.integer("supersedes_id"))
            }
            return StoredVehicle(vin: vin, inspections: inspections, odometer: readings)
        }
    }

    /// The photo rows of one inspection, in order.
    package func photoRows(inspection id: Int64) throws(StoreError) -> [StoredPhoto] {
        try database.read { sql in
            try sql.rows(
                """
                SELECT seq, role, angle, finding_seq, source_path, sha256, pixel_sha256, stored_path, thumbnail_path, width, height,
                    orientation, dhash, phash, verdict, quality
                FROM photo WHERE inspection_id = ? ORDER BY seq
                """, [id]
            ).map { row in
                StoredPhoto(
                    seq: row.int("seq") ?? 0, role: PhotoRole(rawValue: row.text("role") ?? "") ?? .angle, angle: row.text("angle"),
                    findingSeq: row.int("finding_seq"), sourcePath: row.text("source_path") ?? "", sourceSHA256: row.text("sha256") ?? "",
                    pixelSHA256: row.text("pixel_sha256"), storedPath: row.text("stored_path") ?? "", thumbnailPath: row.text("thumbnail_path"),
                    width: row.int("width"), height: row.int("height"), orientation: row.int("orientation"), dHash: row.text("dhash") ?? "",
                    pHash: row.text("phash") ?? "", verdict: row.text("verdict"), problems: Self.problems(quality: row.text("quality")))
            }
        }
    }

    /// Stored photos of cars other than `excludingVIN` that match a photo (same file, same pixels, or a pHash within the
    /// policy's review distance), found through the in-memory pHash index. Read-only. The photo is taken as one of now (the
    /// latest possible time): every match is against an earlier inspection.
    package func findReuse(
        hash: PerceptualHash, sourceSHA256: String, pixelSHA256: String, excludingVIN vin: String, policy: PhotoPolicy
    ) throws(StoreError) -> [ReuseMatch] {
        try database.read { sql in
            try ReuseIndex.matches(
                sql, hashes: photoHashes, vin: vin, sourceSHA256: sourceSHA256, pixelSHA256: pixelSHA256, hash: hash, policy: policy
            ).map {
                ReuseMatch(
                    path: "", use: "", otherVIN: $0.vin, otherInspection: $0.inspection, otherUse: $0.use, otherPath: $0.path, kind: $0.kind,
                    distance: $0.distance, inspectedAt: Timestamp(epochSeconds: 253_402_300_799), otherInspectedAt: $0.inspectedAt)
            }
        }
    }

    /// Every stored VIN, sorted.
    package func vins() throws(StoreError) -> [String] {
        try database.read { sql in try sql.rows("SELECT vin FROM vehicle ORDER BY vin", []).compactMap { $0.text("vin") } }
    }

    /// Row counts per table, for summaries and tests.
    package func counts() throws(StoreError) -> [String: Int] {
        try database.read { sql in
            var result: [String: Int] = [:]
            for table in ["vehicle"] + Schema.appendOnlyTables { result[table] = try sql.row("SELECT count(*) AS n FROM \(table)")?.int("n") ?? 0 }
            return result
        }
    }

    /// Runs `PRAGMA integrity_check`; returns SQLite's answer (`ok` when healthy; always `ok` on PostgreSQL).
    package func integrityCheck() throws(StoreError) -> String {
        guard let pool else { return "ok" }  // PostgreSQL checks its own pages; there is no equivalent pragma
        do { return try pool.read { try String.fetchOne($0, sql: "PRAGMA integrity_check") ?? "" } } catch {
            throw .database(Self.describe(error))
        }
    }

    /// SQLite's journal mode (`wal` for every SQLite store; `postgres` on PostgreSQL).
    package func journalMode() throws(StoreError) -> String {
        guard let pool else { return "postgres" }
        do { return try pool.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") ?? "" } } catch {
            throw .database(Self.describe(error))
        }
    }

    /// The gates a stored photo did not pass, from its stored quality report (none when it has none).
    static func problems(quality: String?) -> [PhotoProblem] {
        guard let quality, let report = try? JSONDecoder().decode(QualityReport.self, from: Data(quality.utf8)) else { return [] }
        return report.gates.filter { $0.verdict != .ok }.map { PhotoProblem(gate: $0.gate, verdict: $0.verdict.rawValue, notice: $0.notice) }
    }

    /// The reuse matches of one inspection's photos, in both directions: those found when it was stored and those
    /// found later against it when another car's photo was stored, once per photo use and other car. Facts only: which side is the suspect is the
    /// domain's (``ReuseMatch/isSuspect``).
    static func reuse(of id: Int64, _ sql: any SQLExecutor) throws -> [ReuseMatch] {
        let columns = """
            SELECT r.id, r.kind, r.distance, p.source_path, p.role, p.angle, pi.inspected_at, o.source_path AS other_path,
                o.role AS other_role, o.angle AS other_angle, oi.vin AS other_vin, oi.stage AS other_stage, oi.revision AS other_revision,
                oi.inspected_at AS other_inspected_at, fp.code, fo.code AS other_code
            FROM photo_reuse r
            """
        func matches(_ mine: String, _ theirs: String) throws -> [(Int64, ReuseMatch)] {
            try sql.rows(
                columns + """

                    JOIN photo p ON p.inspection_id = r.\(mine)inspection_id AND p.seq = r.\(mine)seq
                    JOIN inspection pi ON pi.id = r.\(mine)inspection_id
                    JOIN photo o ON o.inspection_id = r.\(theirs)inspection_id AND o.seq = r.\(theirs)seq
                    JOIN inspection oi ON oi.id = r.\(theirs)inspection_id
                    LEFT JOIN finding fp ON fp.inspection_id = p.inspection_id AND fp.seq = p.finding_seq
                    LEFT JOIN finding fo ON fo.inspection_id = o.inspection_id AND fo.seq = o.finding_seq
                    WHERE r.\(mine)inspection_id = ? ORDER BY r.id
                    """, [id]
            ).map { match in
                let reuse = ReuseMatch(
                    path: match.text("source_path") ?? "", use: Self.photoUse(match, code: "code", angle: "angle", role: "role"),
                    otherVIN: match.text("other_vin") ?? "",
                    otherInspection: "\(match.text("other_stage") ?? "") r\(match.int("other_revision") ?? 0)",
                    otherUse: Self.photoUse(match, code: "other_code", angle: "other_angle", role: "other_role"),
                    otherPath: match.text("other_path") ?? "",
                    kind: ReuseMatch.Kind(rawValue: match.text("kind") ?? "") ?? .review, distance: match.int("distance") ?? 0,
                    inspectedAt: ReuseIndex.timestamp(match.text("inspected_at")),
                    otherInspectedAt: ReuseIndex.timestamp(match.text("other_inspected_at")))
                return (match.integer("id") ?? 0, reuse)
            }
        }
        // One match per photo of this inspection and other car (that car's appraisal and audit may share the photo), the
        // strongest, first recorded.
        var seen = Set<String>()
        return (try matches("", "other_") + matches("other_", "")).sorted { ($0.1.kind, $0.0) < ($1.1.kind, $1.0) }
            .filter { seen.insert("\($0.1.use)/\($0.1.otherVIN)").inserted }.sorted { $0.0 < $1.0 }.map(\.1)
    }

    /// What a photo row is for, as ``ReuseMatch/use`` names it: its angle, `odometer`, or `defect <code>`.
    static func photoUse(_ row: SQLRow, code: String, angle: String, role: String) -> String {
        if let angle = row.text(angle) { return angle }
        let role = row.text(role) ?? ""
        return role == PhotoRole.defect.rawValue ? "defect \(row.text(code) ?? "?")" : role
    }
}
