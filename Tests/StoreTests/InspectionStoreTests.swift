import Common
import Foundation
import GRDB
import ImageOps
import TestSupport
import Testing
import Workflows

@testable import Inspection
@testable import Store

/// Idempotent submits, revisions, append-only storage, photo files and the odometer ledger — on SQLite and on a real
/// PostgreSQL server, the same assertions (SQLite-only behaviour has its own tests).
@Suite struct InspectionStoreTests {
    let folder = TemporaryFolder()

    func validated(_ text: String, name: String = "appraisal.yaml") throws -> ValidatedSubmission {
        try Fixtures.writePhotos(into: folder)
        let url = try folder.write(text, to: name)
        let report = SubmissionValidator(catalog: Fixtures.catalog()).validate(fileAt: url, displayPath: name)
        return try #require(report.validated, "\(report.diagnostics.map(\.rendered))")
    }

    func store() throws -> InspectionStore { try InspectionStore(path: folder.url.appending(path: "db/inspect.db").path) }

    static let policy: PhotoPolicy = (try? PhotoPolicyLoader.load(from: Fixtures.photoPolicyFile)) ?? { fatalError("no photo policy") }()

    /// Normalises the photos and stores, the way `inspect submit` does.
    func submit(_ validated: ValidatedSubmission, to store: InspectionStore, at time: String) throws -> SubmitOutcome {
        let result = try SubmissionIntake(store: store, policy: Self.policy, concurrency: 2).take(validated, submittedAt: time)
        return try #require(result.outcome, "\(result.diagnostics.map(\.rendered))")
    }

