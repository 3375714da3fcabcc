import Foundation

/// A fresh folder under the system temporary directory, removed when the value is released.
package final class TemporaryFolder: Sendable {
    /// The folder.
    package let url: URL

    /// Creates an empty folder.
    package init() {
        url = FileManager.default.temporaryDirectory.appending(path: "inspect-tests-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// Writes `text` to `name` (creating folders) and returns its URL.
    @discardableResult
    package func write(_ text: String, to name: String) throws -> URL {
        try write(Data(text.utf8), to: name)
    }

    /// Writes `data` to `name` (creating folders) and returns its URL.
    @discardableResult
    package func write(_ data: Data, to name: String) throws -> URL {
        let file = url.appending(path: name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: file)
        return file
    }
}
