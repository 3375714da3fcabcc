import Common
import Foundation

/// Finds checklist templates by id in a list of folders (first match wins) and caches what it loaded.
package final class TemplateCatalog: Sendable {
    /// The folders searched, in order.
    package let folders: [URL]
    private let cache = Locked<[String: ChecklistTemplate]>([:])

    /// Creates a catalog over `folders`.
    package init(folders: [URL]) { self.folders = folders }

    /// True when `id` can name a template file: lower-case letters, digits, `.`, `-`, `_`, no path separators.
    package static func isWellFormed(id: String) -> Bool {
        guard let first = id.first, first.isASCII, first.isLetter || first.isNumber, id.count <= 64 else { return false }
        return id.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isASCIIDigit || "-_.".contains($0)) } && !id.contains("..")
    }

    /// The template with this id, loaded and validated.
    package func template(id: String) throws(TemplateError) -> ChecklistTemplate {
        if let cached = cache.withLock({ $0[id] }) { return cached }
        guard Self.isWellFormed(id: id) else { throw .notFound(id: id, searched: folders.map(\.path)) }
        for folder in folders {
            for ext in ["yaml", "yml", "json"] {
                let url = folder.appending(path: "\(id).\(ext)")
                if FileManager.default.fileExists(atPath: url.path) {
                    let template = try TemplateLoader.load(from: url)
                    cache.withLock { $0[id] = template }
                    return template
                }
            }
        }
        throw .notFound(id: id, searched: folders.map(\.path))
    }

    /// Every template id found in the folders, sorted.
    package func availableIDs() -> [String] {
        var ids = Set<String>()
        for folder in folders {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            for name in names where name.hasSuffix(".yaml") || name.hasSuffix(".yml") || name.hasSuffix(".json") {
                ids.insert(String(name[..<(name.lastIndex(of: ".") ?? name.endIndex)]))
            }
        }
        return ids.sorted()
    }
}
