import Common

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
    /// What was measured and which threshold decided, coded (`photo.exposure.too_dark`, ...) and worded in both
    /// languages, e.g. "too dark to show the paint: mean luma 0.08 (fail below 0.12)".
    package var notice: Notice

    /// Creates a result.
    package init(gate: String, verdict: Verdict, notice: Notice) {
        self.gate = gate
        self.verdict = verdict
        self.notice = notice
    }

    /// The English wording.
    package var message: String { notice.message.en }

    /// The one English wording of a gate's result in terminal output: `exposure fail: too dark: …`.
    package var summary: String { "\(gate) \(verdict.rawValue): \(message)" }

    private enum CodingKeys: String, CodingKey { case gate, verdict, notice, message }

    /// Reads a stored result; rows written before notices existed carry only the English `message`.
    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        gate = try container.decode(String.self, forKey: .gate)
        verdict = try container.decode(Verdict.self, forKey: .verdict)
        if let notice = try container.decodeIfPresent(Notice.self, forKey: .notice) {
            self.notice = notice
        } else {
            let message = try container.decode(String.self, forKey: .message)
            let verdictLabel = PhotoMessages.table.wording("photo.verdict.\(verdict.rawValue)", params: [:], labels: [:])
            let gateLabel = ["blur": "清晰度", "exposure": "曝光", "resolution": "分辨率"][gate] ?? gate
            notice = Notice(
                code: "photo.\(gate).\(verdict.rawValue)", params: [:], message: LocalizedText(zh: "\(gateLabel)\(verdictLabel.zh)", en: message))
        }
    }

    /// Writes the result (with the English message, for readers of older rows).
    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(gate, forKey: .gate)
        try container.encode(verdict, forKey: .verdict)
        try container.encode(notice, forKey: .notice)
        try container.encode(message, forKey: .message)
    }
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
