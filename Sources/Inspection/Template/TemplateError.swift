import Common

/// Why a checklist template could not be used.
package enum TemplateError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No `checklists/<id>.yaml` in any searched folder.
    case notFound(id: String, searched: [String])
    /// The file could not be read.
    case unreadable(path: String, reason: String)
    /// The file was read but is not a valid template; every problem is listed.
    case invalid(path: String, problems: [Diagnostic])

    package var description: String {
        switch self {
        case let .notFound(id, searched):
            return "unknown template \"\(id)\": no \(id).yaml in \(searched.isEmpty ? "any checklist folder" : searched.joined(separator: ", "))"
        case let .unreadable(path, reason):
            return "cannot read template \(path): \(reason)"
        case let .invalid(path, problems):
            return "template \(path) is broken:\n" + problems.map { "  " + $0.rendered }.joined(separator: "\n")
        }
    }
}
