/// An 8-bit image with interleaved channels: 1 (luma), 3 (RGB) or 4 (RGBA), rows top to bottom, no padding.
package struct PixelImage: Sendable, Equatable {
    /// Width in pixels.
    package var width: Int
    /// Height in pixels.
    package var height: Int
    /// Channels per pixel.
    package var channels: Int
    /// `width * height * channels` bytes.
    package var pixels: [UInt8]

    /// Wraps pixels; `pixels.count` must be `width * height * channels`.
    package init(width: Int, height: Int, channels: Int, pixels: [UInt8]) {
        precondition(pixels.count == width * height * channels, "pixel buffer does not match \(width)x\(height)x\(channels)")
        self.width = width
        self.height = height
        self.channels = channels
        self.pixels = pixels
    }

    /// The longer side.
    package var longEdge: Int { max(width, height) }

    /// The size that fits `longEdge` on the longer side, keeping the aspect ratio; never larger than now.
    package func fitting(longEdge target: Int) -> (width: Int, height: Int) {
        guard longEdge > target, target > 0 else { return (width, height) }
        if width >= height {
            return (target, max(1, Int((Double(height) * Double(target) / Double(width)).rounded())))
        }
        return (max(1, Int((Double(width) * Double(target) / Double(height)).rounded())), target)
    }

    /// The channel values of pixel (x, y).
    package subscript(x: Int, y: Int) -> ArraySlice<UInt8> {
        let start = (y * width + x) * channels
        return pixels[start..<(start + channels)]
    }
}
