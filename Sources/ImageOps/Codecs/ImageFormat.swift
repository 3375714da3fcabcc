/// The photo formats ImageOps reads, told apart by their signatures (never by file name).
package enum ImageFormat: String, Sendable, Codable {
    case jpeg
    case png

    /// The format of `bytes`, or nil.
    package static func sniff(_ bytes: [UInt8]) -> ImageFormat? {
        if bytes.count >= 3, bytes[0] == 0xFF, bytes[1] == 0xD8, bytes[2] == 0xFF { return .jpeg }
        if bytes.starts(with: PNGChunks.signature) { return .png }
        return nil
    }
}
