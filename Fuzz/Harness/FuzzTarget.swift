import Common
import Foundation
import ImageOps
import Inspection

/// One fuzzed entry point: bytes in, any outcome but a crash, a hang or a sanitizer report. Shared by the libFuzzer
/// build (`scripts/fuzz.sh`) and the replay of committed crashers (`Tests/FuzzRegressionTests`).
package enum FuzzTarget: String, CaseIterable, Sendable {
    /// `ImageDecoder` on JPEG input (libjpeg-turbo through the C shim, with the hostile-input limits).
    case jpeg
    /// `ImageDecoder` on PNG input (libpng through the C shim) and the PNG chunk walker.
    case png
    /// The EXIF orientation parser, on the bytes as a TIFF block and wrapped in a JPEG APP1 segment.
    case exif
    /// The YAML/JSON submission parser and validator against the bundled templates.
    case submission
    /// The whole photo pipeline: decode, orient, resize, quality gates, hashes, re-encode.
    case photo

    /// What one input did.
    package enum Outcome: Equatable, Sendable, CustomStringConvertible {
        /// Parsed or decoded, with a one-line summary of what came out (sizes, orientation, stage, counts).
        case accepted(String)
        /// Refused, with the message a user would see.
        case rejected(String)
        /// An invariant broke (the fuzzer treats it as a crash): what and why.
        case broken(String)

        /// `accepted`, `rejected: <message>` or `BROKEN: <why>`: one line, as replay prints and the recorded
        /// regression outcomes hold.
        package var description: String {
            switch self {
            case let .accepted(summary): "accepted: " + summary
            case let .rejected(message): "rejected: " + message.replacingOccurrences(of: "\n", with: " ")
            case let .broken(why): "BROKEN: " + why
            }
        }
    }

    /// Runs the target on `bytes` and checks the invariants of its answer: a decoded image has the pixels its size
    /// says, a refusal has a message, an orientation is 1-8, an invalid submission names at least one error.
    package func run(_ bytes: [UInt8]) -> Outcome {
        switch self {
        case .jpeg, .png:
            if self == .png, case .failure(let error) = PNGChunks.walk(bytes), error.description.isEmpty { return .broken("empty chunk error") }
            do {
                let decoded = try FuzzTarget.decoder.decode(bytes, targetLongEdge: bytes.count % 2 == 0 ? nil : 256)
                let image = decoded.image
                guard image.width > 0, image.height > 0, image.pixels.count == image.width * image.height * image.channels else {
                    return .broken("decoded \(image.width)x\(image.height)x\(image.channels) with \(image.pixels.count) bytes")
                }
                guard (1...8).contains(decoded.orientation) else { return .broken("orientation \(decoded.orientation)") }
                return .accepted(
                    "\(decoded.format) \(decoded.sourceWidth)x\(decoded.sourceHeight) to \(image.width)x\(image.height)x\(image.channels), orientation \(decoded.orientation)"
                )
            } catch {
                return FuzzTarget.refusal(error.description)
            }
        case .exif:
            let fromTIFF = JPEGMarkers.orientation(tiff: bytes)
            if let fromTIFF, !(1...8).contains(fromTIFF) { return .broken("orientation \(fromTIFF)") }
            // The same block inside a JPEG's APP1 segment (which holds at most 65 527 bytes) must read the same.
            let block = Array(bytes.prefix(65_527))
            let length = block.count + 8
            var jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE1, UInt8(length >> 8), UInt8(length & 0xFF)]
            jpeg += Array("Exif".utf8) + [0, 0] + block + [0xFF, 0xD9]
            let fromAPP1 = JPEGMarkers.exifOrientation(jpeg)
            let expected = block.count == bytes.count ? fromTIFF ?? 1 : JPEGMarkers.orientation(tiff: block) ?? 1
            guard fromAPP1 == expected else { return .broken("orientation \(fromAPP1) from APP1, \(expected) from the TIFF block") }
            let segments = JPEGMarkers.segments(bytes)
            for segment in segments where segment.payloadStart + segment.payloadLength > bytes.count {
                return .broken("segment FF\(segment.marker) runs past the end")
            }
            return .accepted("orientation \(fromTIFF.map(String.init) ?? "none"); \(segments.count) JPEG segments")
        case .submission:
            // JSON when it starts with "{", else YAML; photo paths resolve beside a sample car's submission.
            let name = bytes.first == UInt8(ascii: "{") ? "appraisal.json" : "appraisal.yaml"
            let report = FuzzTarget.validator.validate(bytes, as: FuzzTarget.sampleCar.appending(path: name), displayPath: name)
            if let valid = report.validated {
                guard report.errors.isEmpty else { return .broken("valid with \(report.errors.count) errors") }
                let submission = valid.submission
                return .accepted(
                    "\(submission.stage) of \(submission.vehicle.vin), \(submission.checks.count) checks, \(submission.defects.count) defects, \(submission.photos.count) photos, \(report.warnings.count) warnings"
                )
            }
            guard let first = report.errors.first else { return .broken("invalid without an error") }
            return FuzzTarget.refusal(first.rendered)
        case .photo:
            do {
                let photo = try FuzzTarget.normaliser.normalise(bytes)
                guard photo.width > 0, photo.height > 0, photo.jpeg.starts(with: [0xFF, 0xD8]), photo.thumbnailJPEG.starts(with: [0xFF, 0xD8]) else {
                    return .broken("normalised to \(photo.width)x\(photo.height) with \(photo.jpeg.count) JPEG bytes")
                }
                return .accepted(
                    "\(photo.format) to \(photo.width)x\(photo.height), thumbnail \(photo.thumbnailWidth)x\(photo.thumbnailHeight), orientation \(photo.orientation)"
                )
            } catch {
                return FuzzTarget.refusal(error.description)
            }
        }
    }

    private static func refusal(_ message: String) -> Outcome {
        message.trimmingCharacters(in: .whitespaces).isEmpty ? .broken("refused without a message") : .rejected(message)
    }

    /// The repository (found from this file's place in it).
    package static let repoRoot = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Limits smaller than production, so each input costs milliseconds; the code paths are the same.
    static let limits = DecodeLimits(maxFileBytes: 4 << 20, maxPixels: 4_000_000, maxDecoderMemory: 64 << 20, maxScans: 100, maxWarnings: 100)
    static let decoder = ImageDecoder(limits: limits)
    static let normaliser: PhotoNormaliser = {
        guard var policy = try? PhotoPolicyLoader.load(from: repoRoot.appending(path: "config/photo-policy.yaml")) else {
            fatalError("config/photo-policy.yaml does not load; run from a checkout")
        }
        policy.limits = limits
        return PhotoNormaliser(policy: policy)
    }()
    static let validator = SubmissionValidator(catalog: TemplateCatalog(folders: [repoRoot.appending(path: "checklists")]))
    static let sampleCar = repoRoot.appending(path: "samples/day-2026-11-20/LSVAM4189C2184526")
}
