import Foundation
import GRDB
import ImageOps
import Inspection

/// The SQLite store (WAL mode): append-only inspections with revisions, findings, checks, scores, photos
/// and the odometer ledger; photo files live content-addressed in a `photos/` folder beside the database.
package final class InspectionStore: Sendable {
    /// The database file.
    package let path: String
    /// Where photo files are kept (`<db folder>/photos`).
    package let photoFolder: URL
    private let pool: DatabasePool

    /// Opens (creating if needed) the database at `path`, brings its schema up to date and sweeps stale partial
    /// photo files.
    package init(path: String) throws(StoreError) {
        self.path = path
        let url = URL(filePath: path)
        photoFolder = url.deletingLastPathComponent().appending(path: "photos")
        var config = Configuration()
        config.busyMode = .timeout(30)
        config.foreignKeysEnabled = true
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            pool = try DatabasePool(path: path, configuration: config)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            throw .notADatabase(path: path)
        } catch {
            throw .cannotOpen(path: path, reason: Self.describe(error))
        }
        do {
            let migrator = Schema.migrator
            if try pool.read({ try migrator.hasBeenSuperseded($0) }) { throw StoreError.newerSchema(path: path) }
            try migrator.migrate(pool)
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            throw .notADatabase(path: path)
        } catch {
            throw .database(Self.describe(error))
        }
        sweepIncoming()
    }

    /// The newest stored revision of a VIN and stage with its content hash, if any.
    package func latestRevision(vin: String, stage: Stage) throws(StoreError) -> (revision: Int, hash: String)? {
        do {
            return try pool.read { db in
                try Row.fetchOne(
                    db, sql: "SELECT revision, content_sha256 FROM inspection WHERE vin = ? AND stage = ? ORDER BY revision DESC LIMIT 1",
                    arguments: [vin, stage.rawValue]
                ).map { ($0["revision"], $0["content_sha256"]) }
            }
        } catch {
            throw .database(Self.describe(error))
        }
    }

    /// Stores a validated submission as a new revision, or does nothing when its content equals the latest revision
    /// of the same VIN and stage. `photos` holds the normalisation of every photo the submission references (by the
    /// path written in it); the normalised image and thumbnail are written (atomically, content-addressed) before the
    /// database transaction, so a stored row never points at a missing file. Photos matching another car's stored
    /// photos are recorded and returned. A failure leaves the database as it was.
    package func submit(
        _ validated: ValidatedSubmission, photos: [String: NormalisedPhoto], policy: PhotoPolicy, submittedAt: String
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
            let image = "photos/\(photo.pixelSHA256.prefix(2))/\(photo.pixelSHA256).jpg"
            let thumbnail = "photos/\(photo.pixelSHA256.prefix(2))/\(photo.pixelSHA256).thumb.jpg"
            if try writeOnce(photo.jpeg, to: image, for: path) { written += 1 }
            _ = try writeOnce(photo.thumbnailJPEG, to: thumbnail, for: path)
            stored[path] = (image, thumbnail)
        }
        let assessment = Grader.assess(submission, template: validated.template)
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
        do {
            // BEGIN IMMEDIATE takes the write lock before reading, so two processes submitting at once are serialised
            // (a deferred transaction could fail with SQLITE_BUSY when upgrading from read to write under WAL).
            var outcome = SubmitOutcome.unchanged(vin: vin, stage: stage, revision: 0)
            try pool.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    outcome = try insert(db)
                    return .commit
                }
            }
            return outcome
        } catch {
            throw .database(Self.describe(error))
        }

        func insert(_ db: Database) throws -> SubmitOutcome {
            // Re-check inside the write transaction: another process may have stored the same content.
            let latest = try Row.fetchOne(
                db, sql: "SELECT revision, content_sha256 FROM inspection WHERE vin = ? AND stage = ? ORDER BY revision DESC LIMIT 1",
                arguments: [vin, stage])
            let latestRevision: Int = latest?["revision"] ?? 0
            if let latest, (latest["content_sha256"] as String) == hash {
                return .unchanged(vin: vin, stage: stage, revision: latestRevision)
            }
            try db.execute(sql: "INSERT OR IGNORE INTO vehicle (vin, first_seen_at) VALUES (?, ?)", arguments: [vin, submittedAt])
            try db.execute(
                sql: """
                    INSERT INTO inspection (vin, stage, revision, content_sha256, template_id, template_sha256, inspected_at,
                        inspected_at_epoch, inspector_id, inspector_name, site, source_path, submitted_at, total_hundredths, grade_id,
                        document, assessment)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    vin, stage, latestRevision + 1, hash, validated.template.id, validated.template.sha256, submission.inspectedAt.text,
                    submission.inspectedAt.epochSeconds, submission.inspector.id, submission.inspector.name, submission.site,
                    validated.displayPath, submittedAt, assessment.total?.hundredths, assessment.grade?.id, document, assessmentJSON,
                ])
            let id = db.lastInsertedRowID
            for (seq, defect) in submission.defects.enumerated() {
                try db.execute(
                    sql: "INSERT INTO finding (inspection_id, seq, part, defect, degree, code, note) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    arguments: [id, seq + 1, defect.part, defect.type, defect.degree, defect.code, defect.note])
            }
            for check in submission.checks {
                try db.execute(
                    sql: "INSERT INTO check_result (inspection_id, check_id, result, note) VALUES (?, ?, ?, ?)",
                    arguments: [id, check.id, check.result.rawValue, check.note])
            }
            var seq = 0
            var matches: [ReuseMatch] = []
            var checked = Set<String>()  // a file used twice (odometer and dashboard angle) is looked up once
            func photo(_ role: String, _ angle: String?, _ finding: Int?, _ relative: String, use: String) throws {
                guard let file = validated.photos[relative], let normalised = photos[relative], let paths = stored[relative] else { return }
                seq += 1
                try db.execute(
                    sql: """
                        INSERT INTO photo (inspection_id, seq, role, angle, finding_seq, source_path, sha256, byte_count, stored_path,
                            pixel_sha256, thumbnail_path, format, width, height, source_width, source_height, orientation, dhash, phash,
                            verdict, quality)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        id, seq, role, angle, finding, relative, file.sha256, file.byteCount, paths.image, normalised.pixelSHA256,
                        paths.thumbnail, normalised.format.rawValue, normalised.width, normalised.height, normalised.quality.sourceWidth,
                        normalised.quality.sourceHeight, normalised.orientation, normalised.hash.dHashHex, normalised.hash.pHashHex,
                        normalised.quality.verdict.rawValue, qualityJSON[relative],
                    ])
                for key in PHashBands.keys(normalised.hash) {
                    try db.execute(sql: "INSERT OR IGNORE INTO phash_band (key, inspection_id, seq) VALUES (?, ?, ?)", arguments: [key, id, seq])
                }
                guard checked.insert(relative).inserted else { return }
                for match in try ReuseIndex.matches(
                    db, vin: vin, sourceSHA256: file.sha256, pixelSHA256: normalised.pixelSHA256, hash: normalised.hash, policy: policy)
                {
                    try db.execute(
                        sql: """
                            INSERT INTO photo_reuse (inspection_id, seq, other_inspection_id, other_seq, kind, distance, detected_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?)
                            """,
                        arguments: [id, seq, match.inspectionID, match.seq, match.kind.rawValue, match.distance, submittedAt])
                    matches.append(
                        ReuseMatch(
                            path: relative, use: use, otherVIN: match.vin, otherInspection: match.inspection, otherUse: match.use,
                            otherPath: match.path, kind: match.kind, distance: match.distance))
                }
            }
            if let odometerPhoto = submission.odometer.photo { try photo("odometer", nil, nil, odometerPhoto, use: "odometer") }
            for anglePhoto in submission.photos { try photo("angle", anglePhoto.angle, nil, anglePhoto.path, use: anglePhoto.angle) }
            for (index, defect) in submission.defects.enumerated() {
                for path in defect.photos { try photo("defect", nil, index + 1, path, use: "defect \(defect.code)") }
            }
            for section in assessment.sections {
                try db.execute(
                    sql: """
                        INSERT INTO section_score (inspection_id, section, allowance_hundredths, deducted_hundredths, score_hundredths)
                        VALUES (?, ?, ?, ?, ?)
                        """,
                    arguments: [id, section.id, section.allowance.hundredths, section.deducted.hundredths, section.score.hundredths])
            }
            let odometer = submission.odometer
            try db.execute(
                sql: """
                    INSERT INTO odometer_reading (vin, inspection_id, stage, reading, unit, km, read_at, read_at_epoch, source, recorded_at,
                        mode, route_km, photo_path, photo_sha256)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'submission', ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    vin, id, stage, odometer.reading, odometer.unit.rawValue, odometer.kilometres, submission.inspectedAt.text,
                    submission.inspectedAt.epochSeconds, submittedAt, submission.transport?.mode.rawValue, submission.transport?.routeKm,
                    odometer.photo.flatMap { stored[$0]?.image }, odometer.photo.flatMap { validated.photos[$0]?.sha256 },
                ])
            return .stored(
                StoredRevision(vin: vin, stage: stage, revision: latestRevision + 1, inspectionID: id, photosWritten: written, reuse: matches))
        }
    }

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
                        seq: row["seq"], role: row["role"], angle: row["angle"], findingSeq: row["finding_seq"], sourcePath: row["source_path"],
                        sourceSHA256: row["sha256"],
                        pixelSHA256: row["pixel_sha256"], storedPath: row["stored_path"], thumbnailPath: row["thumbnail_path"], width: row["width"],
                        height: row["height"], orientation: row["orientation"], dHash: row["dhash"] ?? "", pHash: row["phash"] ?? "",
                        verdict: row["verdict"],
                        problems: ((row["quality"] as String?).flatMap { try? JSONDecoder().decode(QualityReport.self, from: Data($0.utf8)) }?.gates
                            ?? [])
                            .filter { $0.verdict != .ok }.map { "\($0.gate) \($0.verdict.rawValue): \($0.message)" })
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

    /// Fills the store with `count` synthetic photos (16 per synthetic car) whose pHashes are random variations of a
    /// few "inspection bay" hashes, for measuring the reuse lookup at scale. Benchmarks only; never run on real data.
    package func insertSyntheticPhotosForBenchmark(count: Int, seed: UInt64) throws(StoreError) -> [PerceptualHash] {
        var generator = SplitMix64(seed: seed)
        let bays = (0..<40).map { _ in (0..<4).map { _ in generator.next() } }
        var hashes: [PerceptualHash] = []
        do {
            try pool.write { db in
                var car = 0
                var id: Int64 = 0
                for index in 0..<count {
                    if index % 16 == 0 {
                        car += 1
                        let vin = String(format: "SYN%014d", car)
                        try db.execute(sql: "INSERT OR IGNORE INTO vehicle (vin, first_seen_at) VALUES (?, 'synthetic')", arguments: [vin])
                        try db.execute(
                            sql: """
                                INSERT INTO inspection (vin, stage, revision, content_sha256, template_id, template_sha256, inspected_at,
                                    inspected_at_epoch, inspector_id, source_path, submitted_at, document, assessment)
                                VALUES (?, 'appraisal', 1, 'synthetic', 'synthetic', 'synthetic', 'synthetic', 0, 'SYN', 'synthetic', 'synthetic', '{}', '{}')
                                """,
                            arguments: [vin])
                        id = db.lastInsertedRowID
                    }
                    // Each bit of the bay hash flips with probability 1/4: different photos of one bay end ~96 bits apart.
                    let bay = bays[Int(generator.next() % UInt64(bays.count))]
                    let words = bay.map { $0 ^ (generator.next() & generator.next()) }
                    let hash = PerceptualHash(dHash: generator.next(), pHash: words)
                    hashes.append(hash)
                    let seq = index % 16 + 1
                    try db.execute(
                        sql: """
                            INSERT INTO photo (inspection_id, seq, role, angle, source_path, sha256, byte_count, stored_path, pixel_sha256, dhash, phash)
                            VALUES (?, ?, 'angle', 'front', 'synthetic.jpg', ?, 0, 'synthetic', ?, ?, ?)
                            """,
                        arguments: [id, seq, "s\(index)", "p\(index)", hash.dHashHex, hash.pHashHex])
                    for key in PHashBands.keys(hash) {
                        try db.execute(sql: "INSERT OR IGNORE INTO phash_band (key, inspection_id, seq) VALUES (?, ?, ?)", arguments: [key, id, seq])
                    }
                }
            }
        } catch {
            throw .database(Self.describe(error))
        }
        return hashes
    }

    /// Appends a manual odometer reading to a car's ledger (the car must be known). `supersedes` names a record of the
    /// same car this one corrects; nothing is ever changed or deleted. Returns the new record's id.
    package func recordReading(_ record: OdometerRecord, recordedAt: String, photo: (path: String, sha256: String)?) throws(StoreError) -> Int64 {
        do {
            return try pool.writeWithoutTransaction { db in
                var id: Int64 = 0
                try db.inTransaction(.immediate) {
                    guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM vehicle WHERE vin = ?)", arguments: [record.vin]) == true else {
                        throw StoreError.unknownVehicle(record.vin)
                    }
                    if let old = record.supersedes {
                        let owner = try String.fetchOne(db, sql: "SELECT vin FROM odometer_reading WHERE id = ?", arguments: [old])
                        guard owner == record.vin else { throw StoreError.unknownReading(id: old, vin: record.vin) }
                        if let newer = try Int64.fetchOne(db, sql: "SELECT id FROM odometer_reading WHERE supersedes_id = ?", arguments: [old]) {
                            throw StoreError.alreadySuperseded(id: old, by: newer)
                        }
                    }
                    try db.execute(
                        sql: """
                            INSERT INTO odometer_reading (vin, inspection_id, stage, reading, unit, km, read_at, read_at_epoch, source, supersedes_id,
                                recorded_at, note, mode, route_km, photo_path, photo_sha256)
                            VALUES (?, NULL, ?, ?, ?, ?, ?, ?, 'manual', ?, ?, ?, ?, ?, ?, ?)
                            """,
                        arguments: [
                            record.vin, record.stage, record.reading, record.unit.rawValue, record.kilometres, record.at.text, record.at.epochSeconds,
                            record.supersedes, recordedAt, record.note, record.mode?.rawValue, record.routeKm, photo?.path, photo?.sha256,
                        ])
                    id = db.lastInsertedRowID
                    return .commit
                }
                return id
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw .database(Self.describe(error))
        }
    }

    /// Writes a ledger photo (already normalised) into the photo folder; returns its path relative to the database.
    package func storeLedgerPhoto(_ photo: NormalisedPhoto) throws(StoreError) -> String {
        let image = "photos/\(photo.pixelSHA256.prefix(2))/\(photo.pixelSHA256).jpg"
        _ = try writeOnce(photo.jpeg, to: image, for: "odometer photo")
        _ = try writeOnce(photo.thumbnailJPEG, to: "photos/\(photo.pixelSHA256.prefix(2))/\(photo.pixelSHA256).thumb.jpg", for: "odometer photo")
        return image
    }

    /// Every odometer record of a car, oldest first, and for each the other cars that recorded the same reading.
    package func ledger(vin: String) throws(StoreError) -> (records: [OdometerRecord], sameReadingElsewhere: [Int64: [String]]) {
        do {
            return try pool.read { db in
                let rows = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT id, vin, stage, reading, unit, read_at, source, mode, route_km, supersedes_id, note
                        FROM odometer_reading WHERE vin = ? ORDER BY read_at_epoch, id
                        """,
                    arguments: [vin])
                var records: [OdometerRecord] = []
                var elsewhere: [Int64: [String]] = [:]
                for row in rows {
                    let text: String = row["read_at"]
                    guard case let .success(at) = Timestamp.parse(text) else { continue }
                    let record = OdometerRecord(
                        id: row["id"], vin: row["vin"], stage: row["stage"], reading: row["reading"],
                        unit: DistanceUnit(rawValue: row["unit"]) ?? .km,
                        at: at, source: row["source"], mode: (row["mode"] as String?).flatMap(Transport.Mode.init(rawValue:)),
                        routeKm: row["route_km"],
                        supersedes: row["supersedes_id"], note: row["note"])
                    records.append(record)
                    let others = try String.fetchAll(
                        db, sql: "SELECT DISTINCT vin FROM odometer_reading WHERE reading = ? AND unit = ? AND vin != ? ORDER BY vin",
                        arguments: [record.reading, record.unit.rawValue, vin])
                    if !others.isEmpty { elsewhere[record.id] = others }
                }
                return (records, elsewhere)
            }
        } catch {
            throw .database(Self.describe(error))
        }
    }

    /// Records (or replaces) a batch step.
    package func recordBatchStep(_ step: BatchStep) throws(StoreError) {
        do {
            try pool.write { db in
                try db.execute(
                    sql: """
                        INSERT OR REPLACE INTO batch_step (day, car, step, fingerprint, status, detail, duration_ms, recorded_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [step.day, step.car, step.step, step.fingerprint, step.status, step.detail, step.durationMs, step.recordedAt])
            }
        } catch {
            throw .database(Self.describe(error))
        }
    }

    /// Every recorded step of a day folder.
    package func batchSteps(day: String) throws(StoreError) -> [BatchStep] {
        do {
            return try pool.read { db in
                try Row.fetchAll(db, sql: "SELECT * FROM batch_step WHERE day = ? ORDER BY car, step", arguments: [day]).map { row in
                    BatchStep(
                        day: row["day"], car: row["car"], step: row["step"], fingerprint: row["fingerprint"], status: row["status"],
                        detail: row["detail"],
                        durationMs: row["duration_ms"], recordedAt: row["recorded_at"])
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

    /// Runs raw SQL, for tests that prove the append-only triggers hold.
    package func executeForTesting(_ sql: String) throws(StoreError) {
        do { try pool.write { try $0.execute(sql: sql) } } catch { throw .database(Self.describe(error)) }
    }

    /// Writes `bytes` to `relative` (below the database's folder) unless a file is already there; atomic: written
    /// in full to `photos/.incoming/` first, then renamed into place, so no half-written file ever has a final name
    /// and what a killed process leaves behind is swept by ``sweepIncoming(olderThan:)``. True when written.
    private func writeOnce(_ bytes: [UInt8], to relative: String, for source: String) throws(StoreError) -> Bool {
        let destination = photoFolder.deletingLastPathComponent().appending(path: relative)
        if FileManager.default.fileExists(atPath: destination.path) { return false }
        let incoming = photoFolder.appending(path: Self.incomingFolder)
        let temporary = incoming.appending(path: "\(getpid())-\(UUID().uuidString).part")
        do {
            try FileManager.default.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.createDirectory(at: incoming, withIntermediateDirectories: true)
            try Data(bytes).write(to: temporary)
            guard rename(temporary.path, destination.path) == 0 else {
                let reason = String(cString: strerror(errno))
                try? FileManager.default.removeItem(at: temporary)
                throw StoreError.photoCopyFailed(path: source, reason: "cannot move into place: \(reason)")
            }
            return true
        } catch let error as StoreError {
            throw error
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw .photoCopyFailed(path: source, reason: error.localizedDescription)
        }
    }

    /// Where photo files are written before they are renamed into place (inside ``photoFolder``).
    package static let incomingFolder = ".incoming"

    /// Deletes files in `photos/.incoming/` older than `age` seconds: left by a process killed mid-write (a live
    /// writer's files are seconds old). Returns how many were deleted. Runs when the store is opened.
    @discardableResult
    package func sweepIncoming(olderThan age: TimeInterval = 3600) -> Int {
        let incoming = photoFolder.appending(path: Self.incomingFolder)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: incoming.path) else { return 0 }
        let cutoff = Date().addingTimeInterval(-age)
        var deleted = 0
        for name in names {
            let file = incoming.appending(path: name)
            guard let modified = (try? FileManager.default.attributesOfItem(atPath: file.path))?[.modificationDate] as? Date, modified < cutoff
            else { continue }
            if (try? FileManager.default.removeItem(at: file)) != nil { deleted += 1 }
        }
        return deleted
    }

    private static func describe(_ error: any Error) -> String {
        if let error = error as? DatabaseError { return error.message ?? error.description }
        return "\(error)"
    }
}
