/// One problem found in a file: where, which item, what was found and what is allowed.
package struct Diagnostic: Sendable, Hashable, Codable {
    /// Errors make a file invalid; warnings are reported but do not fail.
    package enum Severity: String, Sendable, Hashable, Codable {
        case error
        case warning
    }

    /// Error or warning.
    package var severity: Severity
    /// The file as the user named it.
    package var file: String
    /// Line and column, when the problem has a place in the file.
    package var location: SourceLocation?
    /// The item concerned, e.g. `defect "14HX2"`; nil for file-level problems.
    package var item: String?
    /// What is wrong and what is allowed.
    package var message: String

    /// Creates a diagnostic.
    package init(_ severity: Severity, file: String, at location: SourceLocation?, item: String?, _ message: String) {
        self.severity = severity
        self.file = file
        self.location = location
        self.item = item
        self.message = message
    }

    /// `appraisal.yaml:23:11: defect "14HX2": unknown defect type ...`; warnings carry `warning:`.
    package var rendered: String {
        var text = file
        if let location { text += ":\(location.line):\(location.column)" }
        text += ": "
        if severity == .warning { text += "warning: " }
        if let item { text += "\(item): " }
        return text + message
    }
}

/// Collects diagnostics for one file while it is read.
package struct DiagnosticLog: Sendable {
    /// The file as the user named it.
    package let file: String
    /// Everything found so far, in the order found.
    package private(set) var all: [Diagnostic] = []

    /// Creates an empty log for `file`.
    package init(file: String) { self.file = file }

    /// Records an error.
    package mutating func error(_ message: String, at location: SourceLocation?, item: String? = nil) {
        all.append(Diagnostic(.error, file: file, at: location, item: item, message))
    }

    /// Records a warning.
    package mutating func warning(_ message: String, at location: SourceLocation?, item: String? = nil) {
        all.append(Diagnostic(.warning, file: file, at: location, item: item, message))
    }

    /// True when at least one error was recorded.
    package var hasErrors: Bool { all.contains { $0.severity == .error } }

    /// Diagnostics sorted by position (file-level ones first), stable for equal positions.
    package var sorted: [Diagnostic] {
        all.enumerated().sorted { lhs, rhs in
            let l = lhs.element.location.map { ($0.line, $0.column) } ?? (0, 0)
            let r = rhs.element.location.map { ($0.line, $0.column) } ?? (0, 0)
            return l != r ? l < r : lhs.offset < rhs.offset
        }.map(\.element)
    }
}
