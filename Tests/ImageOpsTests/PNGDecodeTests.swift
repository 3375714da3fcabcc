import Foundation
import TestSupport
import Testing

@testable import ImageOps

/// PngSuite: every valid file decodes at its size; the suite's variants of one picture (interlaced, filtered,
/// compressed, split IDAT, with bKGD) decode to identical pixels; gamma families look alike once gamma is applied;
/// every invalid file fails with a message.
@Suite struct PNGDecodeTests {
    let folder = "pngsuite/Inputs/Common"

    func decode(_ name: String) throws -> PixelImage {
        try ImageDecoder().decode(ImageFixtures.bytes("\(folder)/\(name)")).image
    }

    @Test func everyValidFileDecodesAtItsSize() throws {
        let files = Fixtures.corpusFiles(folder)
        #expect(files.count == 161)
        for file in files {
            let name = file.lastPathComponent
            let decoded = try ImageDecoder().decode(Array(try Data(contentsOf: file)))
            // PngSuite's pictures are 32x32 except the size series sNN (NN x NN), the pHYs-aspect ones and the banner.
            let special = ["cdfn2c08.png": (8, 32), "cdhn2c08.png": (32, 8), "cdsn2c08.png": (8, 8), "PngSuite.png": (256, 256)]
            var expected = special[name] ?? (32, 32)
            if name.hasPrefix("s"), let size = Int(name.dropFirst().prefix(2)) { expected = (size, size) }
            #expect(decoded.image.width == expected.0 && decoded.image.height == expected.1, "\(name)")
            #expect(decoded.image.channels == 3)
            #expect(decoded.format == .png)
        }
    }

    @Test(arguments: [
        // interlaced vs not
        ("basi0g01.png", "basn0g01.png"), ("basi0g02.png", "basn0g02.png"), ("basi0g04.png", "basn0g04.png"), ("basi0g08.png", "basn0g08.png"),
        ("basi0g16.png", "basn0g16.png"), ("basi2c08.png", "basn2c08.png"), ("basi2c16.png", "basn2c16.png"), ("basi3p01.png", "basn3p01.png"),
        ("basi3p02.png", "basn3p02.png"), ("basi3p04.png", "basn3p04.png"), ("basi3p08.png", "basn3p08.png"), ("basi4a08.png", "basn4a08.png"),
        ("basi4a16.png", "basn4a16.png"), ("basi6a08.png", "basn6a08.png"), ("basi6a16.png", "basn6a16.png"), ("s09i3p02.png", "s09n3p02.png"),
        ("s39i3p04.png", "s39n3p04.png"), ("s01i3p01.png", "s01n3p01.png"),
        // zlib levels, IDAT splits, bKGD chunks
        ("z00n2c08.png", "z09n2c08.png"), ("z03n2c08.png", "z09n2c08.png"), ("z06n2c08.png", "z09n2c08.png"),
        ("oi1n0g16.png", "oi9n0g16.png"), ("oi2n0g16.png", "oi9n0g16.png"), ("oi4n0g16.png", "oi9n0g16.png"),
        ("oi1n2c16.png", "oi9n2c16.png"), ("oi2n2c16.png", "oi9n2c16.png"), ("oi4n2c16.png", "oi9n2c16.png"),
        ("bgai4a08.png", "basi4a08.png"), ("bgai4a16.png", "basi4a16.png"), ("bgan6a08.png", "basn6a08.png"), ("bgan6a16.png", "basn6a16.png"),
    ])
    func variantsOfOnePictureDecodeIdentically(a: String, b: String) throws {
        #expect(try decode(a) == decode(b))
    }

    @Test(arguments: ["n0g16", "n2c08", "n3p04"])
    func gammaFamiliesLookAlikeOnceGammaIsApplied(family: String) throws {
        // Gamma 0.35 ... 2.5 encodings of one picture: honouring gAMA brings them within a few levels of each other.
        let reference = try decode("g10\(family).png")
        for gamma in ["03", "04", "05", "07", "25"] {
            let other = try decode("g\(gamma)\(family).png")
            #expect(ImageFixtures.meanDifference(reference, other) < 8, "g\(gamma)\(family)")
        }
    }

