import Foundation
import TestSupport
import Testing

@testable import ImageOps

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
        let decoded = try ImageDecoder().decode(ImageFixtures.bytes(ImageFixtures.cameraProgressive), targetLongEdge: 1000)
        #expect(decoded.progressive)
        #expect((decoded.sourceWidth, decoded.sourceHeight) == (2016, 1512))
        #expect(decoded.scaleDenominator == 2)
        #expect((decoded.image.width, decoded.image.height) == (1008, 756))
        // Lossless progressive copy of the baseline file: the same pixels.
        let baseline = try ImageDecoder().decode(ImageFixtures.bytes(ImageFixtures.camera), targetLongEdge: 1000)
        #expect(!baseline.progressive)
        #expect(ImageFixtures.meanDifference(decoded.image, baseline.image) < 1)
    }

    @Test(.enabled(if: Fixtures.extraCorpora != nil, "needs INSPECT_CORPORA"))
    func progressive18MPDecodesAtHalfScale() throws {
        let sony = try #require(try ImageFixtures.benchBytes("sony_rx100_18mp_progressive.jpg"))
        let decoded = try ImageDecoder().decode(sony, targetLongEdge: 1600)
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

    @Test(arguments: [
        (4032, 1600, 2), (4032, 320, 8), (4032, 1008, 4), (4032, 5000, 1), (1800, 1600, 1), (3200, 1600, 2), (3199, 1600, 2), (3198, 1600, 1),
    ])
    func shrinkOnLoadPicksTheLargestScaleThatStaysAboveTheTarget(longEdge: Int, target: Int, denominator: Int) {
        #expect(ImageDecoder.scaleDenominator(longEdge: longEdge, target: target) == denominator)
    }

    @Test func shrinkOnLoadDecodesAtTheScale() throws {
        let bytes = try ImageFixtures.bytes(ImageFixtures.camera)
        let full = try ImageDecoder().decode(bytes, targetLongEdge: 1600)
        #expect((full.image.width, full.image.height, full.scaleDenominator) == (2016, 1512, 1))
        let half = try ImageDecoder().decode(bytes, targetLongEdge: 1000)
        #expect((half.image.width, half.image.height, half.scaleDenominator) == (1008, 756, 2))
        let eighth = try ImageDecoder().decode(bytes, targetLongEdge: 250)
        #expect((eighth.image.width, eighth.image.height, eighth.scaleDenominator) == (252, 189, 8))
    }

    @Test func limitsAreEnforcedBeforeAllocation() throws {
        let camera = try ImageFixtures.bytes(ImageFixtures.camera)
        var small = DecodeLimits.standard
        small.maxPixels = 2_000_000
        #expect(throws: ImageError.tooManyPixels(width: 2016, height: 1512, limit: 2_000_000)) { try ImageDecoder(limits: small).decode(camera) }
        var tinyFile = DecodeLimits.standard
        tinyFile.maxFileBytes = 300_000
        #expect(throws: ImageError.fileTooLarge(bytes: camera.count, limit: 300_000)) { try ImageDecoder(limits: tinyFile).decode(camera) }
        let progressive = try ImageFixtures.bytes(ImageFixtures.cameraProgressive)
        var fewScans = DecodeLimits.standard
        fewScans.maxScans = 2
        #expect(throws: ImageError.decodeFailed(format: "JPEG", message: "progressive JPEG has more than 2 scans")) {
            try ImageDecoder(limits: fewScans).decode(progressive, targetLongEdge: 1600)
        }
        var littleMemory = DecodeLimits.standard
        littleMemory.maxDecoderMemory = 4 << 20  // a progressive 3 MP file needs ~9 MB of coefficients
        #expect(throws: ImageError.self) { try ImageDecoder(limits: littleMemory).decode(progressive, targetLongEdge: 1600) }
        // The same file decodes with the standard limits.
        #expect(try ImageDecoder().decode(progressive, targetLongEdge: 1600).sourceWidth == 2016)
    }

    @Test(.enabled(if: Fixtures.extraCorpora != nil, "needs INSPECT_CORPORA"))
    func limitsHoldForTheBenchmarkPhotos() throws {
        let olympus = try #require(try ImageFixtures.benchBytes("olympus_ep3_12mp.jpg"))
        var small = DecodeLimits.standard
        small.maxPixels = 10_000_000
        #expect(throws: ImageError.tooManyPixels(width: 4032, height: 3024, limit: 10_000_000)) { try ImageDecoder(limits: small).decode(olympus) }
        let sony = try #require(try ImageFixtures.benchBytes("sony_rx100_18mp_progressive.jpg"))
        var littleMemory = DecodeLimits.standard
        littleMemory.maxDecoderMemory = 4 << 20  // a progressive 18 MP file needs ~50 MB of coefficients
        #expect(throws: ImageError.self) { try ImageDecoder(limits: littleMemory).decode(sony, targetLongEdge: 1600) }
    }

    @Test func aTruncatedJPEGIsRefusedSayingHowMuchArrived() throws {
        // libjpeg would fill the missing rows with grey and pass every gate; a photo cut short is an error instead.
        func error(_ bytes: [UInt8]) -> String {
            do {
                _ = try ImageDecoder().decode(bytes, targetLongEdge: 1600)
                return "decoded"
            } catch {
                return error.description
            }
        }
        let camera = try ImageFixtures.bytes(ImageFixtures.camera)
        #expect(
            error(Array(camera.prefix(camera.count / 3))) == "could not decode JPEG: incomplete file: only the top 33 % was received; upload it again"
        )
        let progressive = try ImageFixtures.bytes(ImageFixtures.cameraProgressive)
        #expect(
            error(Array(progressive.prefix(progressive.count / 2)))
                == "could not decode JPEG: incomplete file: it ends in scan 6 of the progressive data; upload it again")
        #expect(error(Array(camera.prefix(300))) == "could not decode JPEG: incomplete file: it ends before the image data; upload it again")
        // Whole files decode without a warning.
        #expect(try ImageDecoder().decode(camera).warnings == 0)
        #expect(try ImageDecoder().decode(ImageFixtures.bytes("libjpeg-turbo-testimages/testorig.jpg")).warnings == 0)
    }

    @Test func notAnImage() throws {
        #expect(throws: ImageError.unsupportedFormat("the file is empty")) { try ImageDecoder().decode([]) }
        #expect(throws: ImageError.unsupportedFormat("starts with 0x47 0x49 0x46 0x38")) { try ImageDecoder().decode(Array("GIF89a....".utf8)) }
        #expect(throws: ImageError.self) { try ImageDecoder().decode([0xFF, 0xD8, 0xFF]) }
    }

    static let hostileFolders = [
        "go-fuzz-corpus/jpeg/corpus", "go-fuzz-corpus/png/corpus", "libpng-testpngs/testpngs/crashers", "libpng-testpngs/testpngs/badpal",
    ]

    @Test(arguments: hostileFolders)
    func hostileFilesGiveTheirRecordedOutcome(folder: String) throws {
        #expect(Fixtures.corpusFiles(folder).count >= 9, "corpus \(folder) is missing")
        try ImageFixtures.expectOutcomes(folder)
    }

    /// With `$INSPECT_CORPORA`: every file of the full folders gives an image of the size it says, or an error with a message.
    @Test(.enabled(if: Fixtures.extraCorpora != nil, "needs INSPECT_CORPORA"), arguments: hostileFolders.prefix(2))
    func everyFileOfTheFullCorporaGivesAnImageOrACleanError(folder: String) throws {
        let files = Fixtures.corpusFiles(folder, in: try #require(Fixtures.extraCorpora))
        #expect(files.count > Fixtures.corpusFiles(folder).count, "the full \(folder) has more files than the selection")
        for file in files {
            let bytes = Array(try Data(contentsOf: file))
            do throws(ImageError) {
                let decoded = try ImageDecoder().decode(bytes, targetLongEdge: 1600)
                #expect(decoded.image.pixels.count == decoded.image.width * decoded.image.height * 3, "\(file.lastPathComponent)")
                #expect(decoded.image.width > 0 && decoded.image.height > 0, "\(file.lastPathComponent)")
            } catch {
                #expect(error.description.count > 10, "\(file.lastPathComponent): \(error)")
            }
        }
    }
}
