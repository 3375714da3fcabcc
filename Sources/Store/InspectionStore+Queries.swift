import Foundation
import GRDB
import ImageOps
import Inspection

/// Reading back what is stored: cars, inspections, photos, reuse matches, and health checks.
extension InspectionStore {
    /// Everything stored for `vin`, or nil when nothing is.
    package func vehicle(vin: String) throws(StoreError) -> StoredVehicle? {
        do {
            return try pool.read { db -> StoredVehicle? in
                let rows = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT id, stage, revision, content_sha256, submitted_at, source_path, document, assessment
                        FROM inspection WHERE vin = ? ORDER BY CASE stage WHEN 'appraisal' THEN 0 WHEN 'audit' THEN 1 ELSE 2 END, revision
                        """,
                    arguments: [vin])
                guard !rows.isEmpty else { return nil }
                let decoder = JSONDecoder()
                let inspections = try rows.map { row in
                    let id: Int64 = row["id"]
                    let verdicts = try String.fetchAll(
                        db, sql: "SELECT verdict FROM photo WHERE inspection_id = ? AND verdict IS NOT NULL ORDER BY seq", arguments: [id])
                    let reuse = try Row.fetchAll(
                        db,
                        sql: """
                            SELECT r.kind, r.distance, p.source_path, p.role, p.angle, o.source_path AS other_path, o.role AS other_role,
                                o.angle AS other_angle, oi.vin AS other_vin, oi.stage AS other_stage, oi.revision AS other_revision
                            FROM photo_reuse r
                            JOIN photo p ON p.inspection_id = r.inspection_id AND p.seq = r.seq
                            JOIN photo o ON o.inspection_id = r.other_inspection_id AND o.seq = r.other_seq
                            JOIN inspection oi ON oi.id = r.other_inspection_id
                            WHERE r.inspection_id = ? ORDER BY r.id
                            """,
                        arguments: [id]
                    ).map { match in
                        ReuseMatch(
                            path: match["source_path"], use: (match["angle"] as String?) ?? match["role"], otherVIN: match["other_vin"],
                            otherInspection: "\(match["other_stage"] as String) r\(match["other_revision"] as Int)",
                            otherUse: (match["other_angle"] as String?) ?? match["other_role"], otherPath: match["other_path"],
                            kind: ReuseMatch.Kind(rawValue: match["kind"]) ?? .review, distance: match["distance"])
                    }
                    return StoredInspection(
                        id: id, stage: Stage(rawValue: row["stage"]) ?? .appraisal, revision: row["revision"],
                        contentHash: row["content_sha256"], submittedAt: row["submitted_at"], sourcePath: row["source_path"],
                        submission: try decoder.decode(Submission.self, from: Data((row["document"] as String).utf8)),
                        assessment: try decoder.decode(Assessment.self, from: Data((row["assessment"] as String).utf8)),
                        photoVerdicts: verdicts, reuse: reuse)
                }
                let readings = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT id, stage, reading, unit, km, read_at, source, inspection_id, supersedes_id
                        FROM odometer_reading WHERE vin = ? ORDER BY read_at_epoch, id
                        """,
                    arguments: [vin]
                ).map { row in
                    StoredOdometerReading(
                        id: row["id"], stage: row["stage"], reading: row["reading"], unit: DistanceUnit(rawValue: row["unit"]) ?? .km,
                        kilometres: row["km"], readAt: row["read_at"], source: row["source"], inspectionID: row["inspection_id"],
                        supersedes: row["supersedes_id"])
                }
                return StoredVehicle(vin: vin, inspections: inspections, odometer: readings)
            }
        } catch {
            throw .database(Self.describe(error))
        }
    }

    /// The photo rows of one inspection, in order.
    package func photoRows(inspection id: Int64) throws(StoreError) -> [StoredPhoto] {
        do {
            return try pool.read { db in
                try Row.fetchAll(
                    db,
                    sql: """
                        SELECT seq, role, angle, finding_seq, source_path, sha256, pixel_sha256, stored_path, thumbnail_path, width, height,
                            orientation, dhash, phash, verdict, quality
                        FROM photo WHERE inspection_id = ? ORDER BY seq
                        """,
                    arguments: [id]
                ).map { row in
                    StoredPhoto(
                        seq: row["seq"], role: PhotoRole(rawValue: row["role"]) ?? .angle, angle: row["angle"], findingSeq: row["finding_seq"],
                        sourcePath: row["source_path"],
                        sourceSHA256: row["sha256"],
                        pixelSHA256: row["pixel_sha256"], storedPath: row["stored_path"], thumbnailPath: row["thumbnail_path"], width: row["width"],
                        height: row["height"], orientation: row["orientation"], dHash: row["dhash"] ?? "", pHash: row["phash"] ?? "",
                        verdict: row["verdict"],
                        problems: Self.problems(quality: row["quality"]))
                }
            }
        } catch {
            throw .database(Self.describe(error))
        }
    }

    /// Stored photos of cars other than `excludingVIN` that match a photo (same file, same pixels, or a pHash within the
    /// policy's review distance), found through the band index. Read-only.
    package func findReuse(
        hash: PerceptualHash, sourceSHA256: String, pixelSHA256: String, excludingVIN vin: String, policy: PhotoPolicy
    ) throws(StoreError) -> [ReuseMatch] {
        do {
            return try pool.read { db in
                try ReuseIndex.matches(
                    db, vin: vin, sourceSHA256: sourceSHA256, pixelSHA256: pixelSHA256, hash: hash, policy: policy
                ).map {
                    ReuseMatch(
                        path: "", use: "", otherVIN: $0.vin, otherInspection: $0.inspection, otherUse: $0.use, otherPath: $0.path, kind: $0.kind,
                        distance: $0.distance)
                }
            }
        } catch {
            throw .database(Self.describe(error))
        }
    }

    /// Every stored VIN, sorted.
    package func vins() throws(StoreError) -> [String] {
        do { return try pool.read { try String.fetchAll($0, sql: "SELECT vin FROM vehicle ORDER BY vin") } } catch {
            throw .database(Self.describe(error))
        }
    }

    /// Row counts per table, for summaries and tests.
    package func counts() throws(StoreError) -> [String: Int] {
        do {
            return try pool.read { db in
                var result: [String: Int] = [:]
                for table in ["vehicle"] + Schema.appendOnlyTables {
                    result[table] = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0
                }
                return result
            }
        } catch {
            throw .database(Self.describe(error))
        }
    }

    /// Runs `PRAGMA integrity_check`; returns SQLite's answer (`ok` when healthy).
    package func integrityCheck() throws(StoreError) -> String {
        do { return try pool.read { try String.fetchOne($0, sql: "PRAGMA integrity_check") ?? "" } } catch {
            throw .database(Self.describe(error))
        }
    }

    /// SQLite's journal mode (`wal` for every store).
    package func journalMode() throws(StoreError) -> String {
        do { return try pool.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") ?? "" } } catch {
            throw .database(Self.describe(error))
        }
    }

    /// The gates a stored photo did not pass, from its stored quality report (none when it has none).
    static func problems(quality: String?) -> [PhotoProblem] {
        guard let quality, let report = try? JSONDecoder().decode(QualityReport.self, from: Data(quality.utf8)) else { return [] }
        return report.gates.filter { $0.verdict != .ok }.map { PhotoProblem(gate: $0.gate, verdict: $0.verdict.rawValue, notice: $0.notice) }
    }
}
