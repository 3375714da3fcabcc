import Common
import Foundation
import Inspection
import TestSupport
import Testing

@testable import ImageOps

/// The whole normalisation: sizes, no metadata in the outputs, hashes that survive re-encoding, and the gates.
@Suite struct NormaliserTests {
    let policy: PhotoPolicy
    init() throws { policy = try ImageFixtures.policy() }

    func normalise(_ bytes: [UInt8]) throws -> NormalisedPhoto { try PhotoNormaliser(policy: policy).normalise(bytes) }

    @Test func aCameraPhotoBecomes1600AndA320Thumbnail() throws {
        let photo = try normalise(ImageFixtures.bytes(ImageFixtures.camera))
        #expect((photo.width, photo.height) == (1600, 1200))
        #expect((photo.thumbnailWidth, photo.thumbnailHeight) == (320, 240))
        let back = try ImageDecoder().decode(photo.jpeg)
        #expect((back.image.width, back.image.height) == (1600, 1200))
        #expect(photo.quality.verdict == .ok)
        #expect(photo.sourceSHA256 == SHA256Helper.hex(try ImageFixtures.bytes(ImageFixtures.camera)))
    }

    @Test func uprightOutputForRotatedSources() throws {
        let photo = try normalise(ImageFixtures.bytes("exif-orientation-examples/Portrait_6.jpg"))
        #expect(photo.orientation == 6)
        #expect(photo.height > photo.width)
        #expect(photo.quality.sourceWidth < photo.quality.sourceHeight)
        #expect(JPEGMarkers.exifOrientation(photo.jpeg) == 1)
    }

    @Test func outputsCarryNoMetadata() throws {
        var sources = try [ImageFixtures.camera, "exif-orientation-examples/Landscape_5.jpg", ImageFixtures.cameraProgressive].map {
            ($0, try ImageFixtures.bytes($0))
        }
        for name in ["olympus_ep3_12mp.jpg", "sony_rx100_18mp_progressive.jpg"] {
            if let bytes = try ImageFixtures.benchBytes(name) { sources.append(("bench/\(name)", bytes)) }
        }
        for (source, bytes) in sources {
            #expect(JPEGMarkers.segments(bytes).contains { $0.marker == 0xE1 }, "\(source) should have EXIF to strip")
            let photo = try normalise(bytes)
            for output in [photo.jpeg, photo.thumbnailJPEG] {
                let markers = JPEGMarkers.segments(output).map(\.marker)
                // Only JFIF APP0, an optional ICC APP2, tables, frame and scan: no APP1 (EXIF/GPS/XMP), APP13, COM.
                #expect(!markers.contains { (0xE1...0xEF).contains($0) && $0 != 0xE2 }, "\(source): \(markers)")
                #expect(!markers.contains(0xFE), "\(source)")
                #expect(!output.contains(subsequence: Array("Exif".utf8)))
                #expect(!output.contains(subsequence: Array("GPS".utf8)))
            }
        }
    }

    @Test func hashesSurviveReencodingAndResizingButSeparateDifferentPictures() throws {
        let original = try normalise(ImageFixtures.bytes(ImageFixtures.camera))
        let decoded = try ImageDecoder().decode(original.jpeg).image
        let reencoded = try normalise(ImageEncoder.jpeg(decoded, quality: 50))
        let smaller = try normalise(ImageEncoder.jpeg(decoded.shrunk(toLongEdge: 800), quality: 85))
        #expect(original.hash.pHashDistance(to: reencoded.hash) <= 8)
        #expect(original.hash.pHashDistance(to: smaller.hash) <= 8)
        #expect(original.hash.dHashDistance(to: smaller.hash) <= 6)
        let other = try normalise(ImageFixtures.bytes("exif-orientation-examples/Landscape_1.jpg"))
        #expect(original.hash.pHashDistance(to: other.hash) > 48)
        // The same picture stored with any orientation hashes alike once it is upright.
        let rotated = try normalise(ImageFixtures.bytes("exif-orientation-examples/Landscape_8.jpg"))
        #expect(other.hash.pHashDistance(to: rotated.hash) <= 8)
        #expect(PerceptualHash(dHashHex: other.hash.dHashHex, pHashHex: other.hash.pHashHex) == other.hash)
    }

