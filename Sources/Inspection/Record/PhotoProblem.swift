import Common

/// A quality gate a stored photo did not pass, as the photo pipeline measured it.
package struct PhotoProblem: Sendable, Hashable, Codable {
    /// `blur`, `exposure` or `resolution`.
    package var gate: String
    /// `warn` or `fail`.
    package var verdict: String
    /// What was measured and which threshold decided, coded and worded in both languages.
    package var notice: Notice

    /// Creates the problem.
    package init(gate: String, verdict: String, notice: Notice) {
        self.gate = gate
        self.verdict = verdict
        self.notice = notice
    }

    /// True for a failing gate (the photo must be retaken).
    package var fails: Bool { verdict == "fail" }
}

/// A gate problem of one photo of an inspection, with what the photo shows: the angle id (or `odometer`, or the
/// defect code) and its label.
package struct PhotoGateProblem: Sendable, Hashable {
    /// `front`, `odometer`, `14HH2`...
    package var angle: String
    /// The angle's name in both languages.
    package var angleLabel: LocalizedText
    /// The gate that did not pass.
    package var gate: PhotoProblem

    /// Creates the problem.
    package init(angle: String, angleLabel: LocalizedText, gate: PhotoProblem) {
        self.angle = angle
        self.angleLabel = angleLabel
        self.gate = gate
    }
}
