import Foundation
import GRDB
import ImageOps
import Inspection
@testable import Store
import Testing
import TestSupport

/// A database written by every earlier schema version opens with this build, keeps everything, and works.
@Suite struct MigrationTests {
    static let versions = ["v1", "v2-normalised-photos", "v3-mileage-ledger"]

    @Test(arguments: versions)
    func upgradesFromAnEarlierSchema(version: String) throws {
        let folder = TemporaryFolder()
        let path = folder.url.appending(path: "old.db").path
        // A submission as that version stored it.
        try Fixtures.writePhotos(into: folder, subfolder: "car")
        let url = try folder.write(Fixtures.submissionYAML(), to: "car/appraisal.yaml")
        let validated = try #require(SubmissionValidator(catalog: Fixtures.catalog()).validate(fileAt: url, displayPath: "appraisal.yaml").validated)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let document = String(decoding: try encoder.encode(validated.submission), as: UTF8.self)
        let assessment = String(decoding: try encoder.encode(Grader.assess(validated.submission, template: validated.template)), as: UTF8.self)
        do {
            let queue = try DatabaseQueue(path: path)
            try Schema.migrator.migrate(queue, upTo: version)
            try queue.write { db in
                try db.execute(sql: "INSERT INTO vehicle (vin, first_seen_at) VALUES ('LSVAM4189C2184526', 't0')")
                try db.execute(
                    sql: """
                        INSERT INTO inspection (vin, stage, revision, content_sha256, template_id, template_sha256, inspected_at, inspected_at_epoch,
                            inspector_id, source_path, submitted_at, total_hundredths, grade_id, document, assessment)
                        VALUES ('LSVAM4189C2184526', 'appraisal', 1, ?, 'gbt30323-2013', 'old', '2026-11-20T09:30:00+08:00', 1763602200, 'APR-0117',
                            'appraisal.yaml', 't0', 9850, '1', ?, ?)
                        """, arguments: [validated.contentHash, document, assessment])
                try db.execute(
                    sql: """
                        INSERT INTO photo (inspection_id, seq, role, angle, source_path, sha256, byte_count, stored_path)
                        VALUES (1, 1, 'angle', 'front', 'photos/front.jpg', 'abc', 10, 'photos/ab/abc.jpg')
                        """)
                try db.execute(
                    sql: """
                        INSERT INTO odometer_reading (vin, inspection_id, stage, reading, unit, km, read_at, read_at_epoch, source, recorded_at)
                        VALUES ('LSVAM4189C2184526', 1, 'appraisal', 48210, 'km', 48210, '2026-11-20T09:30:00+08:00', 1763602200, 'submission', 't0')
                        """)
            }
        }
        // This build opens it, migrates it to the latest schema, and everything is there.
        let store = try InspectionStore(path: path)
        let applied = try DatabaseQueue(path: path).read { try Schema.migrator.appliedIdentifiers($0) }
        #expect(applied == Set(Schema.migrator.migrations))
        let vehicle = try #require(try store.vehicle(vin: "LSVAM4189C2184526"))
        #expect(vehicle.inspections.map(\.revision) == [1])
        #expect(vehicle.inspections.first?.submission == validated.submission)
        #expect(try store.photoRows(inspection: 1).first?.pixelSHA256 == nil)  // a v1 copy, never normalised: kept as it was
        // Newer features work on the old data: the ledger, a correction, batch progress, a new revision.
        #expect(try store.ledger(vin: "LSVAM4189C2184526").records.map(\.reading) == [48210])
        let correction = OdometerRecord(
            id: 0, vin: "LSVAM4189C2184526", stage: "transport", reading: 48220, unit: .km, at: try Timestamp.parse("2026-11-21T09:30:00+08:00").get(),
            source: "manual", mode: .flatbed)
        #expect(try store.recordReading(correction, recordedAt: "t1", photo: nil) == 2)
        try store.recordBatchStep(BatchStep(day: "d", car: "c", step: "car", fingerprint: "f", status: "done", detail: "{}", durationMs: 1, recordedAt: "t1"))
        let policy = try PhotoPolicyLoader.load(from: Fixtures.photoPolicyFile)
        let changed = try #require(
            SubmissionValidator(catalog: Fixtures.catalog()).validate(
                fileAt: try folder.write(Fixtures.submissionYAML(defects: ""), to: "car/appraisal2.yaml"), displayPath: "appraisal2.yaml"
            ).validated)
        let outcome = try SubmissionIntake(store: store, policy: policy, concurrency: 2).take(changed, submittedAt: "t2").outcome
        guard case let .stored(revision)? = outcome else {
            Issue.record("expected a new revision, got \(String(describing: outcome))")
            return
        }
        #expect(revision.revision == 2)
        #expect(try store.integrityCheck() == "ok")
        // The append-only rules hold on migrated data too.
        #expect(throws: StoreError.self) { try store.executeForTesting("DELETE FROM odometer_reading") }
    }

    @Test func theMigrationListIsWhatTheTestsCover() {
        #expect(Schema.migrator.migrations == Self.versions + ["v4-batch-progress"])
    }
}
