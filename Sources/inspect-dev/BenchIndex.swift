import ArgumentParser
import Common
import Foundation
import ImageOps
import InspectDevTools
import Inspection
import Store

extension InspectDev {
    /// `inspect-dev bench-index`: the reuse lookup against many stored photos (SQLite by default, or a scratch
    /// PostgreSQL database), with every answer for a sample of lookups checked against a brute-force scan.
    struct BenchIndex: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "bench-index",
            abstract: "Time seeding and the reuse lookup against synthetic photos (a throwaway SQLite database unless --db is given).")

        @Option(name: .long, help: "Photo policy (reuse distances); default config/photo-policy.yaml.")
        var photoPolicy = "config/photo-policy.yaml"
        @Option(name: .long, help: "Synthetic photos to store.") var photos: Int = 300_000
        @Option(name: .long, help: "Lookups of each kind to time.") var lookups: Int = 400
        @Option(name: .long, help: "A scratch PostgreSQL database (postgres://…) or SQLite file; default a throwaway SQLite file.")
        var db: String?
        @Option(name: .long, help: "With PostgreSQL: the photo root.") var photoRoot: String?

        func run() throws {
            let policy = try PhotoPolicyLoader.load(from: URL(filePath: photoPolicy))
            let folder = FileManager.default.temporaryDirectory.appending(path: "inspect-bench-index-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: folder) }
            let open = { () throws -> InspectionStore in
                switch try StoreLocation.parse(db ?? folder.appending(path: "bench.db").path) {
                case let .sqlite(path): return try InspectionStore(path: path)
                case let .postgres(url):
                    return try InspectionStore(
                        postgres: url, photoRoot: URL(filePath: photoRoot ?? folder.appending(path: "photos").path), migratedAt: "bench")
                }
            }
            // The stored photos, then as many more drawn from the same bays: new photos of the kind a platform sees.
            let all = SyntheticPhotoSeeder.hashes(count: photos + lookups, seed: 42)
            let stored = Array(all.prefix(photos))
            let seeding = ContinuousClock.now
            try SyntheticPhotoSeeder.seed(stored, into: try open())
            let seconds = Double((ContinuousClock.now - seeding).milliseconds) / 1000
            print("seeded \(photos) synthetic photos in \(format(seconds)) s (\(Int(Double(photos) / seconds)) photos/s)")

            let store = try open()
            let loading = ContinuousClock.now
            _ = try store.findReuse(hash: all[photos], sourceSHA256: "-", pixelSHA256: "-", excludingVIN: "-", policy: policy)
            print("index loaded by the first lookup of a process: \(format((ContinuousClock.now - loading).milliseconds)) ms")

            var generator = SplitMix64(seed: 7)
            var queries: [(kind: Int, hash: PerceptualHash, planted: Int?)] = []
            for index in 0..<lookups {
                queries.append((0, PerceptualHash(dHash: 0, pHash: (0..<4).map { _ in generator.next() }), nil))
                queries.append((1, all[photos + index], nil))
                // A stored photo altered in up to review_max_distance bits: the lookup must find it.
                let original = Int(generator.next() % UInt64(stored.count))
                var copy = stored[original]
                var flipped = Set<Int>()
                let flips = Int(generator.next() % UInt64(policy.reviewMaxDistance + 1))
                while flipped.count < flips { flipped.insert(Int(generator.next() % 256)) }
                for bit in flipped { copy.pHash[bit / 64] ^= 1 << UInt64(63 - bit % 64) }
                queries.append((2, copy, original))
            }
            var times: [[Double]] = [[], [], []]
            var found = 0, planted = 0, checked = 0, matches = 0
            for (number, query) in queries.enumerated() {
                let start = ContinuousClock.now
                let result = try store.findReuse(hash: query.hash, sourceSHA256: "-", pixelSHA256: "-", excludingVIN: "-", policy: policy)
                times[query.kind].append((ContinuousClock.now - start).milliseconds)
                matches += result.count
                if let original = query.planted {
                    planted += 1
                    let vin = String(format: "SYN%014d", original / 16 + 1)
                    if result.contains(where: { $0.otherVIN == vin && $0.otherPath == "synthetic.jpg" }) { found += 1 }
                }
                // Every 20th lookup: the answer must be exactly what a scan of every stored hash finds.
                if number % 20 == 0 {
                    let expected = stored.filter { $0.pHashDistance(to: query.hash) <= policy.reviewMaxDistance }.count
                    guard expected == result.count else {
                        throw ValidationError("lookup \(number) found \(result.count) photos, a brute-force scan finds \(expected)")
                    }
                    checked += 1
                }
            }
            // The in-memory index alone (no SQL), on the same hashes and queries.
            var index = PHashIndex()
            index.append(ids: stored.indices.map { Int64($0) }, packed: stored.flatMap(\.pHash))
            var alone: [Double] = []
            for query in queries {
                let start = ContinuousClock.now
                _ = index.within(policy.reviewMaxDistance, of: query.hash.pHash)
                alone.append((ContinuousClock.now - start).milliseconds)
            }
            for (kind, name) in ["new photos, random hash", "new photos from the stored bays", "altered copies of stored photos"].enumerated() {
                print("lookups of \(name): median \(format(quantile(times[kind], 0.5))) ms, p95 \(format(quantile(times[kind], 0.95))) ms")
            }
            print(
                "the in-memory index alone (all kinds): median \(format(quantile(alone, 0.5) * 1000)) µs, p95 \(format(quantile(alone, 0.95) * 1000)) µs"
            )
            print(
                "altered copies found: \(found)/\(planted); \(checked) lookups equal to a brute-force scan; matches returned in all: \(matches) (review distance \(policy.reviewMaxDistance))"
            )
        }

        private func quantile(_ values: [Double], _ q: Double) -> Double {
            let sorted = values.sorted()
            return sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int(Double(sorted.count) * q))]
        }

        private func format(_ value: Double) -> String { String(format: "%.2f", value) }
    }
}
