import ImageOps
import Inspection

extension PhotoSource {
    /// The photo file a submission references, to be normalised only while its bytes are the ones validated.
    package init(_ file: PhotoFile) {
        self.init(name: file.relativePath, url: file.url, sha256: file.sha256, byteCount: file.byteCount)
    }
}
