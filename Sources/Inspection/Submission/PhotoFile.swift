import Foundation

/// A photo a submission references, found inside the submission's folder and fingerprinted.
package struct PhotoFile: Sendable, Hashable, Codable {
    /// The path as written in the submission.
    package var relativePath: String
    /// The resolved file.
    package var url: URL
    /// SHA-256 of the file's bytes.
    package var sha256: String
    /// Size in bytes.
    package var byteCount: Int

    /// Creates a photo file record.
    package init(relativePath: String, url: URL, sha256: String, byteCount: Int) {
        self.relativePath = relativePath
        self.url = url
        self.sha256 = sha256
        self.byteCount = byteCount
    }

    /// The lower-case file extension (`jpg`, `png`), or `bin` when there is none.
    package var fileExtension: String {
        let ext = url.pathExtension.lowercased()
        return ext.isEmpty || ext.count > 5 ? "bin" : ext
    }
}
