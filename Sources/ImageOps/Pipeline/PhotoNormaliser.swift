import CImageOps
import Common
import Foundation

/// Decodes, turns upright, resizes, strips, measures and fingerprints one photo:
/// shrink-on-load decode -> area resample to the long edge -> EXIF orientation -> analysis image (gates, hashes)
/// -> thumbnail -> JPEG encodes. Pure function of the bytes and the policy; safe to run on many threads at once.
package struct PhotoNormaliser: Sendable {
    /// Sizes, limits and thresholds.
    package var policy: PhotoPolicy

    /// Creates a normaliser.
    package init(policy: PhotoPolicy) {
        self.policy = policy
        _ = Self.allocatorTuned
    }

    private static let allocatorTuned: Bool = {
        ic_tune_allocator()
        return true
    }()

    /// The bytes of the photo file at `path`, refused before reading when it is over the policy's size cap.
    package func read(fileAt path: String) throws(ImageError) -> [UInt8] {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        let size = (attributes?[.size] as? NSNumber)?.intValue ?? 0
        guard size <= policy.limits.maxFileBytes else { throw .fileTooLarge(bytes: size, limit: policy.limits.maxFileBytes) }
        guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable("\(path) cannot be opened") }
        return Array(data)
    }

    /// Normalises the photo file at `path` (see ``read(fileAt:)``).
    package func normalise(fileAt path: String) throws(ImageError) -> NormalisedPhoto { try normalise(read(fileAt: path)) }

    /// Normalises the photo in `bytes`.
    package func normalise(_ bytes: [UInt8]) throws(ImageError) -> NormalisedPhoto {
        var timings = PhotoTimings()
        return try normalise(bytes, timings: &timings)
    }

    /// Normalises the photo in `bytes`, recording how long each stage took.
    package func normalise(_ bytes: [UInt8], timings: inout PhotoTimings) throws(ImageError) -> NormalisedPhoto {
        let sourceSHA256 = SHA256.hex(of: bytes)
        timings.mark("source sha256")
        let decoded = try ImageDecoder(limits: policy.limits).decode(bytes, targetLongEdge: policy.longEdge)
        timings.mark("decode 1/\(decoded.scaleDenominator)")
        let resized = decoded.image.shrunk(toLongEdge: policy.longEdge)
        timings.mark("resize \(resized.width)x\(resized.height)")
        let normal = resized.oriented(decoded.orientation)
        timings.mark("orient \(decoded.orientation)")
        let analysis = normal.shrunk(toLongEdge: policy.analysisLongEdge)
        let thumbnail = analysis.shrunk(toLongEdge: policy.thumbnailLongEdge)
        let luma = analysis.luma
        timings.mark("analysis + thumbnail")
        let upright = decoded.uprightSourceSize
        let quality = policy.assess(QualityMetrics(luma: luma), sourceWidth: upright.width, sourceHeight: upright.height)
        timings.mark("quality gates")
        let hash = PerceptualHash(luma: luma)
        timings.mark("dHash + pHash")
        var pixelHasher = SHA256()
        pixelHasher.update(Array("\(normal.width)x\(normal.height)x\(normal.channels)\n".utf8))
        normal.pixels.withUnsafeBytes { pixelHasher.update($0) }
        let pixelSHA256 = pixelHasher.finalizeHex()
        timings.mark("pixel sha256")
        let jpeg = try ImageEncoder.jpeg(normal, quality: policy.jpegQuality, progressive: policy.progressive, iccProfile: decoded.iccProfile)
        let thumbnailJPEG = try ImageEncoder.jpeg(thumbnail, quality: policy.jpegQuality, iccProfile: decoded.iccProfile)
        timings.mark("encode")
        return NormalisedPhoto(
            sourceSHA256: sourceSHA256, sourceBytes: bytes.count, format: decoded.format, orientation: decoded.orientation,
            progressive: decoded.progressive, decodeWarnings: decoded.warnings, width: normal.width, height: normal.height,
            pixelSHA256: pixelSHA256, jpeg: jpeg, thumbnailJPEG: thumbnailJPEG, thumbnailWidth: thumbnail.width,
            thumbnailHeight: thumbnail.height, hash: hash, quality: quality)
    }
}