    @Test func gammaIsAppliedAsLibpngDefinesIt() throws {
        // A hand-made 256x1 gray ramp: without gAMA the values come back as they are; with gAMA 1.0 (linear data)
        // each becomes 255 * (v/255)^(1/2.2), the sRGB-ish encoding libpng targets.
        let ramp = (0...255).map { UInt8($0) }
        let plain = try ImageDecoder().decode(HandMadePNG.gray(width: 256, height: 1, pixels: ramp, gamma: nil)).image
        #expect(plain.pixels.enumerated().allSatisfy { $0.element == ramp[$0.offset / 3] })
        let linear = try ImageDecoder().decode(HandMadePNG.gray(width: 256, height: 1, pixels: ramp, gamma: 100_000)).image
        for value in [0, 1, 16, 64, 128, 200, 255] {
            let expected = (255 * pow(Double(value) / 255, 1 / 2.2)).rounded()
            #expect(abs(Double(linear.pixels[value * 3]) - expected) <= 1, "value \(value): \(linear.pixels[value * 3]) vs \(expected)")
        }
        // Interlaced and 16-bit variants of the same data agree (libpng's simplified reader got interlaced 16-bit wrong).
        #expect(try decode("basi0g16.png") == decode("basn0g16.png"))
    }

    @Test func truncatedAndCorruptFilesFailCleanly() throws {
        let good = try ImageFixtures.bytes("\(folder)/basn2c08.png")
        #expect(throws: ImageError.self) { try ImageDecoder().decode(Array(good.prefix(good.count / 2))) }
        var badCRC = good
        badCRC[40] ^= 0xFF  // inside IDAT
        #expect(throws: ImageError.self) { try ImageDecoder().decode(badCRC) }
    }

    @Test func transparencyIsFlattenedOntoWhite() throws {
        // tbwn0g16: 16-bit gray with a tRNS colour; transparent pixels become white.
        let image = try decode("tbwn0g16.png")
        #expect(image[0, 0] == [255, 255, 255])
        let opaque = try decode("tp0n3p08.png")
        #expect(opaque.pixels.contains { $0 != 255 })
    }

    @Test func everyInvalidFileFailsWithItsRecordedMessage() throws {
        #expect(Fixtures.corpusFiles("pngsuite/Inputs/Invalid").count == 14)
        try ImageFixtures.expectOutcomes("pngsuite/Inputs/Invalid")
    }

    @Test func hugeChunksAreRefusedBeforeLibpngAllocates() throws {
        let crashers = Fixtures.corpusFiles("libpng-testpngs/testpngs/crashers").filter { $0.lastPathComponent.hasPrefix("huge_") }
        #expect(crashers.count >= 15)
        for file in crashers where file.lastPathComponent != "huge_IDAT.png" {
            let bytes = Array(try Data(contentsOf: file))
            guard case let .failure(error) = PNGChunks.walk(bytes) else {
                Issue.record("\(file.lastPathComponent) passed the chunk walk")
                continue
            }
            #expect(error.description.contains("declares"), "\(file.lastPathComponent): \(error)")
        }
    }

    @Test func chunkWalkListsAWellFormedFile() throws {
        let types = try PNGChunks.walk(ImageFixtures.bytes("\(folder)/basn2c08.png")).get()
        #expect(types.first == "IHDR")
        #expect(types.last == "IEND")
        #expect(types.contains("IDAT"))
    }

    @Test func encodedPNGRoundTrips() throws {
        let card = ImageFixtures.testCard(width: 40, height: 30)
        let bytes = try ImageEncoder.png(card)
        #expect(try PNGChunks.walk(bytes).get().filter { !["IHDR", "IDAT", "IEND", "sRGB", "gAMA", "cHRM"].contains($0) } == [])
        #expect(try ImageDecoder().decode(bytes).image == card)
    }
}
