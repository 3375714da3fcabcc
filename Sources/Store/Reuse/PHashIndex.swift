import Foundation

/// An in-memory index of 256-bit pHashes that finds every stored hash within a Hamming distance of a query.
///
/// Multi-index hashing: each hash is cut into 16 bands of 16 bits, and each band has a bucket table (`offsets` into
/// `entries`, one counting sort per band). Two hashes within distance d differ in at most floor(d / 16) bits of some
/// band (pigeonhole), so probing every band's value and its neighbours within that radius reaches every hash within d:
/// 16 x 17 = 272 buckets for d <= 31, 16 x 137 = 2,192 for d <= 47; a larger d is answered by a full scan. Candidates
/// are verified by popcount over the packed words. Hashes appended after the last build sit in a small tail that every
/// query scans; the tables are rebuilt when the tail grows past 1/16 of the built part.
package struct PHashIndex: Sendable {
    /// One stored hash's identity and its distance to a query.
    package struct Hit: Sendable, Hashable {
        /// The id the hash was appended with.
        package var id: Int64
        /// Bits that differ from the query.
        package var distance: Int
    }

    /// The hashes, four words each, in the order appended.
    private var words: [UInt64] = []
    private var ids: [Int64] = []
    /// Band tables over the first `built` hashes: `offsets[band * 65537 + value]` starts that bucket in
    /// `entries[band * built ...]`.
    private var offsets: [UInt32] = []
    private var entries: [UInt32] = []
    private var built = 0

    private static let bands = 16
    private static let buckets = 1 << 16

    /// An empty index.
    package init() {}

    /// Hashes held.
    package var count: Int { ids.count }

    /// Adds hashes under their ids: `packed` holds four words a hash, most significant first. The band tables are
    /// rebuilt when the unbuilt tail passes 4,096 hashes and 1/16 of the built part.
    package mutating func append(ids newIDs: [Int64], packed: [UInt64]) {
        precondition(packed.count == newIDs.count * 4, "a pHash has four words")
        words.append(contentsOf: packed)
        ids.append(contentsOf: newIDs)
        if count - built > max(4096, built / 16) { rebuild() }
    }

    /// Every held hash within `distance` bits of `query`, nearest first.
    package func within(_ distance: Int, of query: [UInt64]) -> [Hit] {
        precondition(query.count == 4, "a pHash has four words")
        var hits: Set<Hit> = []
        let radius = distance / 16
        words.withUnsafeBufferPointer { stored in
            func check(_ index: Int) {
                let base = index * 4
                let bits =
                    (stored[base] ^ query[0]).nonzeroBitCount + (stored[base + 1] ^ query[1]).nonzeroBitCount
                    + (stored[base + 2] ^ query[2]).nonzeroBitCount + (stored[base + 3] ^ query[3]).nonzeroBitCount
                if bits <= distance { hits.insert(Hit(id: ids[index], distance: bits)) }
            }
            if radius > 2 {
                for index in 0..<count { check(index) }
                return
            }
            if built > 0 {
                offsets.withUnsafeBufferPointer { offsets in
                    entries.withUnsafeBufferPointer { entries in
                        for band in 0..<Self.bands {
                            let value = Self.band(band, of: query)
                            for probe in Self.neighbours(of: value, radius: radius) {
                                let table = band * (Self.buckets + 1) + probe
                                for slot in Int(offsets[table])..<Int(offsets[table + 1]) { check(Int(entries[band * built + slot])) }
                            }
                        }
                    }
                }
            }
            for index in built..<count { check(index) }
        }
        return hits.sorted { ($0.distance, $0.id) < ($1.distance, $1.id) }
    }

    /// The 16-bit value of `band` (0 = the most significant bits of the first word).
    static func band(_ band: Int, of hash: some RandomAccessCollection<UInt64>) -> Int {
        let word = hash[hash.index(hash.startIndex, offsetBy: band / 4)]
        return Int((word >> UInt64(48 - (band % 4) * 16)) & 0xFFFF)
    }

    /// `value` and every 16-bit value within `radius` (0, 1 or 2) bits of it.
    static func neighbours(of value: Int, radius: Int) -> [Int] {
        var result = [value]
        guard radius >= 1 else { return result }
        for i in 0..<16 {
            let one = value ^ (1 << i)
            result.append(one)
            if radius >= 2 { for j in (i + 1)..<16 { result.append(one ^ (1 << j)) } }
        }
        return result
    }

    /// Builds the band tables over every hash held: a counting sort per band, the bands spread over the cores.
    private mutating func rebuild() {
        let total = count, stride = Self.buckets + 1
        var offsets = [UInt32](repeating: 0, count: Self.bands * stride)
        var entries = [UInt32](repeating: 0, count: Self.bands * total)
        words.withUnsafeBufferPointer { words in
            offsets.withUnsafeMutableBufferPointer { offsets in
                entries.withUnsafeMutableBufferPointer { entries in
                    nonisolated(unsafe) let (words, offsets, entries) = (words, offsets, entries)
                    DispatchQueue.concurrentPerform(iterations: Self.bands) { band in
                        let table = band * stride, first = band * total, word = band / 4, shift = UInt64(48 - (band % 4) * 16)
                        for index in 0..<total { offsets[table + Int(truncatingIfNeeded: (words[index &* 4 &+ word] >> shift) & 0xFFFF) + 1] += 1 }
                        for value in 0..<Self.buckets { offsets[table + value + 1] += offsets[table + value] }
                        var next = Array(offsets[table..<(table + Self.buckets)])
                        for index in 0..<total {
                            let value = Int(truncatingIfNeeded: (words[index &* 4 &+ word] >> shift) & 0xFFFF)
                            entries[first + Int(next[value])] = UInt32(truncatingIfNeeded: index)
                            next[value] += 1
                        }
                    }
                }
            }
        }
        self.offsets = offsets
        self.entries = entries
        built = total
    }
}
