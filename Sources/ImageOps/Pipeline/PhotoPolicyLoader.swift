import Common
import Foundation

/// Reads `photo-policy/1` files strictly (unknown keys, wrong types and inconsistent thresholds are errors).
package enum PhotoPolicyLoader {
    /// The format line.
    package static let format = "photo-policy/1"

    /// Why a policy file cannot be used.
    package struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        /// Every problem, with file, line and column.
        package var problems: [Diagnostic]
        package var description: String {
            "photo policy is broken:\n" + problems.map { "  " + $0.rendered }.joined(separator: "\n")
        }
    }

    /// Loads the policy at `url`.
    package static func load(from url: URL) throws(Failure) -> PhotoPolicy {
        let bytes: [UInt8]
        do { bytes = Array(try Data(contentsOf: url)) } catch {
            throw Failure(problems: [Diagnostic(.error, file: url.path, at: nil, item: nil, "cannot be read: \(error.localizedDescription)")])
        }
        return try parse(bytes, path: url.path)
    }

    /// Parses policy bytes.
    package static func parse(_ bytes: [UInt8], path: String) throws(Failure) -> PhotoPolicy {
        var log = DiagnosticLog(file: path)
        guard let root = YAMLLoader.load(bytes, syntax: .forPath(path), limits: .template, what: "photo policy", log: &log) else {
            throw Failure(problems: log.sorted)
        }
        var reader = Reader(log: log)
        let policy = reader.policy(root)
        guard let policy, !reader.log.hasErrors else { throw Failure(problems: reader.log.sorted) }
        return policy
    }

    private struct Reader {
        typealias Pairs = [(key: String, keyAt: SourceLocation, value: YAMLValue)]
        var log: DiagnosticLog

        mutating func section(_ pairs: Pairs, _ key: String, at: SourceLocation, allowed: [String]) -> Pairs {
            guard let value = log.require(key, in: pairs, at: at, item: nil), let inner = log.mapping(value, item: key) else { return [] }
            log.rejectUnknownKeys(inner, allowed: allowed, item: key)
            return inner
        }

        mutating func int(_ pairs: Pairs, _ key: String, in item: String, at: SourceLocation, range: ClosedRange<Int>) -> Int {
            guard let value = log.require(key, in: pairs, at: at, item: item), let number = log.integer(value, item: item, field: key) else {
                return range.lowerBound
            }
            if !range.contains(number) {
                log.error("\(key) \(number) is out of range (\(range.lowerBound)-\(range.upperBound))", at: value.location, item: item)
            }
            return number
        }

        mutating func double(_ pairs: Pairs, _ key: String, in item: String, at: SourceLocation, range: ClosedRange<Double>) -> Double {
            guard let value = log.require(key, in: pairs, at: at, item: item), let number = log.number(value, item: item, field: key) else {
                return 0
            }
            if !range.contains(number) {
                log.error("\(key) \(number) is out of range (\(range.lowerBound)-\(range.upperBound))", at: value.location, item: item)
            }
            return number
        }

        mutating func edges(_ pairs: Pairs, _ key: String, in item: String, at: SourceLocation) -> PhotoPolicy.EdgeSize {
            guard let value = log.require(key, in: pairs, at: at, item: item), let inner = log.mapping(value, item: "\(item).\(key)") else {
                return .init(long: 0, short: 0)
            }
            log.rejectUnknownKeys(inner, allowed: ["long", "short"], item: "\(item).\(key)")
            let long = int(inner, "long", in: "\(item).\(key)", at: value.location, range: 1...100_000)
            let short = int(inner, "short", in: "\(item).\(key)", at: value.location, range: 1...100_000)
            if short > long { log.error("short edge \(short) is longer than long edge \(long)", at: value.location, item: "\(item).\(key)") }
            return .init(long: long, short: short)
        }

        mutating func policy(_ root: YAMLValue) -> PhotoPolicy? {
            guard let top = log.mapping(root, item: nil) else { return nil }
            let at = root.location
            log.rejectUnknownKeys(top, allowed: ["format", "output", "limits", "gates", "required_angle_failure", "reuse"], item: nil)
            if let value = log.require("format", in: top, at: at, item: nil), let format = log.text(value, item: nil, field: "format"),
                format != PhotoPolicyLoader.format
            {
                log.error("format \"\(format)\" is not supported (expected \(PhotoPolicyLoader.format))", at: value.location)
            }
            let output = section(
                top, "output", at: at, allowed: ["long_edge", "thumbnail_long_edge", "analysis_long_edge", "jpeg_quality", "progressive"])
            let limits = section(top, "limits", at: at, allowed: ["max_file_bytes", "max_pixels", "max_decoder_memory", "max_scans", "max_warnings"])
            let gates = section(top, "gates", at: at, allowed: ["blur", "exposure", "resolution"])
            let blur = section(gates, "blur", at: at, allowed: ["fail_below", "warn_below"])
            let exposure = section(
                gates, "exposure", at: at,
                allowed: [
                    "fail_mean_below", "warn_mean_below", "warn_mean_above", "fail_mean_above", "warn_dark_fraction_above",
                    "fail_dark_fraction_above", "warn_bright_fraction_above", "fail_bright_fraction_above",
                ])
            let resolution = section(gates, "resolution", at: at, allowed: ["warn_below", "fail_below"])
            let reuse = section(top, "reuse", at: at, allowed: ["same_photo_max_distance", "review_max_distance"])

            var progressive = false
            if let value = output.first(where: { $0.key == "progressive" })?.value {
                if let flag = value.plainBool {
                    progressive = flag
                } else {
                    log.error("progressive must be true or false, found \(value.kindName)", at: value.location, item: "output")
                }
            }
            let failure = log.require("required_angle_failure", in: top, at: at, item: nil).flatMap {
                log.choice($0, allowed: ["error", "warning"], item: nil, field: "required_angle_failure")
            }
            let policy = PhotoPolicy(
                longEdge: int(output, "long_edge", in: "output", at: at, range: 64...16_384),
                thumbnailLongEdge: int(output, "thumbnail_long_edge", in: "output", at: at, range: 16...4096),
                analysisLongEdge: int(output, "analysis_long_edge", in: "output", at: at, range: 64...8192),
                jpegQuality: int(output, "jpeg_quality", in: "output", at: at, range: 1...100), progressive: progressive,
                limits: DecodeLimits(
                    maxFileBytes: int(limits, "max_file_bytes", in: "limits", at: at, range: 1024...(1 << 34)),
                    maxPixels: int(limits, "max_pixels", in: "limits", at: at, range: 1...1_000_000_000),
                    maxDecoderMemory: int(limits, "max_decoder_memory", in: "limits", at: at, range: (1 << 20)...(1 << 34)),
                    maxScans: int(limits, "max_scans", in: "limits", at: at, range: 1...10_000),
                    maxWarnings: int(limits, "max_warnings", in: "limits", at: at, range: 1...1_000_000)),
                blurFailBelow: double(blur, "fail_below", in: "blur", at: at, range: 0...1_000_000),
                blurWarnBelow: double(blur, "warn_below", in: "blur", at: at, range: 0...1_000_000),
                exposure: .init(
                    failMeanBelow: double(exposure, "fail_mean_below", in: "exposure", at: at, range: 0...1),
                    warnMeanBelow: double(exposure, "warn_mean_below", in: "exposure", at: at, range: 0...1),
                    warnMeanAbove: double(exposure, "warn_mean_above", in: "exposure", at: at, range: 0...1),
                    failMeanAbove: double(exposure, "fail_mean_above", in: "exposure", at: at, range: 0...1),
                    warnDarkAbove: double(exposure, "warn_dark_fraction_above", in: "exposure", at: at, range: 0...1),
                    failDarkAbove: double(exposure, "fail_dark_fraction_above", in: "exposure", at: at, range: 0...1),
                    warnBrightAbove: double(exposure, "warn_bright_fraction_above", in: "exposure", at: at, range: 0...1),
                    failBrightAbove: double(exposure, "fail_bright_fraction_above", in: "exposure", at: at, range: 0...1)),
                resolutionWarnBelow: edges(resolution, "warn_below", in: "resolution", at: at),
                resolutionFailBelow: edges(resolution, "fail_below", in: "resolution", at: at),
                requiredAngleFailureIsError: failure == "error",
                samePhotoMaxDistance: int(reuse, "same_photo_max_distance", in: "reuse", at: at, range: 0...256),
                reviewMaxDistance: int(reuse, "review_max_distance", in: "reuse", at: at, range: 0...256))
            if policy.blurFailBelow > policy.blurWarnBelow { log.error("fail_below must not exceed warn_below", at: at, item: "blur") }
            let e = policy.exposure
            if !(e.failMeanBelow <= e.warnMeanBelow && e.warnMeanBelow < e.warnMeanAbove && e.warnMeanAbove <= e.failMeanAbove) {
                log.error(
                    "mean thresholds must rise: fail_mean_below <= warn_mean_below < warn_mean_above <= fail_mean_above", at: at, item: "exposure")
            }
            if policy.samePhotoMaxDistance > policy.reviewMaxDistance {
                log.error("same_photo_max_distance must not exceed review_max_distance", at: at, item: "reuse")
            }
            return policy
        }
    }
}
