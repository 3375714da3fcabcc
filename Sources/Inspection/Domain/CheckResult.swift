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
    /// Health check: work advised (建议).
    case advise
    /// Health check: work needed now (立即).
    case urgent

    /// Every spelling, for messages.
    package static let allNames = allCases.map(\.rawValue)

    /// The vocabulary of a template that declares none (GB/T 30323): ok, minor, major, na.
    package static let standard: [CheckResult] = [.ok, .minor, .major, .na]

    /// A finding: anything but ok and not applicable.
    package var isFinding: Bool { self != .ok && self != .na }
}
