import ArgumentParser
import Common
import Foundation
import ImageOps
import InspectDevTools
import Inspection
import Store

extension InspectDev {
    /// `inspect-dev bench-index`: the reuse lookup against many stored photos.
    struct BenchIndex: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "bench-index",
            abstract: "Time the reuse lookup against a database of synthetic photos (a throwaway database is created).")

        @Option(name: .long, help: "Photo policy (reuse distances); default config/photo-policy.yaml.")
        var photoPolicy = "config/photo-policy.yaml"

        @Option(name: .long, help: "Synthetic photos to store.")
        var photos: Int = 300_000

        @Option(name: .long, help: "Lookups to time.")
        var lookups: Int = 400

        func run() throws {
            let policy = try PhotoPolicyLoader.load(from: URL(filePath: photoPolicy))
            let folder = FileManager.default.temporaryDirectory.appending(path: "inspect-bench-index-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: folder) }
            let path = folder.appending(path: "bench.db").path
            var store = try InspectionStore(path: path)
            let started = ContinuousClock.now
            let stored = try SyntheticPhotoSeeder.seed(databasePath: path, count: photos, seed: 42)
            store = try InspectionStore(path: path)
            print("stored \(photos) synthetic photos in \(Int((ContinuousClock.now - started).milliseconds)) ms")
            var generator = SplitMix64(seed: 7)
            var nearTimes: [Double] = [], freshTimes: [Double] = []
            var found = 0, planted = 0, candidates = 0
            for index in 0..<lookups {
                var query: PerceptualHash
                let near = index % 2 == 0
                if near {
                    // A stored photo re-encoded: flip up to same_photo_max_distance bits; the index must find it.
                    query = stored[Int(generator.next() % UInt64(stored.count))]
                    let flips = Int(generator.next() % UInt64(policy.samePhotoMaxDistance + 1))
                    var flipped = Set<Int>()
                    while flipped.count < flips { flipped.insert(Int(generator.next() % 256)) }
                    for bit in flipped { query.pHash[bit / 64] ^= 1 << UInt64(63 - bit % 64) }
                    planted += 1
                } else {
                    query = PerceptualHash(dHash: generator.next(), pHash: (0..<4).map { _ in generator.next() })
                }
                let start = ContinuousClock.now
                let matches = try store.findReuse(hash: query, sourceSHA256: "none", pixelSHA256: "none", excludingVIN: "NONE", policy: policy)
                let elapsed = (ContinuousClock.now - start).milliseconds
                if near {
                    nearTimes.append(elapsed)
                    if matches.contains(where: { $0.distance <= policy.samePhotoMaxDistance }) { found += 1 }
                } else {
                    freshTimes.append(elapsed)
                }
                candidates += matches.count
            }
            func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
            func p95(_ values: [Double]) -> Double { values.sorted()[min(values.count - 1, values.count * 95 / 100)] }
            print(
                "lookups of re-encoded stored photos: median \(format(median(nearTimes))) ms, p95 \(format(p95(nearTimes))) ms; found \(found)/\(planted)"
            )
            print("lookups of new photos:               median \(format(median(freshTimes))) ms, p95 \(format(p95(freshTimes))) ms")
            print("matches returned in all: \(candidates) (review distance \(policy.reviewMaxDistance))")
        }

        private func format(_ value: Double) -> String { String(format: "%.2f", value) }
    }
}
