import Foundation
import Store
import Testing
import TestSupport

/// `submit` and `batch` killed with SIGKILL at random moments, again and again: after every kill the database passes
/// `PRAGMA integrity_check`, every photo and report under its final name is complete, and a final run finishes the
/// work with exactly what an uninterrupted run stores. The seed of the delays is printed with every failure;
/// `INSPECT_CRASH_SEED=<seed>` replays it.
@Suite(.serialized) struct CrashSafetyTests {
    let folder = TemporaryFolder()
    static let now = "2026-11-26T10:00:00+08:00"

    /// `$INSPECT_CRASH_SEED` (to replay a failure), else the clock: each run tries other moments.
    static func seed() -> UInt64 {
        ProcessInfo.processInfo.environment["INSPECT_CRASH_SEED"].flatMap { UInt64($0) } ?? UInt64(Date().timeIntervalSince1970 * 1000)
    }

    func runner(_ name: String) -> CommandRunner {
        CommandRunner(directory: Fixtures.repoRoot, environment: ["INSPECT_DB": database(name)])
    }

    func database(_ name: String) -> String { folder.url.appending(path: "\(name)/inspect.db").path }

    func generateDay(cars: Int) throws -> (day: String, vins: [String]) {
        let day = folder.url.appending(path: "day").path
        let result = try runner("gen").run(["generate-day", day, "--cars", "\(cars)", "--size", "1600x1200", "--seed", "11"])
        #expect(result.status == 0, "\(result.stderr)")
        return (day, try FileManager.default.contentsOfDirectory(atPath: day).sorted())
    }

    @Test func killingSubmitAtRandomMomentsNeverDamagesTheStore() throws {
        let (day, vins) = try generateDay(cars: 3)
        let files = vins.flatMap { ["\(day)/\($0)/appraisal.yaml", "\(day)/\($0)/audit.yaml"] }
        // An uninterrupted run first: its content is the target and its duration scales the kill moments.
        let started = Date()
        let reference = try runner("reference").run(["submit", "--now", Self.now] + files)
        let duration = Date().timeIntervalSince(started)
        #expect(reference.status == 0, "\(reference.stderr)")
        let seed = Self.seed()
        var random = SplitMix64(seed: seed)
        var landed = 0
        // Three stores, each killed four times (the first kill in the first half of the work, then anywhere: work
        // left over by earlier kills is what later ones interrupt), then finished.
        for cycle in 0..<3 {
            let store = "killed-\(cycle)"
            for round in 0..<4 {
                let fraction = Double(random.next() % 1000) / 1000 * (round == 0 ? 0.5 : 1)
                let delay = 0.02 + fraction * duration
                if try runner(store).runAndKill(["submit", "--now", Self.now] + files, after: delay) { landed += 1 }
                try expectIntact(store, "submit cycle \(cycle) round \(round), killed after \(delay) s (seed \(seed))")
            }
            let finish = try runner(store).run(["submit", "--now", Self.now] + files)
            #expect(finish.status == 0, "\(finish.stderr)")
            for vin in vins { try expectSameContent(vin, store, "reference", "seed \(seed)") }
            try expectIntact(store, "after the final submit of cycle \(cycle)")
        }
        #expect(landed >= 3, "kills landed while submit was working (seed \(seed), a run takes \(duration) s)")
    }

