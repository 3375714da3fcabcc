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

    /// The hashes in the order appended: words 0 and 1 of each side by side in `high` (one cache line), words 2 and 3 in
    /// `low`. The high half rules out nearly every unrelated candidate (128 random bits are about 64 apart), so a lookup
    /// reads one cache line per candidate and the low half only for the few still within the distance.
    private var high: [UInt64] = []
    private var low: [UInt64] = []
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
        for start in stride(from: 0, to: packed.count, by: 4) {
            high.append(packed[start])
            high.append(packed[start + 1])
            low.append(packed[start + 2])
            low.append(packed[start + 3])
        }
        ids.append(contentsOf: newIDs)
        if count - built > max(4096, built / 16) { rebuild() }
    }

    /// Every held hash within `distance` bits of `query`, nearest first. The probed buckets' entries are gathered first
    /// and then verified in one tight loop, so the reads of the candidates' words overlap.
    package func within(_ distance: Int, of query: [UInt64]) -> [Hit] {
        precondition(query.count == 4, "a pHash has four words")
        let radius = distance / 16
        let (q0, q1, q2, q3) = (query[0], query[1], query[2], query[3])
        var hits: [Hit] = []
        high.withUnsafeBufferPointer { high in
            low.withUnsafeBufferPointer { low in
                ids.withUnsafeBufferPointer { ids in
                    func check(_ index: Int) {
                        let base = index &* 2
                        let upper = (high[base] ^ q0).nonzeroBitCount &+ (high[base &+ 1] ^ q1).nonzeroBitCount
                        guard upper <= distance else { return }
                        let bits = upper &+ (low[base] ^ q2).nonzeroBitCount &+ (low[base &+ 1] ^ q3).nonzeroBitCount
                        if bits <= distance { hits.append(Hit(id: ids[index], distance: bits)) }
                    }
                    if radius > 2 {
                        for index in 0..<count { check(index) }
                        return
                    }
                    if built > 0 {
                        var candidates: [UInt32] = []
                        candidates.reserveCapacity(8192)
                        offsets.withUnsafeBufferPointer { offsets in
                            entries.withUnsafeBufferPointer { entries in
                                for band in 0..<Self.bands {
                                    let table = band * (Self.buckets + 1), first = band * built
                                    func probe(_ value: Int) {
                                        let start = first + Int(offsets[table + value]), end = first + Int(offsets[table + value + 1])
                                        if start < end { candidates.append(contentsOf: UnsafeBufferPointer(rebasing: entries[start..<end])) }
                                    }
                                    let value = Self.band(band, of: query)
                                    probe(value)
                                    guard radius >= 1 else { continue }
                                    for i in 0..<16 {
                                        let one = value ^ (1 << i)
                                        probe(one)
                                        if radius >= 2 { for j in (i + 1)..<16 { probe(one ^ (1 << j)) } }
                                    }
                                }
                            }
                        }
                        // First the two leading words of every candidate, without a branch, so the reads overlap;
                        // then the rest only for the few that are still within the distance.
                        var upper = [UInt8](repeating: 0, count: candidates.count)
                        candidates.withUnsafeBufferPointer { candidates in
                            upper.withUnsafeMutableBufferPointer { upper in
                                for slot in 0..<candidates.count {
                                    let base = Int(candidates[slot]) &* 2
                                    upper[slot] = UInt8(
                                        truncatingIfNeeded: (high[base] ^ q0).nonzeroBitCount &+ (high[base &+ 1] ^ q1).nonzeroBitCount)
                                }
                            }
                        }
                        for (slot, candidate) in candidates.enumerated() where Int(upper[slot]) <= distance { check(Int(candidate)) }
                    }
                    for index in built..<count { check(index) }
                }
            }
        }
        // A hash close in several bands is found once per band.
        hits.sort { ($0.distance, $0.id) < ($1.distance, $1.id) }
        return hits.enumerated().filter { $0.offset == 0 || hits[$0.offset - 1] != $0.element }.map(\.element)
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
        let halves = [high, low]
        offsets.withUnsafeMutableBufferPointer { offsets in
            entries.withUnsafeMutableBufferPointer { entries in
                nonisolated(unsafe) let (offsets, entries) = (offsets, entries)
                DispatchQueue.concurrentPerform(iterations: Self.bands) { band in
                    let table = band * stride, first = band * total, shift = UInt64(48 - (band % 4) * 16), word = band / 4 % 2
                    halves[band / 8].withUnsafeBufferPointer { words in
                        for index in 0..<total {
                            offsets[table + Int(truncatingIfNeeded: (words[index &* 2 &+ word] >> shift) & 0xFFFF) + 1] += 1
                        }
                        for value in 0..<Self.buckets { offsets[table + value + 1] += offsets[table + value] }
                        var next = Array(offsets[table..<(table + Self.buckets)])
                        for index in 0..<total {
                            let value = Int(truncatingIfNeeded: (words[index &* 2 &+ word] >> shift) & 0xFFFF)
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
