import Common

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
        let value = metrics.focus
        var params: [String: NoticeValue] = ["value": .text(Self.format(value, digits: 0))]
        let verdict: Verdict = value < blurFailBelow ? .fail : value < blurWarnBelow ? .warn : .ok
        if verdict != .ok { params["threshold"] = .text(Self.format(verdict == .fail ? blurFailBelow : blurWarnBelow, digits: 0)) }
        return GateResult(gate: "blur", verdict: verdict, notice: Notice("photo.blur.\(verdict.rawValue)", params, table: PhotoMessages.table))
    }

    private func exposureGate(_ metrics: QualityMetrics) -> GateResult {
        let e = exposure
        let mean = NoticeValue.text(Self.format(metrics.meanLuma, digits: 2))
        var fails: [Notice] = [], warns: [Notice] = []
        func notice(_ code: String, _ params: [String: NoticeValue]) -> Notice {
            Notice("photo.exposure.\(code)", params, table: PhotoMessages.table)
        }
        func luma(_ threshold: Double) -> [String: NoticeValue] { ["mean_luma": mean, "threshold": .text(Self.format(threshold, digits: 2))] }
        func share(_ fraction: Double, _ threshold: Double) -> [String: NoticeValue] {
            ["share": .text(Self.percent(fraction)), "threshold": .text(Self.percent(threshold))]
        }
        if metrics.meanLuma < e.failMeanBelow {
            fails.append(notice("too_dark", luma(e.failMeanBelow)))
        } else if metrics.meanLuma < e.warnMeanBelow {
            warns.append(notice("dark", luma(e.warnMeanBelow)))
        }
        if metrics.meanLuma > e.failMeanAbove {
            fails.append(notice("washed_out", luma(e.failMeanAbove)))
        } else if metrics.meanLuma > e.warnMeanAbove {
            warns.append(notice("bright", luma(e.warnMeanAbove)))
        }
        if metrics.darkFraction > e.failDarkAbove {
            fails.append(notice("black_fail", share(metrics.darkFraction, e.failDarkAbove)))
        } else if metrics.darkFraction > e.warnDarkAbove {
            warns.append(notice("black_warn", share(metrics.darkFraction, e.warnDarkAbove)))
        }
        if metrics.brightFraction > e.failBrightAbove {
            fails.append(notice("blown_fail", share(metrics.brightFraction, e.failBrightAbove)))
        } else if metrics.brightFraction > e.warnBrightAbove {
            warns.append(notice("blown_warn", share(metrics.brightFraction, e.warnBrightAbove)))
        }
        let found = fails + warns
        guard let first = found.first else {
            let params: [String: NoticeValue] = [
                "mean_luma": mean, "black": .text(Self.percent(metrics.darkFraction)), "blown": .text(Self.percent(metrics.brightFraction)),
            ]
            return GateResult(gate: "exposure", verdict: .ok, notice: notice("ok", params))
        }
        // Several findings read as one notice: the first one's code, every wording joined.
        let combined = Notice(
            code: first.code, params: found.reduce(into: [:]) { $0.merge($1.params) { a, _ in a } },
            message: LocalizedText(zh: found.map(\.message.zh).joined(separator: "；"), en: found.map(\.message.en).joined(separator: "; ")))
        return GateResult(gate: "exposure", verdict: fails.isEmpty ? .warn : .fail, notice: combined)
    }

    private func resolutionGate(width: Int, height: Int) -> GateResult {
        let long = max(width, height), short = min(width, height)
        var params: [String: NoticeValue] = ["size": .text("\(width)x\(height)")]
        let verdict: Verdict
        if long < resolutionFailBelow.long || short < resolutionFailBelow.short {
            verdict = .fail
            params["minimum"] = .text("\(resolutionFailBelow.long)x\(resolutionFailBelow.short)")
        } else if long < resolutionWarnBelow.long || short < resolutionWarnBelow.short {
            verdict = .warn
            params["minimum"] = .text("\(resolutionWarnBelow.long)x\(resolutionWarnBelow.short)")
        } else {
            verdict = .ok
        }
        return GateResult(
            gate: "resolution", verdict: verdict, notice: Notice("photo.resolution.\(verdict.rawValue)", params, table: PhotoMessages.table))
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
