/// How a reading came into the ledger.
package enum ReadingSource: String, Sendable, Hashable, Codable, CustomStringConvertible {
    /// From a stored submission.
    case submission
    /// Recorded by hand (`mileage record`).
    case manual

    package var description: String { rawValue }
}
