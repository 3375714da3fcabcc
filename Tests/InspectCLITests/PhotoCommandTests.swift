import Foundation
import TestSupport
import Testing

/// `inspect photos check|normalise` end to end, and libjpeg never writing to stderr.
@Suite(.serialized) struct PhotoCommandTests {
    let folder = TemporaryFolder()
    var runner: CommandRunner { CommandRunner(directory: Fixtures.repoRoot) }

    @Test func checkReportsGatesAndHashes() throws {
        let blurred = Fixtures.corpus("opencv-samples/licenseplate_motion.jpg").path
        let result = try runner.run(["photos", "check", Fixtures.corpus("exif-orientation-examples/Landscape_6.jpg").path, blurred])
        #expect(result.status == 1)  // a gate failed
        #expect(result.stdout.contains("Landscape_6.jpg: WARN 1800x1200 jpeg (orientation 6) -> 1600x1067"))
        #expect(result.stdout.contains("  resolution warn: source 1800x1200 is below 1920x1080"))
        #expect(result.stdout.contains("licenseplate_motion.jpg: FAIL 600x482 jpeg -> 600x482"))
        #expect(result.stdout.contains("  blur fail: blurry: focus "))
        #expect(result.stderr.isEmpty)
        let json = try runner.run(["photos", "check", "--format", "json", Fixtures.corpus("exif-orientation-examples/Landscape_1.jpg").path])
        #expect(json.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["format"] as? String == "photo-check/1")
        let entries = try #require(object["photos"] as? [[String: Any]])
        #expect((entries.first?["p_hash"] as? String)?.count == 64)
        #expect(entries.first?["verdict"] as? String == "warn")
    }

    @Test func normaliseWritesUprightMetadataFreeFiles() throws {
        let out = folder.url.appending(path: "out").path
        let result = try runner.run(["photos", "normalise", Fixtures.corpus("exif-orientation-examples/Portrait_8.jpg").path, "--out", out])
        #expect(result.status == 0, "\(result.stderr)")
        let image = Array(try Data(contentsOf: URL(filePath: out).appending(path: "Portrait_8.jpg")))
        let thumbnail = Array(try Data(contentsOf: URL(filePath: out).appending(path: "Portrait_8.thumb.jpg")))
        #expect(image.starts(with: [0xFF, 0xD8, 0xFF, 0xE0]))  // JFIF first, no EXIF
        #expect(!image.contains(subsequence: Array("Exif".utf8)))
        #expect(thumbnail.count < image.count)
        #expect(result.stdout.contains("Portrait_8.jpg: 1067x1600 ->"))
    }

    @Test func corruptPhotosNeverPrintLibraryWarnings() throws {
        // A truncated JPEG makes libjpeg warn ("Premature end of JPEG file"); it is refused, and nothing reaches stderr.
        let bytes = try Data(contentsOf: Fixtures.corpus("libjpeg-turbo-testimages/testorig.jpg"))
        let truncated = try folder.write(bytes.prefix(bytes.count * 2 / 3), to: "truncated.jpg")
        let hostile = Fixtures.corpusFiles("go-fuzz-corpus/jpeg/corpus")
        let expected = try Fixtures.expectedOutcomes("go-fuzz-corpus/jpeg/corpus")
        let result = try runner.run(["photos", "check", truncated.path] + hostile.map(\.path))
        #expect(result.stderr.isEmpty, "\(result.stderr)")
        #expect(
            result.stdout.contains("truncated.jpg: error: could not decode JPEG: incomplete file: only the top 50 % was received; upload it again"))
        // Every hostile file gets its line, and the ones that do not decode say why, as the decoder tests recorded.
        for file in hostile {
            let outcome = try #require(expected[file.lastPathComponent])
            let line = outcome.hasPrefix("error: ") ? "\(file.lastPathComponent): \(outcome)" : "\(file.lastPathComponent): "
            #expect(result.stdout.contains(line), "\(line)")
        }
    }

    @Test func aNonImageIsACleanError() throws {
        let text = try folder.write("not a photo", to: "notes.jpg")
        let result = try runner.run(["photos", "check", text.path])
        #expect(result.status == 1)
        #expect(result.stdout.contains("notes.jpg: error: not a JPEG or PNG photo (starts with 0x6e 0x6f 0x74 0x20)"))
    }
}
