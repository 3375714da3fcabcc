/// A decoded photo, possibly shrunk on load, not yet turned upright.
package struct DecodedImage: Sendable {
    /// RGB pixels (alpha is flattened onto white).
    package var image: PixelImage
    /// The file's format.
    package var format: ImageFormat
    /// Stored width and height before any shrink-on-load (and before orientation).
    package var sourceWidth: Int
    /// See ``sourceWidth``.
    package var sourceHeight: Int
    /// The DCT scale used (1, 2, 4 or 8; always 1 for PNG).
    package var scaleDenominator: Int
    /// EXIF orientation 1-8 (1 when absent or invalid).
    package var orientation: Int
    /// Embedded ICC profile, if any (kept so colour stays right in the output).
    package var iccProfile: [UInt8]?
    /// Recoverable corruption the library reported (e.g. a truncated scan that was filled in).
    package var warnings: Int
    /// Whether the JPEG was progressive.
    package var progressive: Bool

    /// Upright source size (orientation 5-8 swap the sides).
    package var uprightSourceSize: (width: Int, height: Int) {
        orientation >= 5 ? (sourceHeight, sourceWidth) : (sourceWidth, sourceHeight)
    }
}
