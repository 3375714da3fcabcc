import Foundation
import ImageOps
import Store

/// Fills a store with synthetic photos for measuring the reuse lookup at scale (benchmarks only; never run on real
/// data): 16 photos per synthetic car (one appraisal each), whose pHashes are random variations of a few "inspection
/// bay" hashes, so that they cluster like the photos of one inspection bay do. Rows go in as multi-row inserts, one
/// transaction per 1,000 cars, on SQLite or PostgreSQL alike.
package enum SyntheticPhotoSeeder {
    /// The synthetic hashes: `count` of them, deterministic for a seed (bench-index plants copies of them).
    package static func hashes(count: Int, seed: UInt64) -> [PerceptualHash] {
        var generator = SplitMix64(seed: seed)
        let bays = (0..<40).map { _ in (0..<4).map { _ in generator.next() } }
        return (0..<count).map { _ in
            // Each bit of the bay hash flips with probability 1/4: different photos of one bay end ~96 bits apart.
            let bay = bays[Int(generator.next() % UInt64(bays.count))]
            return PerceptualHash(dHash: generator.next(), pHash: bay.map { $0 ^ (generator.next() & generator.next()) })
        }
    }

    /// Stores `hashes` as the photos of synthetic cars `SYN…` (a store holding none yet), 16 to a car.
    package static func seed(_ hashes: [PerceptualHash], into store: InspectionStore) throws {
        let perCar = 16, carsPerTransaction = 1000
        for first in stride(from: 0, to: hashes.count, by: perCar * carsPerTransaction) {
            let slice = hashes[first..<min(hashes.count, first + perCar * carsPerTransaction)]
            let cars = (first / perCar)..<((first + slice.count + perCar - 1) / perCar)
            try store.bulkWrite { bulk in
                let vins = cars.map { SQLValue.text(String(format: "SYN%014d", $0 + 1)) }
                try bulk.insert(into: "vehicle", columns: ["vin", "first_seen_at"], rows: vins.map { [$0, .text("synthetic")] })
                let inspections = try bulk.insert(
                    into: "inspection",
                    columns: [
                        "vin", "stage", "revision", "content_sha256", "template_id", "template_sha256", "inspected_at", "inspected_at_epoch",
                        "inspector_id", "source_path", "submitted_at", "document", "assessment",
                    ],
                    rows: zip(cars, vins).map { car, vin in
                        [vin, .text("appraisal"), .integer(1), .text("synthetic-\(car)")]
                            + ["synthetic", "synthetic", "synthetic"].map(SQLValue.text) + [.integer(0)]
                            + ["SYN", "synthetic", "synthetic", "{}", "{}"].map(SQLValue.text)
                    }, returning: ["id", "content_sha256"])
                var ids: [Int: Int64] = [:]
                for row in inspections {
                    guard let id = row.integer("id"), let car = row.text("content_sha256").flatMap({ Int($0.dropFirst(10)) }) else { continue }
                    ids[car] = id
                }
                var photos: [[SQLValue]] = [], words: [[SQLValue]] = []
                for (index, hash) in zip(slice.indices, slice) {
                    guard let id = ids[index / perCar] else { throw SeedError.missingInspection(car: index / perCar) }
                    let key: [SQLValue] = [.integer(id), .integer(Int64(index % perCar + 1))]
                    photos.append(
                        key + [.text("angle"), .text("front"), .text("synthetic.jpg"), .text("s\(index)"), .integer(0), .text("synthetic")]
                            + [.text("p\(index)"), .text(hash.dHashHex), .text(hash.pHashHex)])
                    words.append(key + hash.pHash.map { .integer(Int64(bitPattern: $0)) })
                }
                try bulk.insert(
                    into: "photo",
                    columns: [
                        "inspection_id", "seq", "role", "angle", "source_path", "sha256", "byte_count", "stored_path", "pixel_sha256", "dhash",
                        "phash",
                    ],
                    rows: photos)
                try bulk.insert(into: "photo_hash", columns: ["inspection_id", "seq", "p0", "p1", "p2", "p3"], rows: words)
            }
        }
    }

    /// A seeding failure.
    enum SeedError: Error, CustomStringConvertible {
        case missingInspection(car: Int)
        var description: String {
            switch self {
            case let .missingInspection(car): "the synthetic inspection of car \(car + 1) was not returned by its insert"
            }
        }
    }
}