    @Test(arguments: StoreBackend.allCases)
    func partialPhotoFilesOfAKilledProcessAreSweptOnceStale(backend: StoreBackend) throws {
        let opener = StoreBackend.Opener(backend, folder: folder.url)
        func store() throws -> InspectionStore { try opener.open() }
        let incoming = try store().photoFolder.appending(path: PhotoFileStore.incomingFolder)
        try FileManager.default.createDirectory(at: incoming, withIntermediateDirectories: true)
        let stale = incoming.appending(path: "41-stale.part"), live = incoming.appending(path: "42-live.part")
        try Data([0xFF, 0xD8]).write(to: stale)
        try Data([0xFF, 0xD8]).write(to: live)
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-7200)], ofItemAtPath: stale.path)
        _ = try store()  // opening sweeps
        #expect(!FileManager.default.fileExists(atPath: stale.path))
        #expect(FileManager.default.fileExists(atPath: live.path), "a file another process may still be writing stays")
        #expect(try store().photoFiles.sweepIncoming(olderThan: 0) == 1)
    }

    @Test(arguments: StoreBackend.allCases)
    func identicalContentIsANoOpAndChangesBecomeRevisions(backend: StoreBackend) throws {
        let store = try StoreBackend.Opener(backend, folder: folder.url).open()
        let first = try submit(validated(Fixtures.submissionYAML()), to: store, at: "2026-11-26T02:00:00Z")
        guard case let .stored(stored) = first else { Issue.record("expected stored, got \(first)"); return }
        let (vin, stage) = (stored.vin, stored.stage)
        #expect((vin, stage, stored.revision, stored.photosWritten, stored.reuse) == ("LSVAM4189C2184526", "appraisal", 1, 19, []))

        #expect(
            try submit(validated(Fixtures.submissionYAML()), to: store, at: "2026-11-26T03:00:00Z")
                == .unchanged(vin: vin, stage: stage, revision: 1))
        // Re-formatting (comments, flow style) does not change the content.
        let reformatted =
            "# re-saved by another editor\n" + Fixtures.submissionYAML().replacingOccurrences(of: "site: BJ-Yizhuang", with: "site: \"BJ-Yizhuang\"")
        #expect(try submit(validated(reformatted), to: store, at: "2026-11-26T03:00:00Z") == .unchanged(vin: vin, stage: stage, revision: 1))

        let changed = Fixtures.submissionYAML(defects: "defects:\n  - code: 14HH3")
        guard case let .stored(second) = try submit(validated(changed), to: store, at: "2026-11-26T04:00:00Z") else {
            Issue.record("expected a new revision")
            return
        }
        #expect(second.revision == 2)
        #expect(second.photosWritten == 0)  // the same normalised files are already stored

        let vehicle = try #require(try store.vehicle(vin: vin))
        #expect(vehicle.inspections.map(\.revision) == [1, 2])
        #expect(vehicle.inspections[0].submission.defects.map(\.code) == ["14HH2", "21XS1"])  // revision 1 untouched
        #expect(vehicle.inspections[1].submission.defects.map(\.code) == ["14HH3"])
        #expect(vehicle.inspections[0].submittedAt == "2026-11-26T02:00:00Z")
        #expect(vehicle.inspections[1].assessment.total == Points(hundredths: 9850))  // 100 - 1.5 (degree 3)
        let counts = try store.counts()
        #expect(counts["inspection"] == 2)
        #expect(counts["finding"] == 3)
        #expect(counts["check_result"] == 122)
        #expect(counts["odometer_reading"] == 2)
        #expect(counts["section_score"] == 12)
    }

    @Test(arguments: StoreBackend.allCases)
    func stagesHaveTheirOwnRevisionsAndTheLedgerConvertsMiles(backend: StoreBackend) throws {
        let store = try StoreBackend.Opener(backend, folder: folder.url).open()
        _ = try submit(validated(Fixtures.submissionYAML()), to: store, at: "2026-11-26T02:00:00Z")
        let audit = Fixtures.submissionYAML(stage: "audit", reading: "30000", unit: "mi")
            .replacingOccurrences(of: "2026-11-20T09:30:00+08:00", with: "2026-11-22T14:10:00+08:00")
        #expect(try submit(validated(audit, name: "audit.yaml"), to: store, at: "2026-11-26T02:00:00Z").isStored(revision: 1))
        let vehicle = try #require(try store.vehicle(vin: "LSVAM4189C2184526"))
        #expect(vehicle.latestByStage.map(\.stage) == [.appraisal, .audit])
        #expect(vehicle.odometer.map(\.kilometres) == [48210, 48280])  // 30000 mi = 48280.32 km
        #expect(vehicle.odometer.map(\.unit) == [.km, .mi])
        #expect(vehicle.odometer.map(\.source) == ["submission", "submission"])
    }

    @Test(arguments: StoreBackend.allCases)
    func aChangedPhotoIsAChange(backend: StoreBackend) throws {
        let store = try StoreBackend.Opener(backend, folder: folder.url).open()
        _ = try submit(validated(Fixtures.submissionYAML()), to: store, at: "t1")
        let retaken = try Data(contentsOf: Fixtures.sampleDay.appending(path: "LFV2A21K2D4052187/photos/trunk.jpg"))
        let first = try validated(Fixtures.submissionYAML())
        try folder.write(retaken, to: "photos/trunk.jpg")
        let url = folder.url.appending(path: "appraisal.yaml")
        let second = try #require(SubmissionValidator(catalog: Fixtures.catalog()).validate(fileAt: url, displayPath: "appraisal.yaml").validated)
        #expect(first.contentHash != second.contentHash)
        #expect(try submit(second, to: store, at: "t2").isStored(revision: 2))
    }

    @Test func storedRowsCannotBeUpdatedOrDeleted() throws {
        let store = try store()
        _ = try submit(validated(Fixtures.submissionYAML()), to: store, at: "t1")
        // Another connection to the same file, as any program could open it: the triggers are in the database.
        let raw = try DatabaseQueue(path: store.path)
        for sql in [
            "UPDATE inspection SET grade_id = '1'", "DELETE FROM inspection", "UPDATE odometer_reading SET reading = 1",
            "DELETE FROM odometer_reading", "DELETE FROM finding", "UPDATE check_result SET result = 'ok'", "DELETE FROM photo",
        ] {
            #expect(throws: DatabaseError.self, "\(sql) must be refused") { try raw.write { try $0.execute(sql: sql) } }
        }
        do {
            try raw.write { try $0.execute(sql: "DELETE FROM inspection") }
            Issue.record("DELETE FROM inspection was not refused")
        } catch {
            #expect("\(error)".contains("inspection is append-only: nothing stored is deleted"))
        }
        #expect(try store.counts()["inspection"] == 1)
        #expect(try store.integrityCheck() == "ok")
        #expect(try store.journalMode() == "wal")
    }

    @Test(arguments: StoreBackend.allCases)
    func photosAreStoredNormalisedAndOriginalsAreUntouched(backend: StoreBackend) throws {
        let store = try StoreBackend.Opener(backend, folder: folder.url).open()
        let submission = try validated(Fixtures.submissionYAML())
        let original = try Data(contentsOf: folder.url.appending(path: "photos/front.jpg"))
        _ = try submit(submission, to: store, at: "t1")
        #expect(try Data(contentsOf: folder.url.appending(path: "photos/front.jpg")) == original)
        let files = try FileManager.default.subpathsOfDirectory(atPath: store.photoFolder.path).filter { $0.hasSuffix(".jpg") }
        #expect(files.filter { $0.hasSuffix(".thumb.jpg") }.count == 19)
        #expect(files.count == 38)
        let rows = try store.photoRows(inspection: 1)
        #expect(rows.count == 20)  // 18 angles, the odometer photo (same file as dashboard_odometer) and one defect photo
        #expect(rows.allSatisfy { $0.pHash.count == 64 && $0.dHash.count == 16 && $0.width == 1600 })
        // front.jpg of the sample car is stored rotated (its pixels portrait) with EXIF orientation 6: the stored image
        // is upright (landscape, 1600x1200) and carries no EXIF.
        let front = try #require(rows.first { $0.angle == "front" })
        #expect(front.orientation == 6)
        let source = try ImageDecoder().decode(Array(original))
        #expect(source.image.width < source.image.height, "the source's pixels are stored portrait")
        let bytes = Array(try Data(contentsOf: store.photoFolder.deletingLastPathComponent().appending(path: front.storedPath)))
        let stored = try ImageDecoder().decode(bytes)
        #expect((stored.image.width, stored.image.height) == (1600, 1200))
        #expect(!JPEGMarkers.segments(bytes).contains { $0.marker == 0xE1 })
    }

    @Test(arguments: StoreBackend.allCases)
    func aPhotoReusedOnAnotherCarIsFlaggedWithBothVINsAndTheDistance(backend: StoreBackend) throws {
        let store = try StoreBackend.Opener(backend, folder: folder.url).open()
        _ = try submit(validated(Fixtures.submissionYAML()), to: store, at: "t1")
        // A second car whose front_left_45 is the first car's photo, re-saved smaller and at lower quality.
        let other = TemporaryFolder()
        try Fixtures.writePhotos(into: other)
        let reused = try ImageDecoder().decode(Array(try Data(contentsOf: folder.url.appending(path: "photos/front_left_45.jpg")))).image
        try other.write(Data(try ImageEncoder.jpeg(reused.shrunk(toLongEdge: 1700), quality: 60)), to: "photos/front_left_45.jpg")
        // ... and whose other photos are genuinely different pictures (another car of the sample day).
        let source = Fixtures.sampleDay.appending(path: "LFV2A21K2D4052187/photos")
        for angle in Fixtures.requiredAngles where angle != "front_left_45" {
            try other.write(try Data(contentsOf: source.appending(path: "\(angle).jpg")), to: "photos/\(angle).jpg")
        }
        try other.write(try Data(contentsOf: source.appending(path: "defect-19AX2.jpg")), to: "photos/defect.jpg")
        let url = try other.write(Fixtures.submissionYAML(vin: "LFV2A21K2D4052187"), to: "appraisal.yaml")
        let second = try #require(SubmissionValidator(catalog: Fixtures.catalog()).validate(fileAt: url, displayPath: "other.yaml").validated)
        guard case let .stored(stored) = try submit(second, to: store, at: "t2") else {
            Issue.record("expected stored")
            return
        }
        #expect(stored.reuse.count == 1, "\(stored.reuse.map(\.summary))")
        let match = try #require(stored.reuse.first)
        #expect(match.kind == .samePhoto)
        #expect(match.distance <= 8)
        #expect(
            (match.use, match.otherVIN, match.otherUse, match.otherInspection) == (
                "front_left_45", "LSVAM4189C2184526", "front_left_45", "appraisal r1"
            ))
        #expect(try store.counts()["photo_reuse"] == 1)
        // Byte-identical reuse is reported as such.
        let third = TemporaryFolder()
        try Fixtures.writePhotos(into: third)
        let url3 = try third.write(Fixtures.submissionYAML(vin: "JHMCM56557C404453"), to: "appraisal.yaml")
        let copy = try #require(SubmissionValidator(catalog: Fixtures.catalog()).validate(fileAt: url3, displayPath: "copy.yaml").validated)
        guard case let .stored(copied) = try submit(copy, to: store, at: "t3") else {
            Issue.record("expected stored")
            return
        }
        #expect(copied.reuse.filter { $0.otherVIN == "LSVAM4189C2184526" }.allSatisfy { $0.kind == .identicalFile })
        #expect(copied.reuse.filter { $0.otherVIN == "LSVAM4189C2184526" }.count == 19)
    }

    @Test func aForeignFileIsNotTouched() throws {
        let path = try folder.write("this is not sqlite, it is someone's notes\n" + String(repeating: "x", count: 5000), to: "notes.db")
        let before = try Data(contentsOf: path)
        #expect(throws: StoreError.notADatabase(path: path.path)) { try InspectionStore(path: path.path) }
        #expect(try Data(contentsOf: path) == before)
    }

    @Test(arguments: StoreBackend.allCases)
    func reopeningKeepsEverything(backend: StoreBackend) throws {
        let opener = StoreBackend.Opener(backend, folder: folder.url)
        do {
            let store = try opener.open()
            _ = try submit(validated(Fixtures.submissionYAML()), to: store, at: "t1")
        }
        let reopened = try opener.open()
        #expect(try reopened.vins() == ["LSVAM4189C2184526"])
        #expect(
            try submit(validated(Fixtures.submissionYAML()), to: reopened, at: "t2")
                == .unchanged(vin: "LSVAM4189C2184526", stage: "appraisal", revision: 1))
    }
}

extension SubmitOutcome {
    func isStored(revision expected: Int) -> Bool {
        if case let .stored(stored) = self { return stored.revision == expected }
        return false
    }
}
