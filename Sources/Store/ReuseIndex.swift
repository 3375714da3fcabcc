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
        _ sql: any SQLExecutor, vin: String, sourceSHA256: String, pixelSHA256: String, hash: PerceptualHash, policy: PhotoPolicy
    ) throws -> [Match] {
        var found: [String: Match] = [:]
        func consider(_ rows: [SQLRow], exact: ReuseMatch.Kind?) {
            for row in rows {
                let inspectionID = row.integer("inspection_id") ?? 0, seq = row.int("seq") ?? 0
                // One match per distinct photo of each other car (the same file used for two angles or by two
                // inspections of that car is reported once, at its first use).
                let key = "\(row.text("vin") ?? "")/" + (row.text("pixel_sha256") ?? "\(inspectionID)/\(seq)")
                let other = row.text("phash").flatMap { PerceptualHash(dHashHex: row.text("dhash") ?? "", pHashHex: $0) }
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
                if let existing = found[key], (existing.kind, existing.inspectionID, existing.seq) <= (kind, inspectionID, seq) { continue }
                let role = row.text("role") ?? ""
                let use = row.text("angle") ?? (role == "defect" ? "defect \(row.text("code") ?? "?")" : role)
                found[key] = Match(
                    inspectionID: inspectionID, seq: seq, vin: row.text("vin") ?? "",
                    inspection: "\(row.text("stage") ?? "") r\(row.int("revision") ?? 0)", use: use, path: row.text("source_path") ?? "",
                    kind: kind, distance: distance)
            }
        }
        consider(try sql.rows(columns + " WHERE p.sha256 = ? AND i.vin != ?", [sourceSHA256, vin]), exact: .identicalFile)
        consider(try sql.rows(columns + " WHERE p.pixel_sha256 = ? AND i.vin != ?", [pixelSHA256, vin]), exact: .identicalPixels)
        // Phase 1: candidates from the band index, with only their hashes; phase 2: details for the close ones.
        let probes = PHashBands.probes(hash, radius: PHashBands.radius(for: policy.reviewMaxDistance))
        let placeholders = Array(repeating: "?", count: probes.count).joined(separator: ",")
        let candidates = try sql.rows(
            """
            SELECT p.inspection_id, p.seq, p.phash
            FROM (SELECT DISTINCT inspection_id, seq FROM phash_band WHERE key IN (\(placeholders))) c
            JOIN photo p ON p.inspection_id = c.inspection_id AND p.seq = c.seq
            """, probes.map { $0 as any SQLBindable })
        for candidate in candidates {
            guard let text = candidate.text("phash"), let other = PerceptualHash(dHashHex: String(repeating: "0", count: 16), pHashHex: text),
                hash.pHashDistance(to: other) <= policy.reviewMaxDistance
            else { continue }
            consider(
                try sql.rows(
                    columns + " WHERE p.inspection_id = ? AND p.seq = ? AND i.vin != ?",
                    [candidate.integer("inspection_id") ?? 0, candidate.int("seq") ?? 0, vin]), exact: nil)
        }
        return found.values.sorted { ($0.kind, $0.distance, $0.inspectionID, $0.seq) < ($1.kind, $1.distance, $1.inspectionID, $1.seq) }
    }
}
