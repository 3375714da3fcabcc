import Foundation

/// A photo file to normalise: where it is, the name messages use for it, and the fingerprint it must still have
/// (what was checked before is what gets normalised).
package struct PhotoSource: Sendable, Hashable {
    /// The name used in messages (e.g. the path as written in a submission).
    package var name: String
    /// The file.
    package var url: URL
    /// SHA-256 (hex) the file's bytes must have, or nil to take it as it is.
    package var sha256: String?
    /// The size the file must have, or nil.
    package var byteCount: Int?

    /// Creates a source.
    package init(name: String, url: URL, sha256: String? = nil, byteCount: Int? = nil) {
        self.name = name
        self.url = url
        self.sha256 = sha256
        self.byteCount = byteCount
    }
}
