import Foundation
import Store
import TestSupport
import Testing

/// `submit` and `batch` killed with SIGKILL again and again, each time at a moment chosen by what the command has
/// observably done (photo files under their final names, stored inspections, finished cars: ``StoreProgress``), never
/// by the clock: after every kill the database passes `PRAGMA integrity_check`, every photo and report under its
/// final name is complete, and a final run finishes the work with exactly what an uninterrupted run stores. The kill
/// points come from a fixed seed, printed; `INSPECT_CRASH_SEED=<seed>` tries others.
@Suite(.serialized) struct CrashSafetyTests {
    let folder = TemporaryFolder()
    static let now = "2026-11-26T10:00:00+08:00"

    /// `$INSPECT_CRASH_SEED`, else a fixed seed; printed so that a failure can be replayed.
    static func seed(_ test: String) -> UInt64 {
        let seed = ProcessInfo.processInfo.environment["INSPECT_CRASH_SEED"].flatMap { UInt64($0) } ?? 20_261_126
        print("\(test): kill points from seed \(seed) (INSPECT_CRASH_SEED=\(seed) replays them)")
        return seed
    }

    func runner(_ name: String) -> CommandRunner {
        CommandRunner(directory: Fixtures.repoRoot, environment: ["INSPECT_DB": database(name)])
    }

    func database(_ name: String) -> String { folder.url.appending(path: "\(name)/inspect.db").path }

    func generateDay(cars: Int) throws -> (day: String, vins: [String]) {
        let day = folder.url.appending(path: "day").path
        let result = try CommandRunner.dev().run(["generate-day", day, "--cars", "\(cars)", "--size", "1600x1200", "--seed", "11"])
        #expect(result.status == 0, "\(result.stderr)")
        return (day, try FileManager.default.contentsOfDirectory(atPath: day).sorted())
    }

    /// A kill target between what is done and `total - margin`: past that point the rest of the work could finish
    /// between a look at the progress and the kill, so the kill would not be known to land mid-work.
    static func target(done: Int, total: Int, margin: Int, random: inout SplitMix64) -> Int? {
        let last = total - margin
        guard done < last else { return nil }
        return done + 1 + Int(random.next() % UInt64(last - done))
    }

    @Test func killingSubmitAtObservedMomentsNeverDamagesTheStore() throws {
        let (day, vins) = try generateDay(cars: 3)
        let files = vins.flatMap { ["\(day)/\($0)/appraisal.yaml", "\(day)/\($0)/audit.yaml"] }
        let arguments = ["submit", "--now", Self.now] + files
        // An uninterrupted run first: its content is the target, its progress count the whole of the work.
        let reference = try runner("reference").run(arguments)
        #expect(reference.status == 0, "\(reference.stderr)")
        let total = StoreProgress(database: database("reference")).events()
        // Files are submitted car by car: a kill no later than the events of the biggest car before the end comes
        // before the last car's photos are normalised, so the command is surely still working when it dies.
        let margin = try #require(try StoreProgress(database: database("reference")).eventsPerCar().values.max())
        #expect(total > 2 * margin, "the work is big enough to be cut (\(total) events, margin \(margin))")
        let seed = Self.seed("submit")
        var random = SplitMix64(seed: seed)
        var kills = 0
        // Three stores, each killed up to four times (work done by earlier kills is not redone), then finished.
        for cycle in 0..<3 {
            let store = "killed-\(cycle)"
            let progress = StoreProgress(database: database(store))
            for round in 0..<4 {
                guard let target = Self.target(done: progress.events(), total: total, margin: margin, random: &random) else { break }
                let outcome = try runner(store).runAndKill(arguments, when: { progress.events() >= target })
                let context = "submit cycle \(cycle) round \(round), killed at \(target) of \(total) events (seed \(seed))"
                #expect(outcome == .killed, "\(context): \(outcome)")
                kills += 1
                try expectIntact(store, context)
            }
            let finish = try runner(store).run(arguments)
            #expect(finish.status == 0, "\(finish.stderr)")
            for vin in vins { try expectSameContent(vin, store, "reference", "seed \(seed)") }
            #expect(progress.events() == total, "cycle \(cycle): the finished store holds the same files and rows")
            try expectIntact(store, "after the final submit of cycle \(cycle)")
        }
        #expect(kills >= 3, "seed \(seed)")
    }

    @Test func killingBatchAtObservedMomentsNeverDamagesTheStoreOrTheReports() throws {
        let (day, vins) = try generateDay(cars: 6)
        let out = folder.url.appending(path: "killed-reports").path
        let arguments = ["batch", day, "--quiet", "--out", out, "--now", Self.now]
        let reference = try runner("reference").run(["batch", day, "--quiet", "--now", Self.now])
        #expect(reference.status == 0, "\(reference.stdout)")
        let total = StoreProgress(database: database("reference")).events()
        // Cars run two at a time (two cores): a kill no later than the events of the two biggest cars before the end
        // comes before the last car starts, so the command is surely still working when it dies.
        let margin = try StoreProgress(database: database("reference")).eventsPerCar().values.sorted().suffix(2).reduce(0, +)
        #expect(total > margin + 20, "the work is big enough to be cut (\(total) events, margin \(margin))")
        let seed = Self.seed("batch")
        var random = SplitMix64(seed: seed)
        let progress = StoreProgress(database: database("killed"))
        var kills = 0
        for round in 0..<8 {
            guard let target = Self.target(done: progress.events(), total: total, margin: margin, random: &random) else { break }
            let outcome = try runner("killed").runAndKill(arguments, when: { progress.events() >= target })
            let context = "batch round \(round), killed at \(target) of \(total) events (seed \(seed))"
            #expect(outcome == .killed, "\(context): \(outcome)")
            kills += 1
            try expectIntact("killed", context)
            try expectCompleteReports(in: out, context)
        }
        #expect(kills >= 2, "seed \(seed)")
        let finish = try runner("killed").run(arguments)
        #expect(finish.status == 0, "\(finish.stdout)")
        let status = try runner("killed").run(["batch", "--status", day]).stdout
        #expect(status.contains("done \(vins.count) · failed 0 · changed 0 · pending 0"), "\(status)")
        for vin in vins { try expectSameContent(vin, "killed", "reference", "seed \(seed)") }
        #expect(progress.events() == total)
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
            guard file.deletingLastPathComponent().lastPathComponent != PhotoFileStore.incomingFolder else { continue }
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
        for command in [["show", vin], ["mileage", "show", "--lang", "en", vin]] {
            let a = try runner(one).run(command), b = try runner(other).run(command)
            #expect(
                a.stdout.replacing(recordNumber, with: "#") == b.stdout.replacing(recordNumber, with: "#"),
                "\(command.joined(separator: " ")) differs (\(context))")
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