    @Test func killingBatchAtRandomMomentsNeverDamagesTheStoreOrTheReports() throws {
        let (day, vins) = try generateDay(cars: 6)
        let out = folder.url.appending(path: "killed-reports").path
        let seed = Self.seed()
        var random = SplitMix64(seed: seed)
        for round in 0..<8 {
            let delay = 0.05 + Double(random.next() % 1000) / 1000 * 1.5
            try runner("killed").runAndKill(["batch", day, "--quiet", "--out", out, "--now", Self.now], after: delay)
            try expectIntact("killed", "batch round \(round), killed after \(delay) s (seed \(seed))")
            try expectCompleteReports(in: out, "batch round \(round) (seed \(seed))")
        }
        let finish = try runner("killed").run(["batch", day, "--quiet", "--out", out, "--now", Self.now])
        #expect(finish.status == 0 || finish.status == 3, "\(finish.stdout)")
        let status = try runner("killed").run(["batch", "--status", day]).stdout
        #expect(status.contains("done \(vins.count) · failed 0 · changed 0 · pending 0"), "\(status)")
        let reference = try runner("reference").run(["batch", day, "--quiet", "--now", Self.now])
        #expect(reference.status == finish.status)
        for vin in vins { try expectSameContent(vin, "killed", "reference", "seed \(seed)") }
        try expectCompleteReports(in: out, "after the final batch")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasSuffix(".json") }.count == vins.count)
    }

    /// The database passes `PRAGMA integrity_check`, every stored photo under its final (content-addressed) name is
    /// a whole JPEG, and partial files exist only in `photos/.incoming/`.
    func expectIntact(_ name: String, _ context: String) throws {
        guard FileManager.default.fileExists(atPath: database(name)) else { return }  // killed before it was created
        let store = try InspectionStore(path: database(name))
        #expect(try store.integrityCheck() == "ok", "\(context)")
        let photos = store.photoFolder
        guard let walker = FileManager.default.enumerator(at: photos, includingPropertiesForKeys: nil) else { return }
        for case let file as URL in walker where (try file.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
            guard file.deletingLastPathComponent().lastPathComponent != InspectionStore.incomingFolder else { continue }
            #expect(Self.isFinalPhotoName(file.lastPathComponent), "\(context): stray file \(file.path) among the photos")
            let bytes = Array(try Data(contentsOf: file))
            #expect(bytes.starts(with: [0xFF, 0xD8]) && bytes.suffix(2) == [0xFF, 0xD9], "\(context): \(file.lastPathComponent) is cut short")
        }
    }

    /// Reports under their final names (`<VIN>.json`, `.html`, `.md`) are whole documents.
    func expectCompleteReports(in folder: String, _ context: String) throws {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names {
            let text = try String(contentsOfFile: "\(folder)/\(name)", encoding: .utf8)
            if name.hasSuffix(".json") {
                #expect((try? JSONSerialization.jsonObject(with: Data(text.utf8))) != nil, "\(context): \(name) is not complete JSON")
            } else if name.hasSuffix(".html") {
                #expect(text.hasSuffix("</html>\n"), "\(context): \(name) is cut short")
            } else if name.hasSuffix(".md") {
                #expect(text.hasSuffix("\n") && !text.isEmpty, "\(context): \(name) is cut short")
            }
        }
    }

    /// `show` and the mileage ledger of `vin` read the same in both databases: nothing duplicated, nothing lost.
    /// Record numbers (`#12`) are left out: they count across cars, whose order differs between runs.
    func expectSameContent(_ vin: String, _ one: String, _ other: String, _ context: String) throws {
        let recordNumber = try Regex("#[0-9]+")
        for command in [["show", vin], ["mileage", "show", vin]] {
            let a = try runner(one).run(command), b = try runner(other).run(command)
            #expect(a.stdout.replacing(recordNumber, with: "#") == b.stdout.replacing(recordNumber, with: "#"), "\(command.joined(separator: " ")) differs (\(context))")
            #expect(a.status == b.status && a.status != 1 && !a.stdout.isEmpty, "\(command.joined(separator: " ")): \(a.stderr)")
        }
        #expect(try runner(one).run(["show", vin]).stdout.contains("revision 1 of 1"))
    }

    /// `<64 hex>.jpg` or `<64 hex>.thumb.jpg`: the names the store gives photo files.
    static func isFinalPhotoName(_ name: String) -> Bool {
        let stem = name.hasSuffix(".thumb.jpg") ? name.dropLast(10) : name.hasSuffix(".jpg") ? name.dropLast(4) : ""
        return stem.count == 64 && stem.allSatisfy(\.isHexDigit)
    }
}
