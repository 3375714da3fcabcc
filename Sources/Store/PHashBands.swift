import ImageOps

/// Multi-index hashing over the 256-bit pHash: 16 bands of 16 bits. If two hashes differ in at most d bits, some
/// band differs in at most floor(d/16) bits, so probing every band's value and its neighbours within that radius finds
/// every hash within d without scanning all stored photos.
package enum PHashBands {
    /// The 16 band keys (`band << 16 | value`) of a hash.
    package static func keys(_ hash: PerceptualHash) -> [Int] {
        (0..<16).map { band in
            let word = hash.pHash[band / 4]
            let value = Int((word >> UInt64(48 - (band % 4) * 16)) & 0xFFFF)
            return band << 16 | value
        }
    }

    /// Every key within `radius` bits of the hash's band values (radius 2: 16 x 137 = 2,192 keys).
    static func probes(_ hash: PerceptualHash, radius: Int) -> [Int] {
        var result: [Int] = []
        for key in keys(hash) {
            let band = key >> 16, value = key & 0xFFFF
            result.append(key)
            if radius >= 1 {
                for i in 0..<16 {
                    let one = value ^ (1 << i)
                    result.append(band << 16 | one)
                    if radius >= 2 {
                        for j in (i + 1)..<16 { result.append(band << 16 | (one ^ (1 << j))) }
                    }
                }
            }
        }
        return result
    }

    /// The radius that guarantees every hash within `distance` is found (distance 31 needs radius 1, 47 radius 2).
    static func radius(for distance: Int) -> Int { min(2, max(0, distance / 16)) }

    /// The largest distance a radius guarantees to find.
    static func guaranteed(radius: Int) -> Int { 16 * (radius + 1) - 1 }
}
