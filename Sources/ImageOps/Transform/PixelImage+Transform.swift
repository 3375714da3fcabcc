import CImageOps

/// Resampling, orientation and luma, done by the C kernels.
extension PixelImage {
    /// This image resampled to exactly `width` x `height` (area averaging when shrinking, linear when enlarging).
    package func resized(width newWidth: Int, height newHeight: Int) -> PixelImage {
        if newWidth == width && newHeight == height { return self }
        let scratchCount = newHeight * width * channels + 16  // the kernel reads one byte past a row
        let count = newWidth * newHeight * channels
        let scratch = UnsafeMutablePointer<UInt8>.allocate(capacity: scratchCount)
        defer { scratch.deallocate() }
        let output = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            pixels.withUnsafeBufferPointer { source in
                ic_resize(
                    source.baseAddress, Int32(width), Int32(height), Int32(channels), buffer.baseAddress, Int32(newWidth), Int32(newHeight), scratch)
            }
            initialized = count
        }
        return PixelImage(width: newWidth, height: newHeight, channels: channels, pixels: output)
    }

    /// This image shrunk so its long edge is at most `longEdge` (never enlarged).
    package func shrunk(toLongEdge target: Int) -> PixelImage {
        let size = fitting(longEdge: target)
        return resized(width: size.width, height: size.height)
    }

    /// This image turned upright for EXIF orientation 1-8 (other values leave it as it is).
    package func oriented(_ orientation: Int) -> PixelImage {
        guard (2...8).contains(orientation) else { return self }
        let count = pixels.count
        let output = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            pixels.withUnsafeBufferPointer {
                ic_orient($0.baseAddress, Int32(width), Int32(height), Int32(channels), Int32(orientation), buffer.baseAddress)
            }
            initialized = count
        }
        return orientation >= 5
            ? PixelImage(width: height, height: width, channels: channels, pixels: output)
            : PixelImage(width: width, height: height, channels: channels, pixels: output)
    }

    /// The BT.601 luma of an RGB image (a 1-channel image is returned as it is).
    package var luma: PixelImage {
        guard channels == 3 else { return self }
        let count = width * height
        let output = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            pixels.withUnsafeBufferPointer { ic_luma($0.baseAddress, count, buffer.baseAddress) }
            initialized = count
        }
        return PixelImage(width: width, height: height, channels: 1, pixels: output)
    }
}
