import Foundation

/// An in-memory index of 256-bit pHashes that finds every stored hash within a Hamming distance of a query.
///
/// Multi-index hashing with a second pigeonhole. The hash, in ``PHashLayout``'s diagonal order (a fixed permutation of
/// its bits, so distances are unchanged), is cut into 16 bands of 16 bits, paired into 8 super-bands
/// of 32 bits. If two hashes differ in at most d bits, some super-band differs in at most S = floor(d / 8) bits, and
/// one of its two bands in at most floor(S / 2) (d <= 31: S = 3, radius 1). So a lookup probes, in every band, the
/// query's value and its neighbours within that radius (16 x 17 = 272 buckets for d <= 31), and of each bucket keeps
/// only the entries whose sibling band (stored beside the entry) is within S minus the probe's own distance: for an
/// unrelated hash that is about 1 in 100 at d = 31. The bucket entries are read in order, so the cost grows with the
/// number of buckets probed far more than with the number of hashes; the few survivors are verified by popcount over
/// all four words. d >= 48 is answered by a full scan. Hashes appended after the last build sit in a tail that every
/// query scans; the tables are rebuilt when it grows past 4,096 and 1/16 of the built part.
package struct PHashIndex: Sendable {
    /// One stored hash's identity and its distance to a query.
    package struct Hit: Sendable, Hashable {
        /// The id the hash was appended with.
        package var id: Int64
        /// Bits that differ from the query.
        package var distance: Int
    }

    /// The hashes (in the diagonal layout) in the order appended: words 0 and 1 of each side by side in `high` (one
    /// cache line), words 2 and 3 in `low`. The high half rules out nearly every unrelated candidate (128 random bits are about 64 apart), so a lookup
    /// reads one cache line per candidate and the low half only for the few still within the distance.
    private var high: [UInt64] = []
    private var low: [UInt64] = []
    private var ids: [Int64] = []
    /// Band tables over the first `built` hashes: `offsets[band * 65537 + value]` starts that bucket in
    /// `entries[band * built ...]`.
    private var offsets: [UInt32] = []
    private var entries: [UInt32] = []
    /// Beside each entry of band b, the hash's value of band b ^ 1 (its sibling in the super-band).
    private var siblings: [UInt16] = []
    private var built = 0

    private static let bands = 16
    private static let buckets = 1 << 16

    /// An empty index.
    package init() {}

    /// Hashes held.
    package var count: Int { ids.count }

    /// Hashes in the band tables (the others are in the tail).
    var tableCount: Int { built }

    /// Adds hashes under their ids: `packed` holds four words a hash, most significant first. The band tables are
    /// rebuilt when the unbuilt tail passes 4,096 hashes and 1/16 of the built part.
    package mutating func append(ids newIDs: [Int64], packed: [UInt64]) {
        precondition(packed.count == newIDs.count * 4, "a pHash has four words")
        for start in stride(from: 0, to: packed.count, by: 4) {
            let laid = PHashLayout.diagonal(packed[start], packed[start + 1], packed[start + 2], packed[start + 3])
            high.append(laid.0)
            high.append(laid.1)
            low.append(laid.2)
            low.append(laid.3)
        }
        ids.append(contentsOf: newIDs)
        if count - built > max(4096, built / 16) { rebuild() }
    }

    /// Every held hash within `distance` bits of `query`, nearest first.
    package func within(_ distance: Int, of query: [UInt64]) -> [Hit] {
        precondition(query.count == 4, "a pHash has four words")
        let superBand = distance / 8, radius = superBand / 2
        let query = PHashLayout.diagonal(query)
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
                        // First every probed bucket's range (the table reads overlap), then a touch of each bucket's first
                        // sibling (so the buckets' cache misses overlap too), then the scans.
                        var ranges: [(start: Int, end: Int, sibling: UInt16, allowance: Int)] = []
                        ranges.reserveCapacity(radius >= 2 ? 2192 : 272)
                        offsets.withUnsafeBufferPointer { offsets in
                            for band in 0..<Self.bands {
                                let table = band * (Self.buckets + 1), first = band * built
                                let sibling = UInt16(Self.band(band ^ 1, of: query))
                                func probe(_ value: Int, allowing allowance: Int) {
                                    let start = first + Int(offsets[table + value]), end = first + Int(offsets[table + value + 1])
                                    if start < end { ranges.append((start, end, sibling, allowance)) }
                                }
                                Self.forEachNeighbour(of: Self.band(band, of: query), radius: radius) { value, bits in
                                    probe(value, allowing: superBand - bits)
                                }
                            }
                        }
                        var candidates: [UInt32] = []
                        entries.withUnsafeBufferPointer { entries in
                            siblings.withUnsafeBufferPointer { siblings in
                                var touched: UInt16 = 0
                                for range in ranges { touched ^= siblings[range.start] }
                                Self.keep(touched)
                                // Keep the entries whose sibling band leaves room within the super-band.
                                for range in ranges {
                                    var slot = range.start
                                    while slot < range.end {
                                        if (siblings[slot] ^ range.sibling).nonzeroBitCount <= range.allowance { candidates.append(entries[slot]) }
                                        slot &+= 1
                                    }
                                }
                            }
                        }
                        for candidate in candidates { check(Int(candidate)) }
                    }
                    for index in built..<count { check(index) }
                }
            }
        }
        // A hash close in several bands is found once per band.
        hits.sort { ($0.distance, $0.id) < ($1.distance, $1.id) }
        return hits.enumerated().filter { $0.offset == 0 || hits[$0.offset - 1] != $0.element }.map(\.element)
    }

    /// Uses a value the optimiser must not drop (the touch reads above exist for their cache effect only).
    @inline(never) private static func keep(_ value: UInt16) { _ = value }

    /// The 16-bit value of `band` (0 = the most significant bits of the first word).
    static func band(_ band: Int, of hash: some RandomAccessCollection<UInt64>) -> Int {
        let word = hash[hash.index(hash.startIndex, offsetBy: band / 4)]
        return Int((word >> UInt64(48 - (band % 4) * 16)) & 0xFFFF)
    }

    /// Calls `body` with `value` and every 16-bit value within `radius` (0, 1 or 2) bits of it, each once, with the
    /// number of bits it differs in.
    static func forEachNeighbour(of value: Int, radius: Int, _ body: (Int, Int) -> Void) {
        body(value, 0)
        guard radius >= 1 else { return }
        for i in 0..<16 {
            let one = value ^ (1 << i)
            body(one, 1)
            if radius >= 2 { for j in (i + 1)..<16 { body(one ^ (1 << j), 2) } }
        }
    }

    /// Builds the band tables over every hash held: a counting sort per band, the bands spread over the cores.
    private mutating func rebuild() {
        let total = count, stride = Self.buckets + 1
        var offsets = [UInt32](repeating: 0, count: Self.bands * stride)
        var entries = [UInt32](repeating: 0, count: Self.bands * total)
        var siblings = [UInt16](repeating: 0, count: Self.bands * total)
        let halves = [high, low]
        offsets.withUnsafeMutableBufferPointer { offsets in
            entries.withUnsafeMutableBufferPointer { entries in
                siblings.withUnsafeMutableBufferPointer { siblings in
                    nonisolated(unsafe) let (offsets, entries, siblings) = (offsets, entries, siblings)
                    DispatchQueue.concurrentPerform(iterations: Self.bands) { band in
                        let table = band * stride, first = band * total, shift = UInt64(48 - (band % 4) * 16), word = band / 4 % 2
                        let siblingShift = UInt64(48 - ((band ^ 1) % 4) * 16)  // the same word: super-bands never straddle two
                        halves[band / 8].withUnsafeBufferPointer { words in
                            for index in 0..<total {
                                offsets[table + Int(truncatingIfNeeded: (words[index &* 2 &+ word] >> shift) & 0xFFFF) + 1] += 1
                            }
                            for value in 0..<Self.buckets { offsets[table + value + 1] += offsets[table + value] }
                            var next = Array(offsets[table..<(table + Self.buckets)])
                            for index in 0..<total {
                                let packed = words[index &* 2 &+ word]
                                let value = Int(truncatingIfNeeded: (packed >> shift) & 0xFFFF)
                                let slot = first + Int(next[value])
                                entries[slot] = UInt32(truncatingIfNeeded: index)
                                siblings[slot] = UInt16(truncatingIfNeeded: packed >> siblingShift)
                                next[value] += 1
                            }
                        }
                    }
                }
            }
        }
        self.offsets = offsets
        self.entries = entries
        self.siblings = siblings
        built = total
    }
}
