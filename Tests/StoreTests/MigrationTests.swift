import Foundation
import GRDB
import ImageOps
import Inspection
import ReportGen
import TestSupport
import Testing
import Workflows

@testable import Store

/// Databases written by the released builds of every earlier schema version (frozen files in
/// `Tests/Fixtures/databases`, made by the code of those commits: see the README there) open with this build,
/// are upgraded, keep every row exactly as it was, and work: ledger, corrections, batch progress, new revisions,
/// and the append-only rules. An edit to an old migration changes what these files would have been, so it fails here.
@Suite struct MigrationTests {
    /// A frozen database, the migrations it was made with, and what is known to be in it.
    struct Frozen: Sendable, CustomTestStringConvertible {
        var file: String
        var applied: [String]
        var vehicles: Int
        var inspections: Int
        /// A car with a ledger in that file and its readings in order.
        var ledgerVIN: String
        var readings: [Int]
        var testDescription: String { file }
    }

    static let frozen = [
        Frozen(
            file: "v1.db", applied: ["v1"], vehicles: 3, inspections: 6,
            ledgerVIN: "LSVAM4189C2184526", readings: [48210, 48236]),
        Frozen(
            file: "v2.db", applied: ["v1", "v2-normalised-photos"], vehicles: 3, inspections: 6,
            ledgerVIN: "LSVAM4189C2184526", readings: [48210, 48236]),
        Frozen(
            file: "v3.db", applied: ["v1", "v2-normalised-photos", "v3-mileage-ledger"], vehicles: 3, inspections: 8,
            ledgerVIN: "LSVAM4189C2184526", readings: [48210, 48222, 48225, 48152, 48251, 48252]),
        Frozen(
            file: "v4.db", applied: ["v1", "v2-normalised-photos", "v3-mileage-ledger", "v4-batch-progress"], vehicles: 5, inspections: 12,
            ledgerVIN: "LSVAM4189C2184526", readings: [48210, 48222, 48225, 48152, 48251, 48252]),
        Frozen(
            file: "v5.db", applied: ["v1", "v2-normalised-photos", "v3-mileage-ledger", "v4-batch-progress", "v5-disputes"], vehicles: 5,
            inspections: 12, ledgerVIN: "LSVAM4189C2184526", readings: [48210, 48222, 48225, 48152, 48251, 48252]),
        Frozen(
            file: "v6.db", applied: ["v1", "v2-normalised-photos", "v3-mileage-ledger", "v4-batch-progress", "v5-disputes", "v6-return-stage"],
            vehicles: 5, inspections: 15, ledgerVIN: "LSVAM4189C2184526", readings: [48210, 48222, 48225, 48152, 48251, 48252, 48572, 52310, 52310]),
        Frozen(
            file: "v7.db",
            applied: [
                "v1", "v2-normalised-photos", "v3-mileage-ledger", "v4-batch-progress", "v5-disputes", "v6-return-stage", "v7-car-index-feedback",
            ],
            vehicles: 5, inspections: 15, ledgerVIN: "LSVAM4189C2184526", readings: [48210, 48222, 48225, 48152, 48251, 48252, 48572, 52310, 52310]),
        Frozen(
            file: "v8.db",
            applied: [
                "v1", "v2-normalised-photos", "v3-mileage-ledger", "v4-batch-progress", "v5-disputes", "v6-return-stage", "v7-car-index-feedback",
                "v8-photo-hash",
            ],
            vehicles: 5, inspections: 15, ledgerVIN: "LSVAM4189C2184526", readings: [48210, 48222, 48225, 48152, 48251, 48252, 48572, 52310, 52310]),
        Frozen(
            file: "v9.db",
            applied: [
                "v1", "v2-normalised-photos", "v3-mileage-ledger", "v4-batch-progress", "v5-disputes", "v6-return-stage", "v7-car-index-feedback",
                "v8-photo-hash", "v9-mileage-resolution",
            ],
            vehicles: 5, inspections: 15, ledgerVIN: "LSVAM4189C2184526", readings: [48210, 48222, 48225, 48152, 48251, 48252, 48572, 52310, 52310]),
    ]

    static let folder = Fixtures.repoRoot.appending(path: "Tests/Fixtures/databases")

    /// A working copy of a frozen file (the committed file is never opened for writing).
    func copy(_ frozen: Frozen, into folder: TemporaryFolder) throws -> String {
        let path = folder.url.appending(path: "old.db").path
        try FileManager.default.copyItem(atPath: Self.folder.appending(path: frozen.file).path, toPath: path)
        return path
    }

