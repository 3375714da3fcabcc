import Testing

@testable import Store

/// The in-memory reuse index finds exactly what a scan of every stored hash finds: on random hashes, on hashes
/// clustered like photos of a few inspection bays, and on one tight cluster whose band buckets are all crowded; at
/// every super-band budget the probes cover (distance 0..47: radius 0, 1, 2 and the sibling allowances) and beyond (a
/// full scan); with hashes in the built tables and in the unbuilt tail.
@Suite struct PHashIndexTests {
    enum Data: String, CaseIterable, Sendable { case random, bays, tight }

    /// A deterministic generator (SplitMix64).
    struct Numbers {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static func hashes(_ data: Data, count: Int, numbers: inout Numbers) -> [[UInt64]] {
        let centres = (0..<(data == .tight ? 1 : 12)).map { _ in (0..<4).map { _ in numbers.next() } }
        return (0..<count).map { _ in
            switch data {
            case .random: return (0..<4).map { _ in numbers.next() }
            case .bays:  // each bit of a bay's hash flips with probability 1/4
                let centre = centres[Int(numbers.next() % UInt64(centres.count))]
                return centre.map { $0 ^ (numbers.next() & numbers.next()) }
            case .tight:  // about 8 bits from one hash: every band bucket near it holds thousands
                return centres[0].map { $0 ^ (numbers.next() & numbers.next() & numbers.next() & numbers.next() & numbers.next()) }
            }
        }
    }

    static func distance(_ a: [UInt64], _ b: [UInt64]) -> Int {
        (a[0] ^ b[0]).nonzeroBitCount + (a[1] ^ b[1]).nonzeroBitCount + (a[2] ^ b[2]).nonzeroBitCount + (a[3] ^ b[3]).nonzeroBitCount
    }

    @Test(arguments: Data.allCases, [0, 7, 8, 15, 16, 24, 31, 40, 47, 48, 64])
    func findsExactlyWhatABruteForceScanFinds(data: Data, distance: Int) {
        var numbers = Numbers(state: UInt64(distance) &* 31 &+ UInt64(data.rawValue.count))
        let stored = Self.hashes(data, count: 6_000, numbers: &numbers)
        var index = PHashIndex()
        // In pieces: the tables are rebuilt along the way and the last pieces stay in the tail.
        var next = 0
        for size in [2500, 10, 2100, 1, 1389] {
            let ids = (next..<(next + size)).map { Int64($0 * 3 + 7) }
            index.append(ids: ids, packed: stored[next..<(next + size)].flatMap { $0 })
            next += size
        }
        #expect(index.count == stored.count)
        var queries: [[UInt64]] = Self.hashes(data, count: 30, numbers: &numbers)
        var inside = 0
        for _ in 0..<60 {  // stored hashes altered in up to distance + 4 bits: inside the distance and just outside
            var query = stored[Int(numbers.next() % UInt64(stored.count))]
            let flips = Int(numbers.next() % UInt64(distance + 5))
            if flips <= distance { inside += 1 }
            for _ in 0..<flips {
                let bit = Int(numbers.next() % 256)
                query[bit / 64] ^= 1 << UInt64(bit % 64)
            }
            queries.append(query)
        }
        var found = 0
        for query in queries {
            let expected = stored.enumerated().compactMap { number, hash -> PHashIndex.Hit? in
                let bits = Self.distance(hash, query)
                return bits <= distance ? PHashIndex.Hit(id: Int64(number * 3 + 7), distance: bits) : nil
            }.sorted { ($0.distance, $0.id) < ($1.distance, $1.id) }
            let hits = index.within(distance, of: query)
            #expect(hits == expected)
            found += hits.count
        }
        #expect(found >= inside && inside > 0, "the altered copies within the distance are found")
        #expect(index.tableCount == 4610, "2,500 + 10 + 2,100 in the tables, the rest in the tail")
    }

    @Test func anEmptyIndexAndATailOnlyIndexAnswer() {
        var index = PHashIndex()
        #expect(index.within(31, of: [1, 2, 3, 4]).isEmpty)
        index.append(ids: [9], packed: [1, 2, 3, 5])
        #expect(index.within(31, of: [1, 2, 3, 4]) == [PHashIndex.Hit(id: 9, distance: 1)])
        #expect(index.within(0, of: [1, 2, 3, 4]).isEmpty)
    }

    @Test func theBandOfAHashIsItsSixteenBitsInOrder() {
        let hash: [UInt64] = [0x0123_4567_89AB_CDEF, 0, 0, 0xFFFF]
        #expect((0..<4).map { PHashIndex.band($0, of: hash) } == [0x0123, 0x4567, 0x89AB, 0xCDEF])
        #expect(PHashIndex.band(15, of: hash) == 0xFFFF)
        func neighbours(of value: Int, radius: Int) -> [(Int, Int)] {
            var result: [(Int, Int)] = []
            PHashIndex.forEachNeighbour(of: value, radius: radius) { result.append(($0, $1)) }
            return result
        }
        #expect(neighbours(of: 0, radius: 1).count == 17)
        let two = neighbours(of: 0x00FF, radius: 2)
        #expect(two.count == 137 && Set(two.map(\.0)).count == 137)
        #expect(two.allSatisfy { value, bits in (value ^ 0x00FF).nonzeroBitCount == bits })
    }
}

/// The diagonal band layout is a permutation of the 256 bits (so distances are kept) and is the one documented.
@Suite struct PHashLayoutTests {
    @Test func bandBHoldsColumnRPlusBOfEveryRowAndDistancesAreKept() {
        var numbers = PHashIndexTests.Numbers(state: 99)
        for _ in 0..<200 {
            let hash = (0..<4).map { _ in numbers.next() }, other = (0..<4).map { _ in numbers.next() }
            func bit(_ words: [UInt64], _ index: Int) -> UInt64 { words[index / 64] >> UInt64(63 - index % 64) & 1 }
            let laid = PHashLayout.diagonal(hash)
            for band in 0..<16 {
                for row in 0..<16 {
                    #expect(bit(laid, band * 16 + row) == bit(hash, row * 16 + (row + band) % 16), "band \(band), row \(row)")
                }
            }
            #expect(PHashIndexTests.distance(laid, PHashLayout.diagonal(other)) == PHashIndexTests.distance(hash, other))
        }
    }
}
