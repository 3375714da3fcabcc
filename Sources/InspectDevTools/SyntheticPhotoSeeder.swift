import Foundation
import GRDB
import ImageOps
import Store

/// Fills a store with synthetic photos for measuring the reuse lookup at scale (benchmarks only; never run on real
/// data): 16 photos per synthetic car, whose pHashes are random variations of a few "inspection bay" hashes, so that
/// they cluster like the photos of one inspection bay do. Rows go in through SQL in one transaction.
package enum SyntheticPhotoSeeder {
    /// Inserts `count` photos into the (already migrated) store at `databasePath`; returns their hashes in order.
    package static func seed(databasePath: String, count: Int, seed: UInt64) throws -> [PerceptualHash] {
        var generator = SplitMix64(seed: seed)
        let bays = (0..<40).map { _ in (0..<4).map { _ in generator.next() } }
        var hashes: [PerceptualHash] = []
        hashes.reserveCapacity(count)
        let queue = try DatabaseQueue(path: databasePath)
        try queue.write { db in
            var car = 0
            var id: Int64 = 0
            for index in 0..<count {
                if index % 16 == 0 {
                    car += 1
                    let vin = String(format: "SYN%014d", car)
                    try db.execute(sql: "INSERT OR IGNORE INTO vehicle (vin, first_seen_at) VALUES (?, 'synthetic')", arguments: [vin])
                    try db.execute(
                        sql: """
                            INSERT INTO inspection (vin, stage, revision, content_sha256, template_id, template_sha256, inspected_at,
                                inspected_at_epoch, inspector_id, source_path, submitted_at, document, assessment)
                            VALUES (?, 'appraisal', 1, 'synthetic', 'synthetic', 'synthetic', 'synthetic', 0, 'SYN', 'synthetic', 'synthetic', '{}', '{}')
                            """,
                        arguments: [vin])
                    id = db.lastInsertedRowID
                }
                // Each bit of the bay hash flips with probability 1/4: different photos of one bay end ~96 bits apart.
                let bay = bays[Int(generator.next() % UInt64(bays.count))]
                let words = bay.map { $0 ^ (generator.next() & generator.next()) }
                let hash = PerceptualHash(dHash: generator.next(), pHash: words)
                hashes.append(hash)
                let seq = index % 16 + 1
                try db.execute(
                    sql: """
                        INSERT INTO photo (inspection_id, seq, role, angle, source_path, sha256, byte_count, stored_path, pixel_sha256, dhash, phash)
                        VALUES (?, ?, 'angle', 'front', 'synthetic.jpg', ?, 0, 'synthetic', ?, ?, ?)
                        """,
                    arguments: [id, seq, "s\(index)", "p\(index)", hash.dHashHex, hash.pHashHex])
                for key in PHashBands.keys(hash) {
                    try db.execute(sql: "INSERT OR IGNORE INTO phash_band (key, inspection_id, seq) VALUES (?, ?, ?)", arguments: [key, id, seq])
                }
            }
        }
        return hashes
    }
}