    /// Every row of every table, as text, ordered by all its columns (old columns first, so new ones never reorder).
    static func snapshot(_ path: String) throws -> [String: [String]] {
        try DatabaseQueue(path: path).read { db in
            var tables: [String: [String]] = [:]
            let names = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
            for name in names {
                let columns = try db.columns(in: name).count
                let order = (1...columns).map(String.init).joined(separator: ", ")
                let rows = try Row.fetchAll(db, sql: "SELECT * FROM \"\(name)\" ORDER BY \(order)")
                tables[name] = rows.map { row in row.map { "\($0)=\($1)" }.joined(separator: "|") }
            }
            return tables
        }
    }

    @Test(arguments: frozen)
    func theFrozenFileIsWhatItsVersionWrote(frozen: Frozen) throws {
        let folder = TemporaryFolder()
        let applied = try DatabaseQueue(path: try copy(frozen, into: folder)).read {
            try String.fetchAll($0, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid")
        }
        #expect(applied == frozen.applied)
    }

    @Test(arguments: frozen)
    func upgradesKeepingEveryRowAndWorks(frozen: Frozen) throws {
        let folder = TemporaryFolder()
        let path = try copy(frozen, into: folder)
        let before = try Self.snapshot(path)
        #expect(before["inspection"]?.count == frozen.inspections)

        let store = try InspectionStore(path: path)
        let applied = try DatabaseQueue(path: path).read { try Schema.migrator.appliedIdentifiers($0) }
        #expect(applied == Set(Schema.migrator.migrations))
        // Nothing lost or changed: every old row reads the same (new columns, if any, come after the old ones).
        let after = try Self.snapshot(path)
        for (table, rows) in before {
            if table == "phash_band" {
                // The v2 band rows are derived data that v8 replaces with one row of hash words per photo.
                try Self.expectPhotoHashesMatchTheStoredHex(path)
                #expect(after[table] == nil)
                continue
            }
            let upgraded = try #require(after[table], "table \(table) is gone")
            if table == "grdb_migrations" {
                #expect(Array(upgraded.prefix(rows.count)) == rows)
                continue
            }
            #expect(upgraded.count == rows.count, "\(table): \(rows.count) rows before, \(upgraded.count) after")
            for (old, new) in zip(rows, upgraded) where !new.hasPrefix(old) {
                Issue.record("\(table): row changed\n  before: \(old)\n  after:  \(new)")
                break
            }
        }
        // The domain reads it: cars, their inspections and submissions, the ledger.
        #expect(try store.vins().count == frozen.vehicles)
        let vehicle = try #require(try store.vehicle(vin: frozen.ledgerVIN))
        #expect(vehicle.inspections.contains { $0.stage == .appraisal && $0.revision == 1 })
        #expect(vehicle.inspections.contains { $0.stage == .audit && $0.revision == 1 })
        #expect(vehicle.inspections.allSatisfy { $0.submission.vehicle.vin.value == frozen.ledgerVIN })
        #expect(try store.ledger(vin: frozen.ledgerVIN).records.map(\.reading) == frozen.readings)

        // Newer features work on the old data: a correction, batch progress, a new revision.
        let next = try store.ledger(vin: frozen.ledgerVIN).records.count + 1
        let correction = OdometerRecord(
            id: 0, vin: frozen.ledgerVIN, stage: .transport, reading: 48300, unit: .km,
            at: try Timestamp.parse("2026-11-30T09:30:00+08:00").get(), source: .manual, mode: .flatbed)
        _ = try store.recordReading(correction, recordedAt: "t1", photo: nil)
        #expect(try store.ledger(vin: frozen.ledgerVIN).records.count == next)
        try store.recordBatchStep(
            BatchStep(day: "d", car: "c", step: "car", fingerprint: "f", status: .done, detail: "{}", durationMs: 1, recordedAt: "t1"))
        #expect(try store.batchSteps(day: "d").count == 1)
        // The lookup index is built from the old rows on the first find; feedback can be recorded against old cars.
        let found = try CarFinder(catalog: Fixtures.catalog()).find(String(frozen.ledgerVIN.suffix(6)), in: store, now: "t1")
        #expect(found.total == 1 && found.cars.first?.vin == frozen.ledgerVIN && found.facts?.vehicle.vin == frozen.ledgerVIN)
        let complaint = Feedback(
            vin: frozen.ledgerVIN, kind: .complaint, channel: .phone, text: "t", receivedAt: try Timestamp.parse("2026-12-02T09:00:00+08:00").get())
        #expect(try store.recordFeedback(complaint, recordedAt: "t1") > 0)
        try Fixtures.writePhotos(into: folder, subfolder: "car")
        let changed = try #require(
            SubmissionValidator(catalog: Fixtures.catalog()).validate(
                fileAt: try folder.write(Fixtures.submissionYAML(stage: "appraisal", defects: ""), to: "car/appraisal.yaml"),
                displayPath: "appraisal.yaml"
            ).validated)
        let outcome = try SubmissionIntake(store: store, policy: try PhotoPolicyLoader.load(from: Fixtures.photoPolicyFile), concurrency: 2)
            .take(changed, submittedAt: "t2").outcome
        guard case let .stored(revision)? = outcome else {
            Issue.record("expected a new revision, got \(String(describing: outcome))")
            return
        }
        let previous = vehicle.inspections.filter { $0.stage == .appraisal }.map(\.revision).max() ?? 0
        #expect(revision.revision == previous + 1)
        #expect(try store.integrityCheck() == "ok")

        // The append-only rules hold on migrated data: every append-only table has its triggers, and refuses to
        // change the rows it holds (an empty table has none to refuse).
        let queue = try DatabaseQueue(path: path)
        let triggers = try queue.read { try String.fetchSet($0, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger'") }
        for table in Schema.appendOnlyTables {
            #expect(triggers.isSuperset(of: ["\(table)_no_update", "\(table)_no_delete"]), "\(table)")
            guard try queue.read({ try Int.fetchOne($0, sql: "SELECT count(*) FROM \(table)") ?? 0 }) > 0 else {
                // Tables younger than the file are empty in it (and the frozen days never reused a photo exactly).
                let createdBy = [
                    "dispute": "v5-disputes", "dispute_resolution": "v5-disputes", "warranty_claim": "v6-return-stage",
                    "quote_decision": "v6-return-stage", "feedback": "v7-car-index-feedback", "feedback_resolution": "v7-car-index-feedback",
                    "mileage_resolution": "v9-mileage-resolution",
                ]
                let v1Photos = table == "photo_hash" && !frozen.applied.contains("v2-normalised-photos")  // v1 kept no hashes
                let mayBeEmpty = table == "photo_reuse" || v1Photos || createdBy[table].map { !frozen.applied.contains($0) } == true
                #expect(mayBeEmpty, "\(table) should have rows in \(frozen.file)")
                continue
            }
            #expect(throws: (any Error).self, "DELETE FROM \(table) must be refused") {
                try queue.write { try $0.execute(sql: "DELETE FROM \(table)") }
            }
            #expect(throws: (any Error).self, "UPDATE \(table) must be refused") {
                try queue.write { try $0.execute(sql: "UPDATE \(table) SET rowid = rowid") }
            }
        }
        #expect(try Self.snapshot(path)["inspection"]?.count == frozen.inspections + 1)
    }

