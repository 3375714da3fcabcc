import Foundation
import ImageOps
import TestSupport
import Testing

/// Helpers for the image tests.
enum ImageFixtures {
    /// `Tests/ImageOpsTests/Fixtures/<name>`.
    static func fixture(_ name: String) -> URL {
        URL(filePath: #filePath).deletingLastPathComponent().appending(path: "Fixtures/\(name)")
    }

    /// The bytes of a file of the in-repository corpora.
    static func bytes(_ relative: String) throws -> [UInt8] { Array(try Data(contentsOf: Fixtures.corpus(relative))) }

    /// The real camera photo in the repository: Olympus E-P3, 2016x1512, EXIF, a restart marker every 4 MCUs.
    static let camera = "camera/olympus_ep3_2016x1512.jpg"

    /// The same photo as a lossless progressive JPEG (10 scans).
    static let cameraProgressive = "camera/olympus_ep3_2016x1512_progressive.jpg"

    /// The bytes of a benchmark photo of the full corpora (`bench/...`), when `$INSPECT_CORPORA` names them.
    static func benchBytes(_ name: String) throws -> [UInt8]? {
        guard let root = Fixtures.extraCorpora else { return nil }
        return Array(try Data(contentsOf: root.appending(path: "bench/\(name)")))
    }

    /// What decoding `bytes` gives, in the words of the `.expected` files: `decoded WxH` or `error: <message>`.
    static func outcome(of bytes: [UInt8]) -> String {
        do {
            let decoded = try ImageDecoder().decode(bytes, targetLongEdge: 1600)
            return "decoded \(decoded.sourceWidth)x\(decoded.sourceHeight)"
        } catch {
            return "error: \(error.description)"
        }
    }

    /// Decodes every file of a hostile in-repository folder and compares each outcome with `<folder>.expected`.
    static func expectOutcomes(_ folder: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let expected = try Fixtures.expectedOutcomes(folder)
        let files = Fixtures.corpusFiles(folder)
        #expect(Set(files.map(\.lastPathComponent)) == Set(expected.keys), "files of \(folder) vs its .expected", sourceLocation: sourceLocation)
        for file in files {
            let actual = outcome(of: Array(try Data(contentsOf: file)))
            #expect(actual == expected[file.lastPathComponent], "\(folder)/\(file.lastPathComponent)", sourceLocation: sourceLocation)
        }
    }

    /// The policy shipped in `config/`.
    static func policy() throws -> PhotoPolicy { try PhotoPolicyLoader.load(from: Fixtures.photoPolicyFile) }

    /// Mean absolute difference per channel value of two same-sized images.
    static func meanDifference(_ a: PixelImage, _ b: PixelImage) -> Double {
        guard a.width == b.width, a.height == b.height, a.channels == b.channels else { return .infinity }
        var sum = 0
        for index in a.pixels.indices { sum += abs(Int(a.pixels[index]) - Int(b.pixels[index])) }
        return Double(sum) / Double(a.pixels.count)
    }

    /// Pixels of a binary PPM (P6, maxval 255).
    static func ppm(_ bytes: [UInt8]) -> PixelImage? {
        var fields: [String] = []
        var index = 0
        var current = ""
        while fields.count < 4, index < bytes.count {
            let char = Character(UnicodeScalar(bytes[index]))
            index += 1
            if char == "#" {
                while index < bytes.count, bytes[index] != 0x0A { index += 1 }
            } else if char.isWhitespace {
                if !current.isEmpty { fields.append(current); current = "" }
            } else {
                current.append(char)
            }
        }
        guard fields.count == 4, fields[0] == "P6", let width = Int(fields[1]), let height = Int(fields[2]), fields[3] == "255" else { return nil }
        let pixels = Array(bytes[index..<(index + width * height * 3)])
        return PixelImage(width: width, height: height, channels: 3, pixels: pixels)
    }

    /// A gray test card: gradients and edges, so hashes and blur have something to see.
    static func testCard(width: Int, height: Int) -> PixelImage {
        var pixels = [UInt8](repeating: 0, count: width * height * 3)
        for y in 0..<height {
            for x in 0..<width {
                let base = (y * width + x) * 3
                let stripe = (x / 16 + y / 16) % 2 == 0 ? 60 : 0
                pixels[base] = UInt8((x * 255 / max(1, width - 1) + stripe) % 256)
                pixels[base + 1] = UInt8((y * 255 / max(1, height - 1)) % 256)
                pixels[base + 2] = UInt8(((x + y) * 2 + stripe) % 256)
            }
        }
        return PixelImage(width: width, height: height, channels: 3, pixels: pixels)
    }
}
