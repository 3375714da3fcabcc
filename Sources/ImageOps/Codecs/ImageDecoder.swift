import CImageOps

/// Decodes JPEG (baseline, progressive, restart intervals, arithmetic, grayscale, CMYK/YCCK) and PNG (every colour type,
/// bit depth, interlace, palette, tRNS, gamma) to 8-bit RGB, with shrink-on-load for JPEG and hostile-input limits.
package struct ImageDecoder: Sendable {
    /// The limits applied.
    package var limits: DecodeLimits

    /// Creates a decoder.
    package init(limits: DecodeLimits = .standard) { self.limits = limits }

    /// The largest DCT scale denominator (8, 4, 2, 1) whose long edge is still at least `target`; never enlarges.
    package static func scaleDenominator(longEdge: Int, target: Int) -> Int {
        for denominator in [8, 4, 2] where (longEdge + denominator - 1) / denominator >= target { return denominator }
        return 1
    }

    /// Decodes `bytes`, shrinking JPEGs on load so the long edge stays at least `targetLongEdge` (nil: full size).
    package func decode(_ bytes: [UInt8], targetLongEdge: Int? = nil) throws(ImageError) -> DecodedImage {
        guard bytes.count <= limits.maxFileBytes else { throw .fileTooLarge(bytes: bytes.count, limit: limits.maxFileBytes) }
        switch ImageFormat.sniff(bytes) {
        case .jpeg: return try decodeJPEG(bytes, targetLongEdge: targetLongEdge)
        case .png: return try decodePNG(bytes)
        case nil:
            throw .unsupportedFormat(bytes.isEmpty ? "the file is empty" : "starts with \(bytes.prefix(4).map { hex($0) }.joined(separator: " "))")
        }
    }

    private var cLimits: ic_limits {
        ic_limits(
            max_pixels: UInt64(limits.maxPixels), max_memory: limits.maxDecoderMemory, max_scans: Int32(limits.maxScans),
            max_warnings: Int32(limits.maxWarnings))
    }

    private func decodeJPEG(_ bytes: [UInt8], targetLongEdge: Int?) throws(ImageError) -> DecodedImage {
        var header = ic_jpeg_header()
        var status = ic_status()
        let headerResult = bytes.withUnsafeBufferPointer {
            ic_jpeg_read_header($0.baseAddress, $0.count, Int32(self.limits.maxWarnings), &header, &status)
        }
        guard headerResult == IC_OK else { throw .decodeFailed(format: "JPEG", message: Self.message(status)) }
        let width = Int(header.width), height = Int(header.height)
        guard width > 0, height > 0, width * height <= limits.maxPixels else {
            throw .tooManyPixels(width: width, height: height, limit: limits.maxPixels)
        }
        let denominator = targetLongEdge.map { Self.scaleDenominator(longEdge: max(width, height), target: $0) } ?? 1
        let outWidth = (width + denominator - 1) / denominator, outHeight = (height + denominator - 1) / denominator
        let capacity = outWidth * outHeight * 3
        var decodedWidth: Int32 = 0, decodedHeight: Int32 = 0
        var icc: UnsafeMutablePointer<UInt8>?
        var iccLength: UInt32 = 0
        var limits = cLimits
        var code: Int32 = IC_OK
        let pixels = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, initialized in
            code = bytes.withUnsafeBufferPointer { input in
                ic_jpeg_decode_rgb(
                    input.baseAddress, input.count, Int32(denominator), &limits, buffer.baseAddress, capacity, &decodedWidth, &decodedHeight,
                    &icc, &iccLength, &status)
            }
            initialized = code == IC_OK ? capacity : 0
        }
        defer { ic_free(icc) }
        if code == IC_TOO_LARGE { throw .tooManyPixels(width: width, height: height, limit: self.limits.maxPixels) }
        guard code == IC_OK, Int(decodedWidth) == outWidth, Int(decodedHeight) == outHeight else {
            throw .decodeFailed(format: "JPEG", message: Self.message(status))
        }
        let profile = icc.map { Array(UnsafeBufferPointer(start: $0, count: Int(iccLength))) }
        return DecodedImage(
            image: PixelImage(width: outWidth, height: outHeight, channels: 3, pixels: pixels), format: .jpeg, sourceWidth: width,
            sourceHeight: height, scaleDenominator: denominator, orientation: JPEGMarkers.exifOrientation(bytes), iccProfile: profile,
            warnings: Int(status.warnings), progressive: header.progressive != 0)
    }

    private func decodePNG(_ bytes: [UInt8]) throws(ImageError) -> DecodedImage {
        if case let .failure(error) = PNGChunks.walk(bytes) { throw error }
        var width: Int32 = 0, height: Int32 = 0
        var status = ic_status()
        let headerResult = bytes.withUnsafeBufferPointer { ic_png_read_header($0.baseAddress, $0.count, &width, &height, &status) }
        guard headerResult == IC_OK else { throw .decodeFailed(format: "PNG", message: Self.message(status)) }
        guard width > 0, height > 0, Int(width) * Int(height) <= limits.maxPixels else {
            throw .tooManyPixels(width: Int(width), height: Int(height), limit: limits.maxPixels)
        }
        let count = Int(width) * Int(height)
        var limits = cLimits
        var code: Int32 = IC_OK
        var decodedWidth: Int32 = 0, decodedHeight: Int32 = 0
        let rgba = [UInt8](unsafeUninitializedCapacity: count * 4) { buffer, initialized in
            code = bytes.withUnsafeBufferPointer { input in
                ic_png_decode_rgba(input.baseAddress, input.count, &limits, buffer.baseAddress, count * 4, &decodedWidth, &decodedHeight, &status)
            }
            initialized = code == IC_OK ? count * 4 : 0
        }
        guard code == IC_OK, decodedWidth == width, decodedHeight == height else {
            throw .decodeFailed(format: "PNG", message: Self.message(status))
        }
        let rgb = [UInt8](unsafeUninitializedCapacity: count * 3) { buffer, initialized in
            rgba.withUnsafeBufferPointer { ic_flatten_rgba($0.baseAddress, count, buffer.baseAddress) }
            initialized = count * 3
        }
        return DecodedImage(
            image: PixelImage(width: Int(width), height: Int(height), channels: 3, pixels: rgb), format: .png, sourceWidth: Int(width),
            sourceHeight: Int(height), scaleDenominator: 1, orientation: 1, iccProfile: nil, warnings: Int(status.warnings), progressive: false)
    }

    /// The C status message as a Swift string.
    static func message(_ status: ic_status) -> String {
        var copy = status
        return withUnsafeBytes(of: &copy.message) { raw in
            let bytes = raw.prefix { $0 != 0 }
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    private func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789abcdef")
        return "0x\(digits[Int(byte >> 4)])\(digits[Int(byte & 0x0F)])"
    }
}
