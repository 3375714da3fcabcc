import Foundation
import TestSupport
import Testing

@testable import Inspection
@testable import Store

/// Idempotent submits, revisions, append-only storage, photo files and the odometer ledger.
@Suite struct InspectionStoreTests {
    let folder = TemporaryFolder()

    func validated(_ text: String, name: String = "appraisal.yaml") throws -> ValidatedSubmission {
        try Fixtures.writePhotos(into: folder)
        let url = try folder.write(text, to: name)
        let report = SubmissionValidator(catalog: Fixtures.catalog()).validate(fileAt: url, displayPath: name)
        return try #require(report.validated, "\(report.diagnostics.map(\.rendered))")
    }

    func store() throws -> InspectionStore { try InspectionStore(path: folder.url.appending(path: "db/inspect.db").path) }

    @Test func identicalContentIsANoOpAndChangesBecomeRevisions() throws {
        let store = try store()
        let first = try store.submit(validated(Fixtures.submissionYAML()), submittedAt: "2026-11-26T02:00:00Z")
        guard case let .stored(vin, stage, revision, _, copied) = first else { Issue.record("expected stored, got \(first)"); return }
        #expect((vin, stage, revision, copied) == ("LSVAM4189C2184526", "appraisal", 1, 15))

        #expect(
            try store.submit(validated(Fixtures.submissionYAML()), submittedAt: "2026-11-26T03:00:00Z")
                == .unchanged(vin: vin, stage: stage, revision: 1))
        // Re-formatting (comments, flow style) does not change the content.
        let reformatted =
            "# re-saved by another editor\n" + Fixtures.submissionYAML().replacingOccurrences(of: "site: BJ-Yizhuang", with: "site: \"BJ-Yizhuang\"")
        #expect(try store.submit(validated(reformatted), submittedAt: "2026-11-26T03:00:00Z") == .unchanged(vin: vin, stage: stage, revision: 1))

        let changed = Fixtures.submissionYAML(defects: "defects:\n  - code: 14HH3")
        guard case let .stored(_, _, second, _, copiedAgain) = try store.submit(validated(changed), submittedAt: "2026-11-26T04:00:00Z") else {
            Issue.record("expected a new revision")
            return
        }
        #expect(second == 2)
        #expect(copiedAgain == 0)  // the same photo files are already stored

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

    @Test func stagesHaveTheirOwnRevisionsAndTheLedgerConvertsMiles() throws {
        let store = try store()
        _ = try store.submit(validated(Fixtures.submissionYAML()), submittedAt: "2026-11-26T02:00:00Z")
        let audit = Fixtures.submissionYAML(stage: "audit", reading: "30000", unit: "mi")
            .replacingOccurrences(of: "2026-11-20T09:30:00+08:00", with: "2026-11-22T14:10:00+08:00")
        #expect(try store.submit(validated(audit, name: "audit.yaml"), submittedAt: "2026-11-26T02:00:00Z").isStored(revision: 1))
        let vehicle = try #require(try store.vehicle(vin: "LSVAM4189C2184526"))
        #expect(vehicle.latestByStage.map(\.stage) == [.appraisal, .audit])
        #expect(vehicle.odometer.map(\.kilometres) == [48210, 48280])  // 30000 mi = 48280.32 km
        #expect(vehicle.odometer.map(\.unit) == [.km, .mi])
        #expect(vehicle.odometer.map(\.source) == ["submission", "submission"])
    }

    @Test func aChangedPhotoIsAChange() throws {
        let store = try store()
        _ = try store.submit(validated(Fixtures.submissionYAML()), submittedAt: "t1")
        let retaken = try Data(contentsOf: Fixtures.sampleDay.appending(path: "LFV2A21K2D4052187/photos/trunk.jpg"))
        let first = try validated(Fixtures.submissionYAML())
        try folder.write(retaken, to: "photos/trunk.jpg")
        let url = folder.url.appending(path: "appraisal.yaml")
        let second = try #require(SubmissionValidator(catalog: Fixtures.catalog()).validate(fileAt: url, displayPath: "appraisal.yaml").validated)
        #expect(first.contentHash != second.contentHash)
        #expect(try store.submit(second, submittedAt: "t2").isStored(revision: 2))
    }

    @Test func storedRowsCannotBeUpdatedOrDeleted() throws {
        let store = try store()
        _ = try store.submit(validated(Fixtures.submissionYAML()), submittedAt: "t1")
        for sql in [
            "UPDATE inspection SET grade_id = '1'", "DELETE FROM inspection", "UPDATE odometer_reading SET reading = 1",
            "DELETE FROM odometer_reading", "DELETE FROM finding", "UPDATE check_result SET result = 'ok'", "DELETE FROM photo",
        ] {
            #expect(throws: StoreError.self, "\(sql) must be refused") { try store.executeForTesting(sql) }
        }
        do {
            try store.executeForTesting("DELETE FROM inspection")
        } catch {
            #expect("\(error)".contains("inspection is append-only: nothing stored is deleted"))
        }
        #expect(try store.counts()["inspection"] == 1)
        #expect(try store.integrityCheck() == "ok")
        #expect(try store.journalMode() == "wal")
    }

    @Test func photosAreCopiedContentAddressedAndOriginalsAreUntouched() throws {
        let store = try store()
        let submission = try validated(Fixtures.submissionYAML())
        let original = try Data(contentsOf: folder.url.appending(path: "photos/front.jpg"))
        _ = try store.submit(submission, submittedAt: "t1")
        let file = try #require(submission.photos["photos/front.jpg"])
        let stored = store.photoFolder.appending(path: "\(file.sha256.prefix(2))/\(file.sha256).jpg")
        #expect(try Data(contentsOf: stored) == original)
        #expect(try Data(contentsOf: folder.url.appending(path: "photos/front.jpg")) == original)
        let all = try FileManager.default.subpathsOfDirectory(atPath: store.photoFolder.path).filter { $0.hasSuffix(".jpg") }
        #expect(all.count == 15)
    }

    @Test func aForeignFileIsNotTouched() throws {
        let path = try folder.write("this is not sqlite, it is someone's notes\n" + String(repeating: "x", count: 5000), to: "notes.db")
        let before = try Data(contentsOf: path)
        #expect(throws: StoreError.notADatabase(path: path.path)) { try InspectionStore(path: path.path) }
        #expect(try Data(contentsOf: path) == before)
    }

    @Test func reopeningKeepsEverything() throws {
        do {
            let store = try store()
            _ = try store.submit(validated(Fixtures.submissionYAML()), submittedAt: "t1")
        }
        let reopened = try store()
        #expect(try reopened.vins() == ["LSVAM4189C2184526"])
        #expect(
            try reopened.submit(validated(Fixtures.submissionYAML()), submittedAt: "t2")
                == .unchanged(vin: "LSVAM4189C2184526", stage: "appraisal", revision: 1))
    }
}

extension SubmitOutcome {
    func isStored(revision expected: Int) -> Bool {
        if case let .stored(_, _, revision, _, _) = self { return revision == expected }
        return false
    }
}
