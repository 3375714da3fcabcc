import CImageOps

/// Encodes RGB (or gray) pixels as JPEG or PNG. Nothing from the source is carried over but an optional ICC profile:
/// no EXIF, GPS, maker notes, XMP or thumbnails.
package enum ImageEncoder {
    /// A JPEG (JFIF) at `quality` 1-100, optionally progressive.
    package static func jpeg(_ image: PixelImage, quality: Int = 85, progressive: Bool = false, iccProfile: [UInt8]? = nil) throws(ImageError)
        -> [UInt8]
    {
        guard image.channels == 3 || image.channels == 1 else {
            throw .encodeFailed(format: "JPEG", message: "\(image.channels) channels; JPEG takes gray or RGB")
        }
        var output: UnsafeMutablePointer<UInt8>?
        var length: UInt = 0
        var status = ic_status()
        let profile = iccProfile ?? []
        let code = image.pixels.withUnsafeBufferPointer { pixels in
            profile.withUnsafeBufferPointer { icc in
                ic_jpeg_encode(
                    pixels.baseAddress, Int32(image.width), Int32(image.height), Int32(image.channels), Int32(min(100, max(1, quality))),
                    progressive ? 1 : 0, profile.isEmpty ? nil : icc.baseAddress, UInt32(profile.count), &output, &length, &status)
            }
        }
        defer { ic_free(output) }
        guard code == IC_OK, let output else { throw .encodeFailed(format: "JPEG", message: ImageDecoder.message(status)) }
        return Array(UnsafeBufferPointer(start: output, count: Int(length)))
    }

    /// A PNG with only IHDR, IDAT and IEND (plus what libpng's simplified writer adds for sRGB).
    package static func png(_ image: PixelImage) throws(ImageError) -> [UInt8] {
        var output: UnsafeMutablePointer<UInt8>?
        var length = 0
        var status = ic_status()
        let code = image.pixels.withUnsafeBufferPointer { pixels in
            ic_png_encode(pixels.baseAddress, Int32(image.width), Int32(image.height), Int32(image.channels), &output, &length, &status)
        }
        defer { ic_free(output) }
        guard code == IC_OK, let output else { throw .encodeFailed(format: "PNG", message: ImageDecoder.message(status)) }
        return Array(UnsafeBufferPointer(start: output, count: length))
    }
}
