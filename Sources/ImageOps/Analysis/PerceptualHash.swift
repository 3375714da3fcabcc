import Foundation

/// Perceptual fingerprints of a photo: a 64-bit dHash (cheap pre-filter) and a 256-bit pHash (64x64 -> DCT, the 16x16
/// lowest frequencies against their median). On real car photos re-encoding or resizing moves the pHash by a few bits
/// while different cars in the same bay stay ~60 bits apart; 64-bit hashes alone put such cars within 5-8 bits.
package struct PerceptualHash: Sendable, Hashable, Codable {
    /// dHash: 9x8 luma, one bit per horizontal gradient sign, row-major, first bit most significant.
    package var dHash: UInt64
    /// pHash, 256 bits as four words, first word most significant.
    package var pHash: [UInt64]

    /// Creates a hash from its parts.
    package init(dHash: UInt64, pHash: [UInt64]) {
        self.dHash = dHash
        self.pHash = pHash
    }

    /// Hashes a luma image (any size; it is resampled by area averaging).
    package init(luma: PixelImage) {
        let gray = luma.channels == 1 ? luma : luma.luma
        let small = gray.resized(width: 9, height: 8).pixels
        var d: UInt64 = 0
        for row in 0..<8 {
            for column in 0..<8 {
                d = d << 1 | (small[row * 9 + column + 1] > small[row * 9 + column] ? 1 : 0)
            }
        }
        dHash = d
        let block = gray.resized(width: 64, height: 64).pixels.map(Double.init)
        // Separable DCT-II, keeping only the 16 lowest frequencies in each direction.
        let table = Self.cosines
        var rows = [Double](repeating: 0, count: 64 * 16)
        for y in 0..<64 {
            for k in 0..<16 {
                var sum = 0.0
                for n in 0..<64 { sum += block[y * 64 + n] * table[k * 64 + n] }
                rows[y * 16 + k] = sum
            }
        }
        var coefficients = [Double](repeating: 0, count: 256)
        for u in 0..<16 {
            for k in 0..<16 {
                var sum = 0.0
                for n in 0..<64 { sum += rows[n * 16 + u] * table[k * 64 + n] }
                coefficients[k * 16 + u] = sum
            }
        }
        let sorted = coefficients.sorted()
        let median = (sorted[127] + sorted[128]) / 2
        var words = [UInt64](repeating: 0, count: 4)
        for (index, value) in coefficients.enumerated() where value > median {
            words[index / 64] |= 1 << UInt64(63 - index % 64)
        }
        pHash = words
    }

    private static let cosines: [Double] = (0..<16).flatMap { k in
        (0..<64).map { n in cos(Double.pi / 64 * (Double(n) + 0.5) * Double(k)) }
    }

    /// Bits that differ in the pHashes (0-256).
    package func pHashDistance(to other: PerceptualHash) -> Int {
        zip(pHash, other.pHash).reduce(0) { $0 + ($1.0 ^ $1.1).nonzeroBitCount }
    }

    /// Bits that differ in the dHashes (0-64).
    package func dHashDistance(to other: PerceptualHash) -> Int { (dHash ^ other.dHash).nonzeroBitCount }

    /// The dHash as 16 hex digits.
    package var dHashHex: String { Self.hex(dHash) }

    /// The pHash as 64 hex digits.
    package var pHashHex: String { pHash.map(Self.hex).joined() }

    /// Parses ``pHashHex`` / ``dHashHex`` back.
    package init?(dHashHex: String, pHashHex: String) {
        guard dHashHex.count == 16, pHashHex.count == 64, let d = UInt64(dHashHex, radix: 16) else { return nil }
        let chars = Array(pHashHex)
        var words: [UInt64] = []
        for index in 0..<4 {
            guard let word = UInt64(String(chars[(index * 16)..<(index * 16 + 16)]), radix: 16) else { return nil }
            words.append(word)
        }
        self.init(dHash: d, pHash: words)
    }

    private static func hex(_ value: UInt64) -> String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: 16 - text.count) + text
    }
}
