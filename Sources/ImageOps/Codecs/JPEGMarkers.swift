/// The marker segments of a JPEG up to its first scan, and the EXIF orientation among them.
package enum JPEGMarkers {
    /// One marker segment.
    package struct Segment: Sendable, Equatable {
        /// The marker byte (`0xE1` for APP1, `0xDA` for SOS ...).
        package var marker: UInt8
        /// Where the payload starts (after the 2-byte length).
        package var payloadStart: Int
        /// Payload length (without the length field).
        package var payloadLength: Int
    }

    /// Segments from SOI up to and including SOS; stops quietly at anything malformed (the decoder reports it).
    package static func segments(_ bytes: [UInt8], limit: Int = 4096) -> [Segment] {
        guard bytes.count >= 4, bytes[0] == 0xFF, bytes[1] == 0xD8 else { return [] }
        var result: [Segment] = []
        var index = 2
        while index + 1 < bytes.count, result.count < limit {
            guard bytes[index] == 0xFF else { break }
            var markerIndex = index + 1
            while markerIndex < bytes.count, bytes[markerIndex] == 0xFF { markerIndex += 1 }  // fill bytes
            guard markerIndex < bytes.count else { break }
            let marker = bytes[markerIndex]
            if marker == 0x01 || (0xD0...0xD7).contains(marker) {  // standalone
                index = markerIndex + 1
                continue
            }
            if marker == 0xD9 { break }
            guard markerIndex + 2 < bytes.count else { break }
            let length = Int(bytes[markerIndex + 1]) << 8 | Int(bytes[markerIndex + 2])
            guard length >= 2, markerIndex + 1 + length <= bytes.count else { break }
            result.append(Segment(marker: marker, payloadStart: markerIndex + 3, payloadLength: length - 2))
            if marker == 0xDA { break }
            index = markerIndex + 1 + length
        }
        return result
    }

    /// The orientation (1-8) from IFD0 of the first `Exif\0\0` APP1; 1 when absent, 0 or above 8.
    package static func exifOrientation(_ bytes: [UInt8]) -> Int {
        let header: [UInt8] = Array("Exif".utf8) + [0, 0]
        for segment in segments(bytes) where segment.marker == 0xE1 && segment.payloadLength >= 6 {
            let payload = bytes[segment.payloadStart..<(segment.payloadStart + segment.payloadLength)]
            guard payload.starts(with: header) else { continue }
            return orientation(tiff: Array(payload.dropFirst(6))) ?? 1
        }
        return 1
    }

    /// Orientation tag 0x0112 of IFD0 in a TIFF structure, bounds-checked; nil when absent or invalid.
    package static func orientation(tiff: [UInt8]) -> Int? {
        guard tiff.count >= 8 else { return nil }
        let little: Bool
        switch (tiff[0], tiff[1]) {
        case (0x49, 0x49): little = true
        case (0x4D, 0x4D): little = false
        default: return nil
        }
        func u16(_ at: Int) -> Int? {
            guard at >= 0, at + 2 <= tiff.count else { return nil }
            return little ? Int(tiff[at]) | Int(tiff[at + 1]) << 8 : Int(tiff[at]) << 8 | Int(tiff[at + 1])
        }
        func u32(_ at: Int) -> Int? {
            guard let a = u16(at), let b = u16(at + 2) else { return nil }
            return little ? a | b << 16 : a << 16 | b
        }
        guard u16(2) == 42, let ifd = u32(4), let count = u16(ifd) else { return nil }
        for entry in 0..<min(count, 1000) {
            let at = ifd + 2 + entry * 12
            guard let tag = u16(at), let type = u16(at + 2) else { return nil }
            guard tag == 0x0112 else { continue }
            let value = type == 4 ? u32(at + 8) : u16(at + 8)
            guard let value, (1...8).contains(value) else { return nil }
            return value
        }
        return nil
    }
}
