import Foundation
import Testing
@testable import ImageOps
import TestSupport

/// JPEG coding variants, shrink-on-load, limits, and every hostile corpus file ending in an image or a clean error.
@Suite struct JPEGDecodeTests {
    @Test(arguments: ["testorig.jpg", "testimgint.jpg", "testimgari.jpg"])
    func baselineRestartIntervalsAndArithmeticCodingDecode(name: String) throws {
        // All three were encoded from testorig.ppm (baseline, with restart intervals, arithmetic-coded): lossy copies.
        let decoded = try ImageDecoder().decode(ImageFixtures.bytes("libjpeg-turbo-testimages/\(name)"))
        let reference = try #require(ImageFixtures.ppm(ImageFixtures.bytes("libjpeg-turbo-testimages/testorig.ppm")))
        #expect(ImageFixtures.meanDifference(decoded.image, reference) < 3)
    }

    @Test func progressiveDecodes() throws {
        let decoded = try ImageDecoder().decode(ImageFixtures.bytes("bench/sony_rx100_18mp_progressive.jpg"), targetLongEdge: 1600)
        #expect(decoded.progressive)
        #expect((decoded.sourceWidth, decoded.sourceHeight) == (5640, 3172))
        #expect(decoded.scaleDenominator == 2)
        #expect((decoded.image.width, decoded.image.height) == (2820, 1586))
    }