    /// Every photo with a pHash has its `photo_hash` row, whose four words are that hex, and nothing else has one.
    static func expectPhotoHashesMatchTheStoredHex(_ path: String) throws {
        try DatabaseQueue(path: path).read { db in
            let hex = try Row.fetchAll(db, sql: "SELECT inspection_id, seq, phash FROM photo WHERE phash IS NOT NULL ORDER BY inspection_id, seq")
            let words = try Row.fetchAll(db, sql: "SELECT inspection_id, seq, p0, p1, p2, p3 FROM photo_hash ORDER BY inspection_id, seq")
            #expect(hex.count == words.count && !hex.isEmpty)
            for (text, packed) in zip(hex, words) {
                let parts: [Int64] = [packed["p0"], packed["p1"], packed["p2"], packed["p3"]]
                let rendered = parts.map { String(UInt64(bitPattern: $0), radix: 16).leftPadded(to: 16) }.joined()
                #expect([text["inspection_id"], text["seq"]] as [Int64] == [packed["inspection_id"], packed["seq"]] as [Int64])
                #expect(rendered == text["phash"] as String)
            }
        }
    }

    @Test func theMigrationListIsWhatTheFrozenFilesCover() throws {
        // A new migration needs a frozen file of the version before it (see Tests/Fixtures/databases/README.md).
        #expect(Schema.migrator.migrations == Self.frozen.last?.applied)
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { $0.hasSuffix(".db") }.sorted()
        #expect(files == Self.frozen.map(\.file))
    }
}

extension String {
    fileprivate func leftPadded(to length: Int) -> String { String(repeating: "0", count: max(0, length - count)) + self }
}
