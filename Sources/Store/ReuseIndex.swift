import GRDB
import ImageOps
import Inspection

/// Finds stored photos of *other* cars that match a photo: the same file, the same pixels, or a pHash within the
/// policy's review distance, through the band index (never a scan of every photo).
enum ReuseIndex {
    /// A stored photo that matches.
    struct Match {
        var inspectionID: Int64
        var seq: Int
        var vin: String
        var inspection: String
        var use: String
        var path: String
        var kind: ReuseMatch.Kind
        var distance: Int
    }

    private static let columns = """
        SELECT p.inspection_id, p.seq, p.role, p.angle, p.source_path, p.phash, p.dhash, p.pixel_sha256, i.vin, i.stage, i.revision, f.code
        FROM photo p
        JOIN inspection i ON i.id = p.inspection_id
        LEFT JOIN finding f ON f.inspection_id = p.inspection_id AND f.seq = p.finding_seq
        """

    static func matches(
        _ db: Database, vin: String, sourceSHA256: String, pixelSHA256: String, hash: PerceptualHash, policy: PhotoPolicy
    ) throws -> [Match] {
        var found: [String: Match] = [:]
        func consider(_ rows: [Row], exact: ReuseMatch.Kind?) {
            for row in rows {
                // One match per distinct photo of each other car (the same file used for two angles or by two
                // inspections of that car is reported once, at its first use).
                let key = "\(row["vin"] as String)/" + ((row["pixel_sha256"] as String?) ?? "\(row["inspection_id"] as Int64)/\(row["seq"] as Int)")
                let other = (row["phash"] as String?).flatMap { PerceptualHash(dHashHex: row["dhash"] ?? "", pHashHex: $0) }
                let distance = other.map { hash.pHashDistance(to: $0) } ?? 0
                let kind: ReuseMatch.Kind
                if let exact {
                    kind = exact
                } else if distance <= policy.samePhotoMaxDistance {
                    kind = .samePhoto
                } else if distance <= policy.reviewMaxDistance {
                    kind = .review
                } else {
                    continue
                }
                if let existing = found[key],
                    (existing.kind, existing.inspectionID, existing.seq) <= (kind, row["inspection_id"] as Int64, row["seq"] as Int)
                {
                    continue
                }
                let role: String = row["role"]
                let use = (row["angle"] as String?) ?? (role == "defect" ? "defect \((row["code"] as String?) ?? "?")" : role)
                found[key] = Match(
                    inspectionID: row["inspection_id"], seq: row["seq"], vin: row["vin"],
                    inspection: "\(row["stage"] as String) r\(row["revision"] as Int)",
                    use: use, path: row["source_path"], kind: kind, distance: distance)
            }
        }
        consider(try Row.fetchAll(db, sql: columns + " WHERE p.sha256 = ? AND i.vin != ?", arguments: [sourceSHA256, vin]), exact: .identicalFile)
        consider(
            try Row.fetchAll(db, sql: columns + " WHERE p.pixel_sha256 = ? AND i.vin != ?", arguments: [pixelSHA256, vin]), exact: .identicalPixels)
        // Phase 1: candidates from the band index, with only their hashes; phase 2: details for the close ones.
        let probes = PHashBands.probes(hash, radius: PHashBands.radius(for: policy.reviewMaxDistance))
        let placeholders = Array(repeating: "?", count: probes.count).joined(separator: ",")
        let candidates = try Row.fetchAll(
            db,
            sql: """
                SELECT p.inspection_id, p.seq, p.phash
                FROM (SELECT DISTINCT inspection_id, seq FROM phash_band WHERE key IN (\(placeholders))) c
                JOIN photo p ON p.inspection_id = c.inspection_id AND p.seq = c.seq
                """,
            arguments: StatementArguments(probes as [any DatabaseValueConvertible]))
        for candidate in candidates {
            guard let text = candidate["phash"] as String?, let other = PerceptualHash(dHashHex: String(repeating: "0", count: 16), pHashHex: text),
                hash.pHashDistance(to: other) <= policy.reviewMaxDistance
            else { continue }
            consider(
                try Row.fetchAll(
                    db, sql: columns + " WHERE p.inspection_id = ? AND p.seq = ? AND i.vin != ?",
                    arguments: [candidate["inspection_id"] as Int64, candidate["seq"] as Int, vin]), exact: nil)
        }
        return found.values.sorted { ($0.kind, $0.distance, $0.inspectionID, $0.seq) < ($1.kind, $1.distance, $1.inspectionID, $1.seq) }
    }
}
