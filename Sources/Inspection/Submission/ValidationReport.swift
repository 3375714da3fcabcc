import Common

/// The outcome of validating one submission file.
package struct ValidationReport: Sendable {
    /// The file as the user named it.
    package var file: String
    /// Every problem found, sorted by position.
    package var diagnostics: [Diagnostic]
    /// The validated submission, when there were no errors.
    package var validated: ValidatedSubmission?

    /// True when no error was found (warnings allowed).
    package var isValid: Bool { validated != nil }
    /// The errors.
    package var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    /// The warnings.
    package var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
}