    @Test func twelveBitJPEGIsACleanError() throws {
        #expect(throws: ImageError.decodeFailed(format: "JPEG", message: "Unsupported JPEG data precision 12")) {
            try ImageDecoder().decode(ImageFixtures.bytes("libjpeg-turbo-testimages/monkey12.jpg"))
        }
    }

    @Test func grayscaleBecomesRGB() throws {
        let gray = PixelImage(width: 16, height: 8, channels: 1, pixels: (0..<128).map { UInt8($0 * 2) })
        let decoded = try ImageDecoder().decode(ImageEncoder.jpeg(gray, quality: 100))
        #expect(decoded.image.channels == 3)
        for index in 0..<128 {
            let pixel = decoded.image[index % 16, index / 16]
            #expect(pixel[pixel.startIndex] == pixel[pixel.startIndex + 1] && pixel[pixel.startIndex + 1] == pixel[pixel.startIndex + 2])
            #expect(abs(Int(pixel[pixel.startIndex]) - Int(gray.pixels[index])) <= 3)
        }
    }

    @Test func adobeCMYKIsConvertedToRGB() throws {
        let decoded = try ImageDecoder().decode(Array(try Data(contentsOf: ImageFixtures.fixture("cmyk-adobe.jpg"))))
        let red = Array(decoded.image[8, 16]), blue = Array(decoded.image[56, 16])
        #expect(red[0] > 230 && red[1] < 25 && red[2] < 25, "\(red)")
        #expect(blue[0] < 25 && blue[1] < 25 && blue[2] > 230, "\(blue)")
    }

    @Test(arguments: [(4032, 1600, 2), (4032, 320, 8), (4032, 1008, 4), (4032, 5000, 1), (1800, 1600, 1), (3200, 1600, 2), (3199, 1600, 2), (3198, 1600, 1)])
    func shrinkOnLoadPicksTheLargestScaleThatStaysAboveTheTarget(longEdge: Int, target: Int, denominator: Int) {
        #expect(ImageDecoder.scaleDenominator(longEdge: longEdge, target: target) == denominator)
    }

    @Test func shrinkOnLoadDecodesAtTheScale() throws {
        let bytes = try ImageFixtures.bytes("bench/olympus_ep3_12mp.jpg")
        let half = try ImageDecoder().decode(bytes, targetLongEdge: 1600)
        #expect((half.image.width, half.image.height, half.scaleDenominator) == (2016, 1512, 2))
        let eighth = try ImageDecoder().decode(bytes, targetLongEdge: 320)
        #expect((eighth.image.width, eighth.image.height, eighth.scaleDenominator) == (504, 378, 8))
    }

    @Test func limitsAreEnforcedBeforeAllocation() throws {
        let olympus = try ImageFixtures.bytes("bench/olympus_ep3_12mp.jpg")
        var small = DecodeLimits.standard
        small.maxPixels = 10_000_000
        #expect(throws: ImageError.tooManyPixels(width: 4032, height: 3024, limit: 10_000_000)) { try ImageDecoder(limits: small).decode(olympus) }
        var tinyFile = DecodeLimits.standard
        tinyFile.maxFileBytes = 1_000_000
        #expect(throws: ImageError.fileTooLarge(bytes: olympus.count, limit: 1_000_000)) { try ImageDecoder(limits: tinyFile).decode(olympus) }
        let sony = try ImageFixtures.bytes("bench/sony_rx100_18mp_progressive.jpg")
        var fewScans = DecodeLimits.standard
        fewScans.maxScans = 2
        #expect(throws: ImageError.decodeFailed(format: "JPEG", message: "progressive JPEG has more than 2 scans")) {
            try ImageDecoder(limits: fewScans).decode(sony, targetLongEdge: 1600)
        }
        var littleMemory = DecodeLimits.standard
        littleMemory.maxDecoderMemory = 4 << 20  // a progressive 18 MP file needs ~50 MB of coefficients
        #expect(throws: ImageError.self) { try ImageDecoder(limits: littleMemory).decode(sony, targetLongEdge: 1600) }
    }

    @Test func aTruncatedJPEGDecodesWithAWarningAndManyWarningsAreFatal() throws {
        let small = try ImageFixtures.bytes("libjpeg-turbo-testimages/testorig.jpg")
        let decoded = try ImageDecoder().decode(Array(small.prefix(small.count * 2 / 3)))
        #expect(decoded.warnings >= 1)  // "Premature end of JPEG file": the rest is filled in, and nothing is printed
        // The Olympus file has restart markers: cut in half it warns at every missing interval, past the cap.
        let olympus = try ImageFixtures.bytes("bench/olympus_ep3_12mp.jpg")
        #expect(throws: ImageError.self) { try ImageDecoder().decode(Array(olympus.prefix(olympus.count / 2)), targetLongEdge: 320) }
        do {
            _ = try ImageDecoder().decode(Array(olympus.prefix(olympus.count / 2)), targetLongEdge: 320)
        } catch {
            #expect(error.description.hasPrefix("could not decode JPEG: too many corrupt-data warnings (more than 100; last: "))
        }
    }

    @Test func notAnImage() throws {
        #expect(throws: ImageError.unsupportedFormat("the file is empty")) { try ImageDecoder().decode([]) }
        #expect(throws: ImageError.unsupportedFormat("starts with 0x47 0x49 0x46 0x38")) { try ImageDecoder().decode(Array("GIF89a....".utf8)) }
        #expect(throws: ImageError.self) { try ImageDecoder().decode([0xFF, 0xD8, 0xFF]) }
    }

    @Test(arguments: ["go-fuzz-corpus/jpeg/corpus", "go-fuzz-corpus/png/corpus", "libpng-testpngs/testpngs/crashers", "libpng-testpngs/testpngs/badpal"])
    func hostileCorporaGiveAnImageOrACleanError(folder: String) throws {
        let files = Fixtures.corpusFiles(folder)
        #expect(files.count > 5, "corpus \(folder) is missing")
        var images = 0, errors = 0
        for file in files {
            let bytes = Array(try Data(contentsOf: file))
            do {
                let decoded = try ImageDecoder().decode(bytes, targetLongEdge: 1600)
                #expect(decoded.image.pixels.count == decoded.image.width * decoded.image.height * 3)
                images += 1
            } catch {
                #expect(!error.description.isEmpty)
                errors += 1
            }
        }
        #expect(images + errors == files.count)
    }
}
