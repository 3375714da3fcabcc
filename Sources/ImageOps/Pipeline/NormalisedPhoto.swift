/// One photo after normalisation: upright, resized, metadata-free outputs plus everything measured about it.
package struct NormalisedPhoto: Sendable {
    /// SHA-256 of the original file's bytes.
    package var sourceSHA256: String
    /// Size of the original file.
    package var sourceBytes: Int
    /// The original's format.
    package var format: ImageFormat
    /// EXIF orientation that was applied (1 = none).
    package var orientation: Int
    /// Whether the original was a progressive JPEG.
    package var progressive: Bool
    /// Recoverable corruption reported while decoding.
    package var decodeWarnings: Int
    /// The normalised image's size.
    package var width: Int
    /// See ``width``.
    package var height: Int
    /// SHA-256 of the normalised RGB pixels (with their size): equal for pixel-identical photos.
    package var pixelSHA256: String
    /// The normalised JPEG (no EXIF).
    package var jpeg: [UInt8]
    /// The thumbnail JPEG (no EXIF).
    package var thumbnailJPEG: [UInt8]
    /// Thumbnail size.
    package var thumbnailWidth: Int
    /// See ``thumbnailWidth``.
    package var thumbnailHeight: Int
    /// dHash and pHash.
    package var hash: PerceptualHash
    /// Gates and measurements.
    package var quality: QualityReport
}
