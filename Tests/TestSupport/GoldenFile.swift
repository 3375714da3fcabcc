import Foundation
import Testing

/// Compares `actual` with `golden/<name>` byte for byte and records a readable line diff when they differ.
/// `UPDATE_GOLDEN=1` rewrites the file instead and **fails the test** saying what it wrote, so a recording run is
/// never green; a write error fails it too. A missing file fails (nothing is recorded automatically).
package func assertGolden(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let url = Fixtures.repoRoot.appending(path: "golden/\(name)")
    if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
        let previous = try? String(contentsOf: url, encoding: .utf8)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url, options: .atomic)
        } catch {
            Issue.record("UPDATE_GOLDEN=1: could not write golden/\(name): \(error)", sourceLocation: sourceLocation)
            return
        }
        let what = previous == nil ? "created" : previous == actual ? "rewrote (unchanged)" : "rewrote (changed)"
        Issue.record(
            "UPDATE_GOLDEN=1: \(what) golden/\(name) (\(actual.utf8.count) bytes); review it and run again without UPDATE_GOLDEN",
            sourceLocation: sourceLocation)
        return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
        Issue.record("missing golden file golden/\(name); run UPDATE_GOLDEN=1 swift test and review the new file", sourceLocation: sourceLocation)
        return
    }
    guard actual != expected else { return }
    let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
    let diff = new.difference(from: old).map { change -> String in
        switch change {
        case let .insert(offset, line, _): "+\(offset + 1): \(line.prefix(300))"
        case let .remove(offset, line, _): "-\(offset + 1): \(line.prefix(300))"
        }
    }
    Issue.record(
        "golden/\(name) differs (\(diff.count) changed lines; UPDATE_GOLDEN=1 to accept):\n\(diff.prefix(40).joined(separator: "\n"))",
        sourceLocation: sourceLocation)
}
