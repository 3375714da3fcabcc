/// The verdict of one quality gate.
package enum Verdict: String, Sendable, Hashable, Codable, Comparable {
    case ok
    case warn
    case fail

    private var rank: Int {
        switch self {
        case .ok: 0
        case .warn: 1
        case .fail: 2
        }
    }

    package static func < (lhs: Verdict, rhs: Verdict) -> Bool { lhs.rank < rhs.rank }
}

/// One gate's value, verdict and a sentence a person can act on.
package struct GateResult: Sendable, Hashable, Codable {
    /// `blur`, `exposure` or `resolution`.
    package var gate: String
    /// ok / warn / fail.
    package var verdict: Verdict
    /// What was measured and which threshold decided, e.g. "too dark: mean luma 0.08 (fail below 0.12)".
    package var message: String

    /// The one wording of a gate's result everywhere it is shown: `exposure fail: too dark: …`.
    package var summary: String { "\(gate) \(verdict.rawValue): \(message)" }
}

/// All gates of one photo.
package struct QualityReport: Sendable, Hashable, Codable {
    /// The measurements.
    package var metrics: QualityMetrics
    /// Upright source size.
    package var sourceWidth: Int
    /// See ``sourceWidth``.
    package var sourceHeight: Int
    /// Blur, exposure and resolution, in that order.
    package var gates: [GateResult]

    /// The worst verdict.
    package var verdict: Verdict { gates.map(\.verdict).max() ?? .ok }

    /// The gates that did not pass, each as its ``GateResult/summary``.
    package var problemList: [String] { gates.filter { $0.verdict != .ok }.map(\.summary) }

    /// The gates that did not pass, as one line.
    package var problems: String { problemList.joined(separator: "; ") }
}
