/// A minimal EXIF APP1 (camera make, orientation, GPS position, camera serial number) for generated photos, the
/// kind of metadata a phone writes and `inspect` must strip.
package enum ExifSegment {
    /// The camera make written into every generated photo; privacy tests look for it in outputs.
    package static let make = "InspectGen"
    /// The camera serial number written into every generated photo; privacy tests look for it in outputs.
    package static let cameraSerial = "INSPECTGEN-SN-0042"

    /// `jpeg` with an EXIF APP1 inserted after SOI (and APP0, when present).
    static func insert(into jpeg: [UInt8], orientation: Int, latitude: Double, longitude: Double) -> [UInt8] {
        var tiff: [UInt8] = [0x49, 0x49, 42, 0, 8, 0, 0, 0]  // little-endian, IFD0 at 8
        func u16(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF)] }
        func u32(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v >> 16 & 0xFF), UInt8(v >> 24 & 0xFF)] }
        // IFD0 (tags ascending): Make (ASCII), Orientation (SHORT), GPS IFD pointer (LONG), CameraSerialNumber (ASCII).
        let ifd0Size = 2 + 4 * 12 + 4
        let makeOffset = 8 + ifd0Size
        let make = Array((Self.make + "\0").utf8)
        let serialOffset = makeOffset + make.count
        let serial = Array((Self.cameraSerial + "\0").utf8)
        let gpsOffset = serialOffset + serial.count
        tiff += u16(4)
        tiff += u16(0x010F) + u16(2) + u32(make.count) + u32(makeOffset)
        tiff += u16(0x0112) + u16(3) + u32(1) + u16(orientation) + u16(0)
        tiff += u16(0x8825) + u16(4) + u32(1) + u32(gpsOffset)
        tiff += u16(0xC62F) + u16(2) + u32(serial.count) + u32(serialOffset)
        tiff += u32(0)
        tiff += make + serial
        // GPS IFD: LatitudeRef, Latitude, LongitudeRef, Longitude (rationals after the IFD).
        let gpsSize = 2 + 4 * 12 + 4
        let latOffset = gpsOffset + gpsSize, lonOffset = latOffset + 24
        tiff += u16(4)
        tiff += u16(1) + u16(2) + u32(2) + [UInt8(ascii: "N"), 0, 0, 0]
        tiff += u16(2) + u16(5) + u32(3) + u32(latOffset)
        tiff += u16(3) + u16(2) + u32(2) + [UInt8(ascii: "E"), 0, 0, 0]
        tiff += u16(4) + u16(5) + u32(3) + u32(lonOffset)
        tiff += u32(0)
        for value in [latitude, longitude] {
            let degrees = Int(value), minutes = Int((value - Double(degrees)) * 60),
                seconds = Int(((value - Double(degrees)) * 60 - Double(minutes)) * 6000)
            tiff += u32(degrees) + u32(1) + u32(minutes) + u32(1) + u32(seconds) + u32(100)
        }
        let payload = Array("Exif".utf8) + [0, 0] + tiff
        let segment: [UInt8] = [0xFF, 0xE1, UInt8((payload.count + 2) >> 8), UInt8((payload.count + 2) & 0xFF)] + payload
        var at = 2
        if jpeg.count > 6, jpeg[2] == 0xFF, jpeg[3] == 0xE0 { at = 4 + (Int(jpeg[4]) << 8 | Int(jpeg[5])) }
        return Array(jpeg[0..<at]) + segment + Array(jpeg[at...])
    }
}
