import Foundation
import TestSupport
import Testing

@testable import ImageOps

/// EXIF orientation: read from IFD0 of the first EXIF APP1, applied to the pixels, all 8 values giving the same picture.
@Suite struct OrientationTests {
    func upright(_ name: String) throws -> (decoded: DecodedImage, image: PixelImage) {
        let decoded = try ImageDecoder().decode(ImageFixtures.bytes("exif-orientation-examples/\(name)"))
        return (decoded, decoded.image.oriented(decoded.orientation))
    }

    @Test(arguments: ["Landscape", "Portrait"])
    func allEightValuesGiveTheSameUprightPixels(set: String) throws {
        let reference = try upright("\(set)_1.jpg")
        #expect(reference.decoded.orientation == 1)
        for value in 0...8 {
            let other = try upright("\(set)_\(value).jpg")
            #expect(other.decoded.orientation == (value == 0 ? 1 : value), "\(set)_\(value)")  // 0 is invalid and means 1
            #expect((other.image.width, other.image.height) == (reference.image.width, reference.image.height), "\(set)_\(value)")
            // Same picture up to JPEG re-encoding noise (a wrong mapping gives ~80 levels).
            #expect(ImageFixtures.meanDifference(other.image, reference.image) < 6, "\(set)_\(value)")
        }
    }

    @Test func orientationMovesPixelsWhereTheTableSays() {
        // 3x2 image, pixel values = index, one channel.
        let image = PixelImage(width: 3, height: 2, channels: 1, pixels: [0, 1, 2, 3, 4, 5])
        #expect(image.oriented(1).pixels == [0, 1, 2, 3, 4, 5])
        #expect(image.oriented(2).pixels == [2, 1, 0, 5, 4, 3])  // mirror horizontally
        #expect(image.oriented(3).pixels == [5, 4, 3, 2, 1, 0])  // rotate 180
        #expect(image.oriented(4).pixels == [3, 4, 5, 0, 1, 2])  // mirror vertically
        let six = image.oriented(6)  // rotate 90 clockwise
        #expect((six.width, six.height, six.pixels) == (2, 3, [3, 0, 4, 1, 5, 2]))
        #expect(image.oriented(8).pixels == [2, 5, 1, 4, 0, 3])  // rotate 90 counter-clockwise
        #expect(image.oriented(5).pixels == [0, 3, 1, 4, 2, 5])  // transpose
        #expect(image.oriented(7).pixels == [5, 2, 4, 1, 3, 0])  // transverse
        #expect(image.oriented(9) == image)
    }

    @Test func hostileEXIFNeverCrashesAndMeansOne() {
        func jpegWithAPP1(_ payload: [UInt8]) -> [UInt8] {
            let length = payload.count + 2
            return [0xFF, 0xD8, 0xFF, 0xE1, UInt8(length >> 8), UInt8(length & 0xFF)] + payload + [0xFF, 0xDA, 0x00, 0x02]
        }
        let exif: [UInt8] = Array("Exif".utf8) + [0, 0]
        // IFD offset pointing far outside the segment.
        #expect(JPEGMarkers.exifOrientation(jpegWithAPP1(exif + [0x49, 0x49, 42, 0, 0xFF, 0xFF, 0xFF, 0x7F])) == 1)
        // Entry count claiming more entries than there are bytes.
        #expect(JPEGMarkers.exifOrientation(jpegWithAPP1(exif + [0x4D, 0x4D, 0, 42, 0, 0, 0, 8, 0xFF, 0xFF])) == 1)
        // A valid big-endian orientation 6, and the same with value 9 (invalid: 1).
        let six: [UInt8] = [0x4D, 0x4D, 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, 0, 0, 0, 0, 0, 0]
        #expect(JPEGMarkers.exifOrientation(jpegWithAPP1(exif + six)) == 6)
        var nine = six
        nine[19] = 9
        #expect(JPEGMarkers.exifOrientation(jpegWithAPP1(exif + nine)) == 1)
        // A segment length running past the end of the file.
        #expect(JPEGMarkers.exifOrientation([0xFF, 0xD8, 0xFF, 0xE1, 0xFF, 0xFF, 0x45]) == 1)
        #expect(JPEGMarkers.exifOrientation([]) == 1)
    }
}
