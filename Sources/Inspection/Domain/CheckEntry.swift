/// One answered check of a submission, e.g. `engine.3: minor`.
package struct CheckEntry: Sendable, Hashable, Codable {
    /// `<section>.<n>`.
    package var id: String
    /// The answer.
    package var result: CheckResult
    /// Free text.
    package var note: String?
    /// The measured value, in the unit the template's check declares (tread depth in mm).
    package var value: Double?

    /// Creates an entry.
    package init(id: String, result: CheckResult, note: String? = nil, value: Double? = nil) {
        self.id = id
        self.result = result
        self.note = note
        self.value = value
    }
}
