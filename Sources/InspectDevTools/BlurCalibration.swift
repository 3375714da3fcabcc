import Foundation
import ImageOps

/// Calibrates the blur gate: each photo measured as the pipeline measures it (upright, at the analysis size), and a
/// copy blurred with a Gaussian of ``sigma`` px at that size, with the gate's verdict on both. `docs/photos.md` has the
/// procedure and the figures; a test keeps the photos in the repository on the right side of the thresholds.
package enum BlurCalibration {
    /// The blur of the copies that must keep failing, in pixels at the analysis size.
    package static let sigma = 2.5

    /// One photo and its blurred copy.
    package struct Row: Sendable, Hashable {
        package var name: String
        package var focus: Double
        package var laplacianVariance: Double
        package var verdict: Verdict
        package var blurredFocus: Double
        package var blurredVerdict: Verdict
    }

    /// Measures the photo at `path` under `policy`.
    package static func measure(fileAt path: String, policy: PhotoPolicy) throws -> Row {
        let bytes = try PhotoNormaliser(policy: policy).read(fileAt: path)
        let decoded = try ImageDecoder(limits: policy.limits).decode(bytes, targetLongEdge: policy.longEdge)
        let luma = decoded.image.shrunk(toLongEdge: policy.longEdge).oriented(decoded.orientation).shrunk(toLongEdge: policy.analysisLongEdge).luma
        let sharp = QualityMetrics(luma: luma), blurred = QualityMetrics(luma: gaussianBlurred(luma, sigma: sigma))
        // Only the blur gate: the source size is given as large enough, so resolution does not decide.
        func verdict(_ metrics: QualityMetrics) -> Verdict {
            policy.assess(metrics, sourceWidth: 4000, sourceHeight: 3000).gates.first { $0.gate == "blur" }?.verdict ?? .ok
        }
        return Row(
            name: URL(filePath: path).lastPathComponent, focus: sharp.focus, laplacianVariance: sharp.laplacianVariance, verdict: verdict(sharp),
            blurredFocus: blurred.focus, blurredVerdict: verdict(blurred))
    }

    /// `image` (one channel) blurred with a Gaussian of `sigma` px, edges clamped.
    package static func gaussianBlurred(_ image: PixelImage, sigma: Double) -> PixelImage {
        let radius = Int((sigma * 3).rounded(.up))
        var kernel = (-radius...radius).map { exp(-Double($0 * $0) / (2 * sigma * sigma)) }
        let total = kernel.reduce(0, +)
        kernel = kernel.map { $0 / total }
        let (w, h) = (image.width, image.height)
        var across = [Double](repeating: 0, count: w * h)
        for y in 0..<h {
            for x in 0..<w {
                var sum = 0.0
                for k in -radius...radius { sum += kernel[k + radius] * Double(image.pixels[y * w + min(max(x + k, 0), w - 1)]) }
                across[y * w + x] = sum
            }
        }
        var out = [UInt8](repeating: 0, count: w * h)
        for y in 0..<h {
            for x in 0..<w {
                var sum = 0.0
                for k in -radius...radius { sum += kernel[k + radius] * across[min(max(y + k, 0), h - 1) * w + x] }
                out[y * w + x] = UInt8(min(max(sum.rounded(), 0), 255))
            }
        }
        return PixelImage(width: w, height: h, channels: 1, pixels: out)
    }

    /// The rows as a table, with the verdict counts.
    package static func table(_ rows: [Row]) -> String {
        func cell(_ text: String, _ width: Int) -> String { text.padding(toLength: max(width, text.count), withPad: " ", startingAt: 0) }
        func number(_ value: Double) -> String { String(Int(value.rounded())) }
        var lines = ["\(cell("photo", 40)) \(cell("focus", 7)) \(cell("VoL", 7)) \(cell("gate", 5)) | σ=\(sigma): \(cell("focus", 6)) gate"]
        for row in rows {
            lines.append(
                "\(cell(row.name, 40)) \(cell(number(row.focus), 7)) \(cell(number(row.laplacianVariance), 7)) \(cell(row.verdict.rawValue, 5)) |        \(cell(number(row.blurredFocus), 6)) \(row.blurredVerdict.rawValue)"
            )
        }
        func count(_ verdicts: [Verdict]) -> String {
            [Verdict.ok, .warn, .fail].map { v in "\(v.rawValue) \(verdicts.filter { $0 == v }.count)" }.joined(separator: ", ")
        }
        lines.append("photos: \(count(rows.map(\.verdict))); blurred copies: \(count(rows.map(\.blurredVerdict)))")
        if let sharpest = rows.map(\.blurredFocus).max(), let least = rows.map(\.focus).min() {
            lines.append("highest focus of a blurred copy \(number(sharpest)); lowest focus of a photo \(number(least))")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