    @Test func pixelIdenticalPhotosShareThePixelHash() throws {
        let bytes = try ImageFixtures.bytes("exif-orientation-examples/Landscape_1.jpg")
        #expect(try normalise(bytes).pixelSHA256 == normalise(bytes).pixelSHA256)
        #expect(try normalise(bytes).pixelSHA256 != normalise(ImageFixtures.bytes("exif-orientation-examples/Landscape_2.jpg")).pixelSHA256)
    }

    @Test func blurIsCaught() throws {
        let sharp = try normalise(ImageFixtures.bytes(ImageFixtures.camera))
        #expect(sharp.quality.gates[0].verdict == .ok)
        let motion = try normalise(ImageFixtures.bytes("opencv-samples/licenseplate_motion.jpg"))
        #expect(motion.quality.gates[0].gate == "blur" && motion.quality.gates[0].verdict == .fail)
        #expect(motion.quality.gates[0].notice.code == "photo.blur.fail")
        #expect(motion.quality.gates[0].message.hasPrefix("blurry: focus "))
        #expect(motion.quality.gates[0].notice.message.zh.hasPrefix("照片模糊：清晰度 "))
        // Blur the sharp photo: shrink to 1/8 and blow it back up.
        let image = try ImageDecoder().decode(sharp.jpeg).image
        let soft = image.resized(width: 200, height: 150).resized(width: 1600, height: 1200)
        let blurred = try normalise(ImageEncoder.jpeg(soft))
        #expect(blurred.quality.gates[0].verdict == .fail)
        #expect(blurred.quality.metrics.laplacianVariance < sharp.quality.metrics.laplacianVariance / 10)
    }

    @Test func aNightPhotoTooDarkToShowThePaintSaysSo() throws {
        let image = try ImageDecoder().decode(ImageFixtures.bytes(ImageFixtures.camera), targetLongEdge: 1600).image
        let night = PixelImage(width: image.width, height: image.height, channels: 3, pixels: image.pixels.map { $0 / 8 })
        let photo = try normalise(ImageEncoder.jpeg(night))
        let exposure = photo.quality.gates[1]
        #expect(exposure.verdict == .fail)
        #expect(exposure.message.hasPrefix("too dark to show the paint: mean luma 0.04 (fail below 0.12)"))
        let washed = PixelImage(width: image.width, height: image.height, channels: 3, pixels: image.pixels.map { UInt8(min(255, Int($0) * 4 + 60)) })
        let washedOut = try normalise(ImageEncoder.jpeg(washed)).quality.gates[1]
        #expect(washedOut.verdict == .warn && washedOut.message.hasPrefix("bright: mean luma 0.8"), "\(washedOut.message)")
        let blown = PixelImage(width: 64, height: 48, channels: 3, pixels: [UInt8](repeating: 252, count: 64 * 48 * 3))
        let blownOut = try normalise(ImageEncoder.jpeg(blown)).quality.gates[1]
        #expect(blownOut.verdict == .fail && blownOut.message.hasPrefix("washed out: mean luma 0.99 (fail above 0.92)"), "\(blownOut.message)")
    }

    @Test func resolutionGate() throws {
        #expect(
            try normalise(ImageFixtures.bytes("exif-orientation-examples/Landscape_1.jpg")).quality.gates[2].message
                == "source 1800x1200 is below 1920x1080")
        let small = try normalise(ImageFixtures.bytes("opencv-samples/text_defocus.jpg"))
        #expect(small.quality.gates[2].verdict == .fail && small.quality.gates[2].notice.code == "photo.resolution.fail")
        #expect(small.quality.gates[2].message == "source 697x472 is below 640x480: too small to show damage")
        #expect(small.quality.gates[2].notice.message.zh == "原图 697x472 小于 640x480：太小，看不清损伤")
    }

    @Test func pngPhotosNormaliseToo() throws {
        let photo = try normalise(ImageFixtures.bytes("libjpeg-turbo-testimages/testorig.png"))
        #expect(photo.format == .png)
        #expect((photo.width, photo.height) == (227, 149))
    }
}

enum SHA256Helper {
    static func hex(_ bytes: [UInt8]) -> String { SHA256.hex(of: bytes) }
}
