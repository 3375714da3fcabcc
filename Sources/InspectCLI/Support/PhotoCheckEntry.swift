import Common
import Foundation
import ImageOps
import ReportGen

/// One line of `inspect photos check`.
struct PhotoCheckEntry {
    var file: String
    var photo: NormalisedPhoto?
    var error: String?

    /// `file: 4032x3024 jpeg, orientation 6 -> 1200x1600; blur ok (...); ...; dhash ...; phash ...`
    var text: String {
        guard let photo else { return "\(file): error: \(error ?? "unknown")" }
        let quality = photo.quality
        var line = "\(file): \(quality.verdict.rawValue.uppercased()) \(quality.sourceWidth)x\(quality.sourceHeight) \(photo.format.rawValue)"
        if photo.orientation != 1 { line += " (orientation \(photo.orientation))" }
        line += " -> \(photo.width)x\(photo.height)"
        for gate in quality.gates { line += "\n  \(gate.summary)" }
        line += "\n  dhash \(photo.hash.dHashHex) phash \(photo.hash.pHashHex)"
        line += "\n  pixels sha256 \(photo.pixelSHA256)"
        return line
    }

    static func printJSON(_ entries: [PhotoCheckEntry]) throws {
        struct Gate: Encodable { let gate: String, verdict: String, notice: Notice }
        struct Output: Encodable {
            let format = Formats.photoCheck
            let photos: [Entry]
        }
        struct Entry: Encodable {
            let file: String
            let error: String?
            let verdict: String?
            let format: String?
            let sourceWidth: Int?, sourceHeight: Int?, width: Int?, height: Int?, orientation: Int?
            let focus: Double?, laplacianVariance: Double?, tenengrad: Double?, meanLuma: Double?, darkFraction: Double?, brightFraction: Double?
            let gates: [Gate]?
            let dHash: String?, pHash: String?, pixelSHA256: String?, sourceSHA256: String?
        }
        let output = entries.map { entry -> Entry in
            let p = entry.photo
            let m = p?.quality.metrics
            return Entry(
                file: entry.file, error: entry.error, verdict: p?.quality.verdict.rawValue, format: p?.format.rawValue,
                sourceWidth: p?.quality.sourceWidth, sourceHeight: p?.quality.sourceHeight, width: p?.width, height: p?.height,
                orientation: p?.orientation, focus: m?.focus, laplacianVariance: m?.laplacianVariance, tenengrad: m?.tenengrad, meanLuma: m?.meanLuma,
                darkFraction: m?.darkFraction, brightFraction: m?.brightFraction,
                gates: p?.quality.gates.map { Gate(gate: $0.gate, verdict: $0.verdict.rawValue, notice: $0.notice) },
                dHash: p?.hash.dHashHex, pHash: p?.hash.pHashHex, pixelSHA256: p?.pixelSHA256, sourceSHA256: p?.sourceSHA256)
        }
        print(try JSONOutput.encode(Output(photos: output)), terminator: "")
    }
}
