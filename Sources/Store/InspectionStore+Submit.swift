import Foundation
import ImageOps
import Inspection

/// Storing a submission: a new revision, or nothing when its content is unchanged.
extension InspectionStore {
    /// The newest stored revision of a VIN and stage with its content hash, if any.
    package func latestRevision(vin: String, stage: Stage) throws(StoreError) -> (revision: Int, hash: String)? {
        try database.read { sql in
            try sql.row(
                "SELECT revision, content_sha256 FROM inspection WHERE vin = ? AND stage = ? ORDER BY revision DESC LIMIT 1", [vin, stage.rawValue]
            )
            .map { ($0.int("revision") ?? 0, $0.text("content_sha256") ?? "") }
        }
    }

    /// Stores a validated submission as a new revision, or does nothing when its content equals the latest revision
    /// of the same VIN and stage. `photos` holds the normalisation of every photo the submission references (by the
    /// path written in it); the normalised image and thumbnail are written (atomically, content-addressed) before the
    /// database transaction, so a stored row never points at a missing file. Photos matching another car's stored
    /// photos are recorded and returned. `assessment` is the grade the caller computed (the store never grades). A
    /// failure leaves the database as it was.
    package func submit(
        _ validated: ValidatedSubmission, assessment: Assessment, photos: [String: NormalisedPhoto], policy: PhotoPolicy, submittedAt: String
    ) throws(StoreError) -> SubmitOutcome {
        let submission = validated.submission
        let vin = submission.vehicle.vin.value
        let stage = submission.stage.rawValue
        let hash = validated.contentHash
        if let latest = try latestRevision(vin: vin, stage: submission.stage), latest.hash == hash {
            return .unchanged(vin: vin, stage: stage, revision: latest.revision)
        }
        var stored: [String: (image: String, thumbnail: String)] = [:]
        var written = 0
        for path in submission.allPhotoPaths {
            guard let photo = photos[path] else { throw .photoCopyFailed(path: path, reason: "the photo was not normalised") }
            let files = try photoFiles.write(photo, for: path)
            if files.new { written += 1 }
            stored[path] = (files.image, files.thumbnail)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let document: String
        let assessmentJSON: String
        var qualityJSON: [String: String] = [:]
        do {
            document = String(decoding: try encoder.encode(submission), as: UTF8.self)
            assessmentJSON = String(decoding: try encoder.encode(assessment), as: UTF8.self)
            for (path, photo) in photos { qualityJSON[path] = String(decoding: try encoder.encode(photo.quality), as: UTF8.self) }
        } catch {
            throw .database("cannot encode the inspection: \(error)")
        }
        // One writer per car: SQLite's write transaction is immediate (the whole database); PostgreSQL's takes a lock on
        // the VIN, so two workers storing the same car one after the other get revisions 1 and 2, never a clash.
        return try database.write { sql in
            if database.dialect == .postgres { try sql.execute("SELECT pg_advisory_xact_lock(hashtext(?))", [vin]) }
            return try insert(sql)
        }

        func insert(_ sql: any SQLExecutor) throws -> SubmitOutcome {
            // Re-check inside the write transaction: another process may have stored the same content.
            let latest = try sql.row(
                "SELECT revision, content_sha256 FROM inspection WHERE vin = ? AND stage = ? ORDER BY revision DESC LIMIT 1", [vin, stage])
            let latestRevision = latest?.int("revision") ?? 0
            if let latest, latest.text("content_sha256") == hash {
                return .unchanged(vin: vin, stage: stage, revision: latestRevision)
            }
            try sql.execute("INSERT INTO vehicle (vin, first_seen_at) VALUES (?, ?) ON CONFLICT DO NOTHING", [vin, submittedAt])
            let id = try sql.insert(
                """
                INSERT INTO inspection (vin, stage, revision, content_sha256, template_id, template_sha256, inspected_at,
                    inspected_at_epoch, inspector_id, inspector_name, site, source_path, submitted_at, total_hundredths, grade_id,
                    document, assessment)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
                """,
                [
                    vin, stage, latestRevision + 1, hash, validated.template.id, validated.template.sha256, submission.inspectedAt.text,
                    submission.inspectedAt.epochSeconds, submission.inspector.id, submission.inspector.name, submission.site,
                    validated.displayPath, submittedAt, assessment.total?.hundredths, assessment.grade?.id, document, assessmentJSON,
                ])
            for (seq, defect) in submission.defects.enumerated() {
                try sql.execute(
                    "INSERT INTO finding (inspection_id, seq, part, defect, degree, code, note) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    [id, seq + 1, defect.part, defect.type, defect.degree, defect.code, defect.note])
            }
            for check in submission.checks {
                try sql.execute(
                    "INSERT INTO check_result (inspection_id, check_id, result, note) VALUES (?, ?, ?, ?)",
                    [id, check.id, check.result.rawValue, check.note])
            }
            var seq = 0
            var matches: [ReuseMatch] = []
            var checked = Set<String>()  // a file used twice (odometer and dashboard angle) is looked up once
            var hashed: [(seq: Int, words: [UInt64])] = []
            // Reuse lookups see every photo_hash row committed before, in id order (see PhotoHashCache): on PostgreSQL
            // submissions that add hashes take turns from here to their commit.
            if database.dialect == .postgres { try sql.execute("SELECT pg_advisory_xact_lock(7215002)", []) }
            func photo(_ role: PhotoRole, _ angle: String?, _ finding: Int?, _ relative: String, use: String) throws {
                guard let file = validated.photos[relative], let normalised = photos[relative], let paths = stored[relative] else { return }
                seq += 1
                try sql.execute(
                    """
                    INSERT INTO photo (inspection_id, seq, role, angle, finding_seq, source_path, sha256, byte_count, stored_path,
                        pixel_sha256, thumbnail_path, format, width, height, source_width, source_height, orientation, dhash, phash,
                        verdict, quality)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                    [
                        id, seq, role.rawValue, angle, finding, relative, file.sha256, file.byteCount, paths.image, normalised.pixelSHA256,
                        paths.thumbnail, normalised.format.rawValue, normalised.width, normalised.height, normalised.quality.sourceWidth,
                        normalised.quality.sourceHeight, normalised.orientation, normalised.hash.dHashHex, normalised.hash.pHashHex,
                        normalised.quality.verdict.rawValue, qualityJSON[relative],
                    ])
                hashed.append((seq, normalised.hash.pHash))
                guard checked.insert(relative).inserted else { return }
                for match in try ReuseIndex.matches(
                    sql, hashes: photoHashes, vin: vin, sourceSHA256: file.sha256, pixelSHA256: normalised.pixelSHA256, hash: normalised.hash,
                    policy: policy)
                {
                    try sql.execute(
                        """
                        INSERT INTO photo_reuse (inspection_id, seq, other_inspection_id, other_seq, kind, distance, detected_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        """, [id, seq, match.inspectionID, match.seq, match.kind.rawValue, match.distance, submittedAt])
                    matches.append(
                        ReuseMatch(
                            path: relative, use: use, otherVIN: match.vin, otherInspection: match.inspection, otherUse: match.use,
                            otherPath: match.path, kind: match.kind, distance: match.distance, inspectedAt: submission.inspectedAt,
                            otherInspectedAt: match.inspectedAt))
                }
            }
            if let odometerPhoto = submission.odometer.photo { try photo(.odometer, nil, nil, odometerPhoto, use: "odometer") }
            for anglePhoto in submission.photos { try photo(.angle, anglePhoto.angle, nil, anglePhoto.path, use: anglePhoto.angle) }
            for (index, defect) in submission.defects.enumerated() {
                for path in defect.photos { try photo(.defect, nil, index + 1, path, use: "defect \(defect.code)") }
            }
            // This car's hashes go in after its lookups, so the in-memory index never loads a row that may roll back.
            for (seq, words) in hashed {
                try sql.execute(
                    "INSERT INTO photo_hash (inspection_id, seq, p0, p1, p2, p3) VALUES (?, ?, ?, ?, ?, ?)",
                    [id, seq] + words.map { Int64(bitPattern: $0) as any SQLBindable })
            }
            for section in assessment.sections {
                try sql.execute(
                    """
                    INSERT INTO section_score (inspection_id, section, allowance_hundredths, deducted_hundredths, score_hundredths)
                    VALUES (?, ?, ?, ?, ?)
                    """, [id, section.id, section.allowance.hundredths, section.deducted.hundredths, section.score.hundredths])
            }
            let odometer = submission.odometer
            try sql.execute(
                """
                INSERT INTO odometer_reading (vin, inspection_id, stage, reading, unit, km, read_at, read_at_epoch, source, recorded_at,
                    mode, route_km, photo_path, photo_sha256)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'submission', ?, ?, ?, ?, ?)
                """,
                [
                    vin, id, stage, odometer.reading, odometer.unit.rawValue, odometer.kilometres, submission.inspectedAt.text,
                    submission.inspectedAt.epochSeconds, submittedAt, submission.transport?.mode.rawValue, submission.transport?.routeKm,
                    odometer.photo.flatMap { stored[$0]?.image }, odometer.photo.flatMap { validated.photos[$0]?.sha256 },
                ])
            return .stored(
                StoredRevision(vin: vin, stage: stage, revision: latestRevision + 1, inspectionID: id, photosWritten: written, reuse: matches))
        }
    }
}
