/// A walk over a PNG's chunk list before libpng sees it: libpng 1.6.39 allocates (and zeroes) whatever length an
/// ancillary chunk declares, so a 57-byte file can cost 1 GiB. Every length must fit in the bytes that are left.
package enum PNGChunks {
    /// The 8-byte PNG signature.
    package static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// The chunk types in order, or why the file cannot be a sane PNG.
    package static func walk(_ bytes: [UInt8], maxChunks: Int = 100_000) -> Result<[String], ImageError> {
        guard bytes.starts(with: signature) else { return .failure(.unsupportedFormat("no PNG signature")) }
        var index = 8
        var types: [String] = []
        while index < bytes.count {
            guard index + 12 <= bytes.count else { return .failure(.malformedPNG("truncated chunk header at byte \(index)")) }
            let length = Int(bytes[index]) << 24 | Int(bytes[index + 1]) << 16 | Int(bytes[index + 2]) << 8 | Int(bytes[index + 3])
            let typeBytes = bytes[(index + 4)..<(index + 8)]
            guard typeBytes.allSatisfy({ (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }) else {
                return .failure(.malformedPNG("invalid chunk type at byte \(index + 4)"))
            }
            let type = String(decoding: typeBytes, as: UTF8.self)
            let remaining = bytes.count - index - 12
            guard length <= 0x7FFF_FFFF, length <= remaining else {
                return .failure(.malformedPNG("chunk \(type) declares \(length) bytes but only \(max(0, remaining)) are left"))
            }
            types.append(type)
            guard types.count <= maxChunks else { return .failure(.malformedPNG("more than \(maxChunks) chunks")) }
            index += 12 + length
            if type == "IEND" { break }
        }
        return .success(types)
    }
}
