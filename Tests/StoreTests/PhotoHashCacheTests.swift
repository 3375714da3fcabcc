import Common
import Foundation
import ImageOps
import PostgresNIO
import TestSupport
import Testing
import Workflows

@testable import Inspection
@testable import Store

/// The store's in-memory reuse index against the database, on both backends: it catches up with photos another
/// process stored after it loaded, two submissions racing with copies of one photo flag the later one (PostgreSQL
/// takes turns under an advisory lock), and PostgreSQL's migration fills the hash words from the stored hex.
@Suite struct PhotoHashCacheTests {
    let folder = TemporaryFolder()
    static let policy: PhotoPolicy = (try? PhotoPolicyLoader.load(from: Fixtures.photoPolicyFile)) ?? { fatalError("no photo policy") }()

    func submit(_ text: String, in folder: TemporaryFolder, to store: InspectionStore, at time: String) throws -> StoredRevision {
        let url = try folder.write(text, to: "appraisal.yaml")
        let report = SubmissionValidator(catalog: Fixtures.catalog()).validate(fileAt: url, displayPath: "appraisal.yaml")
        let validated = try #require(report.validated, "\(report.diagnostics.map(\.rendered))")
        let result = try SubmissionIntake(store: store, policy: Self.policy, concurrency: 1).take(validated, submittedAt: time)
        guard case let .stored(revision)? = result.outcome else { throw StoreError.database("not stored: \(String(describing: result.outcome))") }
        return revision
    }

    @Test(arguments: StoreBackend.allCases)
    func aLoadedIndexFindsPhotosAnotherStoreAddedLater(backend: StoreBackend) throws {
        let opener = StoreBackend.Opener(backend, folder: folder.url)
        let reader = try opener.open()
        let probe = PerceptualHash(dHash: 0, pHash: [1, 2, 3, 4])
        #expect(try reader.findReuse(hash: probe, sourceSHA256: "-", pixelSHA256: "-", excludingVIN: "-", policy: Self.policy).isEmpty)
        #expect(reader.photoHashes.count == 0)
        // Another process (its own store) stores a car after the reader's index was loaded.
        try Fixtures.writePhotos(into: folder)
        let writer = try opener.open()
        let stored = try submit(Fixtures.submissionYAML(), in: folder, to: writer, at: "t1")
        let photo = try #require(try writer.photoRows(inspection: stored.inspectionID).first { $0.angle == "front" })
        var hash = try #require(PerceptualHash(dHashHex: photo.dHash, pHashHex: photo.pHash))
        hash.pHash[0] ^= 0b1011  // three bits off: a re-encoded copy
        let found = try reader.findReuse(hash: hash, sourceSHA256: "-", pixelSHA256: "-", excludingVIN: "-", policy: Self.policy)
        #expect(found.contains { $0.otherVIN == "LSVAM4189C2184526" && $0.otherUse == "front" && $0.distance == 3 && $0.kind == .samePhoto })
        #expect(reader.photoHashes.count == 20)  // 19 files, the odometer photo stored for two uses
        // The car's own photos are never a match for itself.
        #expect(try reader.findReuse(hash: hash, sourceSHA256: "-", pixelSHA256: "-", excludingVIN: "LSVAM4189C2184526", policy: Self.policy).isEmpty)
    }

