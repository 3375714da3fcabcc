/// The answer to one check item.
package enum CheckResult: String, Sendable, Hashable, Codable, CaseIterable {
    /// Passed.
    case ok
    /// A minor fault.
    case minor
    /// A major fault.
    case major
    /// Not applicable to this car (e.g. no sunroof).
    case na

    /// Every spelling, for messages.
    package static let allNames = allCases.map(\.rawValue)
}
