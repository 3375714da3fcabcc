/// Everything configurable about photo handling: output sizes, decode limits, quality-gate thresholds and reuse
/// distances. Loaded from `config/photo-policy.yaml` by ``PhotoPolicyLoader``; the numbers live there, not in code.
package struct PhotoPolicy: Sendable, Hashable {
    /// Long edge of the normalised image.
    package var longEdge: Int
    /// Long edge of the thumbnail.
    package var thumbnailLongEdge: Int
    /// Long edge of the analysis image the gates and hashes are computed on.
    package var analysisLongEdge: Int
    /// JPEG quality of the outputs.
    package var jpegQuality: Int
    /// Whether the normalised JPEG is progressive.
    package var progressive: Bool
    /// Hostile-input limits.
    package var limits: DecodeLimits
    /// Variance-of-Laplacian thresholds (at the analysis size).
    package var blurFailBelow: Double
    /// See ``blurFailBelow``.
    package var blurWarnBelow: Double
    /// Exposure thresholds on mean luma (0-1) and clipped fractions.
    package var exposure: Exposure
    /// Source resolution thresholds as (long edge, short edge).
    package var resolutionWarnBelow: EdgeSize
    /// See ``resolutionWarnBelow``.
    package var resolutionFailBelow: EdgeSize
    /// What a failing gate on a required angle does to a submission.
    package var requiredAngleFailureIsError: Bool
    /// pHash-256 distance up to which two photos are the same picture.
    package var samePhotoMaxDistance: Int
    /// pHash-256 distance up to which a pair is listed for review.
    package var reviewMaxDistance: Int

    /// A size as long and short edge, so portrait and landscape compare alike.
    package struct EdgeSize: Sendable, Hashable {
        package var long: Int
        package var short: Int
    }

    /// Exposure thresholds.
    package struct Exposure: Sendable, Hashable {
        package var failMeanBelow: Double
        package var warnMeanBelow: Double
        package var warnMeanAbove: Double
        package var failMeanAbove: Double
        package var warnDarkAbove: Double
        package var failDarkAbove: Double
        package var warnBrightAbove: Double
        package var failBrightAbove: Double
    }

    /// Applies the gates to measurements of a photo whose upright source is `width` x `height`.
    package func assess(_ metrics: QualityMetrics, sourceWidth width: Int, sourceHeight height: Int) -> QualityReport {
        QualityReport(
            metrics: metrics, sourceWidth: width, sourceHeight: height,
            gates: [blurGate(metrics), exposureGate(metrics), resolutionGate(width: width, height: height)])
    }

    private func blurGate(_ metrics: QualityMetrics) -> GateResult {
        let value = metrics.laplacianVariance
        let shown = Self.format(value, digits: 0)
        if value < blurFailBelow {
            return GateResult(
                gate: "blur", verdict: .fail, message: "blurry: variance of Laplacian \(shown) (fail below \(Self.format(blurFailBelow, digits: 0)))")
        }
        if value < blurWarnBelow {
            return GateResult(
                gate: "blur", verdict: .warn,
                message: "possibly blurry: variance of Laplacian \(shown) (warn below \(Self.format(blurWarnBelow, digits: 0)))")
        }
        return GateResult(gate: "blur", verdict: .ok, message: "sharp: variance of Laplacian \(shown)")
    }

    private func exposureGate(_ metrics: QualityMetrics) -> GateResult {
        let e = exposure
        let mean = Self.format(metrics.meanLuma, digits: 2)
        let dark = Self.percent(metrics.darkFraction), bright = Self.percent(metrics.brightFraction)
        var fails: [String] = [], warns: [String] = []
        if metrics.meanLuma < e.failMeanBelow {
            fails.append("too dark to show the paint: mean luma \(mean) (fail below \(Self.format(e.failMeanBelow, digits: 2)))")
        } else if metrics.meanLuma < e.warnMeanBelow {
            warns.append("dark: mean luma \(mean) (warn below \(Self.format(e.warnMeanBelow, digits: 2)))")
        }
        if metrics.meanLuma > e.failMeanAbove {
            fails.append("washed out: mean luma \(mean) (fail above \(Self.format(e.failMeanAbove, digits: 2)))")
        } else if metrics.meanLuma > e.warnMeanAbove {
            warns.append("bright: mean luma \(mean) (warn above \(Self.format(e.warnMeanAbove, digits: 2)))")
        }
        if metrics.darkFraction > e.failDarkAbove {
            fails.append("\(dark) of pixels are black (fail above \(Self.percent(e.failDarkAbove)))")
        } else if metrics.darkFraction > e.warnDarkAbove {
            warns.append("\(dark) of pixels are black (warn above \(Self.percent(e.warnDarkAbove)))")
        }
        if metrics.brightFraction > e.failBrightAbove {
            fails.append("\(bright) of pixels are blown out (fail above \(Self.percent(e.failBrightAbove)))")
        } else if metrics.brightFraction > e.warnBrightAbove {
            warns.append("\(bright) of pixels are blown out (warn above \(Self.percent(e.warnBrightAbove)))")
        }
        if !fails.isEmpty { return GateResult(gate: "exposure", verdict: .fail, message: (fails + warns).joined(separator: "; ")) }
        if !warns.isEmpty { return GateResult(gate: "exposure", verdict: .warn, message: warns.joined(separator: "; ")) }
        return GateResult(gate: "exposure", verdict: .ok, message: "mean luma \(mean), \(dark) black, \(bright) blown out")
    }

    private func resolutionGate(width: Int, height: Int) -> GateResult {
        let long = max(width, height), short = min(width, height)
        let size = "\(width)x\(height)"
        if long < resolutionFailBelow.long || short < resolutionFailBelow.short {
            return GateResult(
                gate: "resolution", verdict: .fail,
                message: "source \(size) is below \(resolutionFailBelow.long)x\(resolutionFailBelow.short): too small to show damage")
        }
        if long < resolutionWarnBelow.long || short < resolutionWarnBelow.short {
            return GateResult(
                gate: "resolution", verdict: .warn, message: "source \(size) is below \(resolutionWarnBelow.long)x\(resolutionWarnBelow.short)")
        }
        return GateResult(gate: "resolution", verdict: .ok, message: "source \(size)")
    }

    /// A number with a fixed count of decimals, no locale.
    static func format(_ value: Double, digits: Int) -> String {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let rounded = (value * scale).rounded() / scale
        if digits == 0 { return String(Int(rounded)) }
        let whole = Int(rounded.magnitude)
        let fraction = Int(((rounded.magnitude - Double(whole)) * scale).rounded())
        let fractionText = String(fraction)
        return (rounded < 0 ? "-" : "") + "\(whole)." + String(repeating: "0", count: max(0, digits - fractionText.count)) + fractionText
    }

    /// `12%`, `0.5%`.
    static func percent(_ fraction: Double) -> String {
        let value = fraction * 100
        return value < 1 && value > 0 ? "\(format(value, digits: 1))%" : "\(format(value, digits: 0))%"
    }
}
