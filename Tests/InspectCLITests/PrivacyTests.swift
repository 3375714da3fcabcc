import Foundation
import InspectDevTools
import TestSupport
import Testing

/// No output of `inspect` carries the camera's metadata: generated photos with EXIF (make, camera serial number,
/// GPS position) go through `batch`, `report` and `photos normalise`, and every file and log they leave is scanned.
@Suite struct PrivacyTests {
    let folder = TemporaryFolder()

    /// Byte strings that must not appear anywhere in an output.
    static let forbidden: [(name: String, bytes: [UInt8])] = [
        ("EXIF header", Array("Exif".utf8) + [0, 0]),
        ("camera make", Array(ExifSegment.make.utf8)),
        ("camera serial number", Array(ExifSegment.cameraSerial.utf8)),
        ("XMP packet", Array("http://ns.adobe.com/xap".utf8)),
    ]

    @Test func noOutputCarriesCameraMetadata() throws {
        let env = ["INSPECT_DB": folder.url.appending(path: "db/inspect.db").path]
        let runner = CommandRunner(directory: Fixtures.repoRoot, environment: env)
        let day = folder.url.appending(path: "day").path
        #expect(try CommandRunner.dev().run(["generate-day", day, "--cars", "3", "--size", "640x480", "--seed", "7"]).status == 0)
        // The inputs do carry the metadata (so the scan below can fail).
        let inputs = try files(under: URL(filePath: day)).filter { $0.pathExtension == "jpg" }
        #expect(!inputs.isEmpty)
        let sample = try #require(
            try inputs.first { try leaks(in: Array(Data(contentsOf: $0))).count == Self.forbidden.count - 1 },
            "generated photos carry EXIF with make and serial number")

        let reports = folder.url.appending(path: "reports").path
        let batch = try runner.run(["batch", day, "--out", reports, "--quiet", "--summary-json", folder.url.appending(path: "summary.json").path])
        #expect(batch.status == 0, "\(batch.stdout)")
        let vin = try #require(try FileManager.default.contentsOfDirectory(atPath: day).sorted().first)
        let embedded = try runner.run(["report", vin, "--format", "html", "--photos", "embed", "--lang", "en"])
        #expect(embedded.status == 0 && embedded.stdout.contains("data:image/jpeg;base64,"))
        let normalised = folder.url.appending(path: "normalised").path
        let normalise = try runner.run(["photos", "normalise", "--out", normalised, sample.path])
        #expect(normalise.status == 0, "\(normalise.stderr)")
        let check = try runner.run(["photos", "check", sample.path])

        // Logs and printed reports.
        for (name, text) in [
            ("batch stdout", batch.stdout), ("batch stderr", batch.stderr), ("report stdout", embedded.stdout),
            ("normalise output", normalise.stdout + normalise.stderr), ("check output", check.stdout + check.stderr),
        ] {
            #expect(leaks(in: Array(text.utf8)).isEmpty, "\(name) leaks \(leaks(in: Array(text.utf8)))")
            #expect(!text.contains("GPS"), "\(name) mentions GPS")
            for image in embeddedImages(in: text) { expectClean(image, "a photo embedded in the \(name)") }
        }
        // Every file written: stored photos and thumbnails, the database, reports, the summary, normalised copies.
        let outputs =
            try files(under: folder.url.appending(path: "db")) + files(under: URL(filePath: reports))
            + files(under: URL(filePath: normalised)) + [folder.url.appending(path: "summary.json")]
        let photos = outputs.filter { $0.pathExtension == "jpg" }
        #expect(photos.count >= 2 * 3 * 8, "normalised photos and thumbnails of every car")
        for file in outputs {
            let bytes = Array(try Data(contentsOf: file))
            #expect(leaks(in: bytes).isEmpty, "\(file.lastPathComponent) leaks \(leaks(in: bytes))")
            if file.pathExtension == "jpg" { expectClean(bytes, file.path) }
            if ["json", "html", "md"].contains(file.pathExtension) {
                #expect(!String(decoding: bytes, as: UTF8.self).contains("GPS"), "\(file.lastPathComponent) mentions GPS")
            }
        }
    }

    /// The forbidden byte strings found in `bytes`.
    func leaks(in bytes: [UInt8]) -> [String] {
        Self.forbidden.filter { bytes.firstRange(of: $0.bytes) != nil }.map(\.name)
    }

    /// A JPEG holds only the segments needed to show it: SOI, APP0 (JFIF), an ICC colour profile (APP2
    /// `ICC_PROFILE`) at most, tables, frame and scan; no other APP1-APP15 (EXIF, XMP, maker data) and no comments.
    func expectClean(_ jpeg: [UInt8], _ what: String) {
        #expect(jpeg.starts(with: [0xFF, 0xD8]), "\(what) is not a JPEG")
        var at = 2
        while at + 4 <= jpeg.count, jpeg[at] == 0xFF {
            let marker = jpeg[at + 1]
            if marker == 0xDA { return }  // start of scan: entropy-coded data follows
            let isICC = marker == 0xE2 && jpeg[(at + 4)...].starts(with: Array("ICC_PROFILE".utf8))
            #expect(
                isICC || !(0xE1...0xEF).contains(marker) && marker != 0xFE,
                "\(what) has metadata segment FF\(String(marker, radix: 16, uppercase: true))")
            at += 2 + (Int(jpeg[at + 2]) << 8 | Int(jpeg[at + 3]))
        }
        Issue.record("\(what): no start of scan found")
    }

    /// The images embedded as `data:image/jpeg;base64,` URLs in `text`.
    func embeddedImages(in text: String) -> [[UInt8]] {
        text.components(separatedBy: "data:image/jpeg;base64,").dropFirst().compactMap { part in
            Data(base64Encoded: String(part.prefix { $0.isLetter || $0.isNumber || $0 == "+" || $0 == "/" || $0 == "=" })).map(Array.init)
        }
    }

    /// Every regular file below `root`, recursively.
    func files(under root: URL) throws -> [URL] {
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        return try walker.compactMap { $0 as? URL }.filter { try $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true }
    }
}