    @Test(arguments: StoreBackend.allCases)
    func twoCarsStoredAtOnceWithCopiesOfOnePhotoFlagTheLaterOne(backend: StoreBackend) throws {
        let opener = StoreBackend.Opener(backend, folder: folder.url)
        _ = try opener.open()  // migrated once before the race
        let first = TemporaryFolder(), second = TemporaryFolder()
        try Fixtures.writePhotos(into: first)
        // The second car: other pictures, except its front_left_45 is the first car's re-saved smaller.
        let source = Fixtures.sampleDay.appending(path: "LFV2A21K2D4052187/photos")
        for angle in Fixtures.requiredAngles where angle != "front_left_45" {
            try second.write(try Data(contentsOf: source.appending(path: "\(angle).jpg")), to: "photos/\(angle).jpg")
        }
        try second.write(try Data(contentsOf: source.appending(path: "defect-19AX2.jpg")), to: "photos/defect.jpg")
        let original = try ImageDecoder().decode(Array(try Data(contentsOf: first.url.appending(path: "photos/front_left_45.jpg")))).image
        try second.write(Data(try ImageEncoder.jpeg(original.shrunk(toLongEdge: 1700), quality: 60)), to: "photos/front_left_45.jpg")
        let cars = [(first, "LSVAM4189C2184526"), (second, "LFV2A21K2D4052187")]
        let outcomes = Locked<[Int: StoredRevision]>([:])
        let failures = Locked<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            do {
                let revision = try submit(Fixtures.submissionYAML(vin: cars[index].1), in: cars[index].0, to: try opener.open(), at: "t\(index)")
                outcomes.withLock { $0[index] = revision }
            } catch {
                failures.withLock { $0.append("\(error)") }
            }
        }
        #expect(failures.withLock { $0 } == [])
        // Whichever stored second (its turn at the hash lock, not its inspection id: PostgreSQL hands out ids before the
        // lock) sees the other's copy; the first sees nothing. Neither may miss it and both may not report it.
        let revisions = Array(outcomes.withLock { $0 }.values)
        #expect(revisions.count == 2)
        let flagged = revisions.filter { !$0.reuse.isEmpty }
        #expect(flagged.count == 1, "\(revisions.map { $0.reuse.map(\.summary) })")
        let later = try #require(flagged.first)
        #expect(later.reuse.map(\.use) == ["front_left_45"] && later.reuse.first?.kind == .samePhoto, "\(later.reuse.map(\.summary))")
    }

    @Test func postgresFillsTheHashWordsFromTheStoredHex() throws {
        let session = try PostgresSchemaTests.freshDatabase()
        try session.execute(script: "CREATE TABLE schema_migrations (id TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
        for migration in PostgresSchema.migrations.prefix(2) {
            try session.execute(script: migration.sql)
            _ = try session.query("INSERT INTO schema_migrations (id, applied_at) VALUES ($1, 't0')", [.text(migration.id)])
        }
        let hash = PerceptualHash(dHash: 0, pHash: [0xFEDC_BA98_7654_3210, 1, 0x8000_0000_0000_0000, 0x7FFF_FFFF_FFFF_FFFF])
        _ = try session.query("INSERT INTO vehicle (vin, first_seen_at) VALUES ('LSVAM4189C2184526', 't0')")
        _ = try session.query(
            """
            INSERT INTO inspection (vin, stage, revision, content_sha256, template_id, template_sha256, inspected_at, inspected_at_epoch,
                inspector_id, source_path, submitted_at, document, assessment)
            VALUES ('LSVAM4189C2184526', 'appraisal', 1, 'h', 't', 't', 't', 0, 'A', 'p', 't', '{}', '{}')
            """)
        _ = try session.query(
            """
            INSERT INTO photo (inspection_id, seq, role, angle, source_path, sha256, byte_count, stored_path, dhash, phash)
            VALUES (1, 1, 'angle', 'front', 'front.jpg', 's', 1, 'x', $1, $2)
            """, [.text(hash.dHashHex), .text(hash.pHashHex)])
        try session.migrate(appliedAt: "t1")
        let words = try session.query("SELECT p0, p1, p2, p3 FROM photo_hash").map { row in try (0..<4).map { try row[$0].decode(Int64.self) } }
        #expect(words == [hash.pHash.map { Int64(bitPattern: $0) }])
        #expect(try session.query("SELECT to_regclass('phash_band') IS NULL").first?[0].decode(Bool.self) == true)
        let store = try InspectionStore(postgres: session.url, photoRoot: folder.url, migratedAt: "t2")
        let found = try store.findReuse(hash: hash, sourceSHA256: "-", pixelSHA256: "-", excludingVIN: "-", policy: Self.policy)
        #expect(found.map(\.distance) == [0])
    }
}
