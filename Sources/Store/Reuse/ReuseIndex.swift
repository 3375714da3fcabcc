import ImageOps
import Inspection

/// Finds stored photos of *other* cars that match a photo: the same file, the same pixels, or a pHash within the
/// policy's review distance, through the store's in-memory pHash index (``PhotoHashCache``; never a scan of every
/// photo row).
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
        /// When the other photo's inspection took place.
        var inspectedAt: Timestamp
    }

    private static let columns = """
        SELECT p.inspection_id, p.seq, p.role, p.angle, p.source_path, p.phash, p.dhash, p.sha256, p.pixel_sha256, i.vin, i.stage, i.revision, i.inspected_at, f.code
        FROM photo p
        JOIN inspection i ON i.id = p.inspection_id
        LEFT JOIN finding f ON f.inspection_id = p.inspection_id AND f.seq = p.finding_seq
        """

    static func matches(
        _ sql: any SQLExecutor, hashes: PhotoHashCache, vin: String, sourceSHA256: String, pixelSHA256: String, hash: PerceptualHash,
        policy: PhotoPolicy
    ) throws -> [Match] {
        var found: [String: Match] = [:]
        func consider(_ rows: [SQLRow], exact: Bool) {
            for row in rows {
                let inspectionID = row.integer("inspection_id") ?? 0, seq = row.int("seq") ?? 0
                // One match per distinct photo of each other car (the same file used for two angles or by two
                // inspections of that car is reported once, at its first use).
                let key = "\(row.text("vin") ?? "")/" + (row.text("pixel_sha256") ?? "\(inspectionID)/\(seq)")
                let other = row.text("phash").flatMap { PerceptualHash(dHashHex: row.text("dhash") ?? "", pHashHex: $0) }
                let distance = other.map { hash.pHashDistance(to: $0) } ?? 0
                let kind: ReuseMatch.Kind
                if exact {
                    kind = row.text("sha256") == sourceSHA256 ? .identicalFile : .identicalPixels
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
                    kind: kind, distance: distance, inspectedAt: Self.timestamp(row.text("inspected_at")))
            }
        }
        consider(try sql.rows(columns + " WHERE (p.sha256 = ? OR p.pixel_sha256 = ?) AND i.vin != ?", [sourceSHA256, pixelSHA256, vin]), exact: true)
        // The index gives the close hashes; one query reads their photos (other cars only).
        let hits = try hashes.within(policy.reviewMaxDistance, of: hash.pHash, using: sql)
        if !hits.isEmpty {
            let placeholders = Array(repeating: "?", count: hits.count).joined(separator: ",")
            let rows = try sql.rows(
                columns + " JOIN photo_hash h ON h.inspection_id = p.inspection_id AND h.seq = p.seq WHERE h.id IN (\(placeholders)) AND i.vin != ?",
                hits.map { $0.id as any SQLBindable } + [vin])
            consider(rows, exact: false)
        }
        return found.values.sorted { ($0.kind, $0.distance, $0.inspectionID, $0.seq) < ($1.kind, $1.distance, $1.inspectionID, $1.seq) }
    }

    /// A stored inspection time (validated when it was submitted).
    static func timestamp(_ text: String?) -> Timestamp { (try? Timestamp.parse(text ?? "").get()) ?? Timestamp(epochSeconds: 0) }
}
