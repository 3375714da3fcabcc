import Foundation
import ImageOps

/// The photo files of a store: content-addressed by the SHA-256 of their pixels under `photos/` beside the
/// database (`photos/<first two hex digits>/<pixel sha256>.jpg` and `.thumb.jpg`), written once and atomically.
/// The one owner of that path scheme.
package struct PhotoFileStore: Sendable {
    /// The folder paths are relative to (the database's folder).
    package let root: URL
    /// `<root>/photos`.
    package var folder: URL { root.appending(path: "photos") }

    /// A photo store below `root`.
    package init(root: URL) { self.root = root }

    /// The paths (relative to ``root``) of a normalised photo's image and thumbnail.
    package static func paths(pixelSHA256 hash: String) -> (image: String, thumbnail: String) {
        ("photos/\(hash.prefix(2))/\(hash).jpg", "photos/\(hash.prefix(2))/\(hash).thumb.jpg")
    }

    /// Writes a normalised photo and its thumbnail (each only if not there yet); returns their relative paths and
    /// whether the image was new. `source` names the photo in errors.
    package func write(_ photo: NormalisedPhoto, for source: String) throws(StoreError) -> (image: String, thumbnail: String, new: Bool) {
        let paths = Self.paths(pixelSHA256: photo.pixelSHA256)
        let new = try writeOnce(photo.jpeg, to: paths.image, for: source)
        _ = try writeOnce(photo.thumbnailJPEG, to: paths.thumbnail, for: source)
        return (paths.image, paths.thumbnail, new)
    }

    /// Writes `bytes` to `relative` (below ``root``) unless a file is already there; atomic: written in full to
    /// `photos/.incoming/` first, then renamed into place, so no half-written file ever has a final name and what a
    /// killed process leaves behind is swept by ``sweepIncoming(olderThan:)``. True when written.
    func writeOnce(_ bytes: [UInt8], to relative: String, for source: String) throws(StoreError) -> Bool {
        let destination = root.appending(path: relative)
        if FileManager.default.fileExists(atPath: destination.path) { return false }
        let incoming = folder.appending(path: Self.incomingFolder)
        let temporary = incoming.appending(path: "\(getpid())-\(UUID().uuidString).part")
        do {
            try FileManager.default.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.createDirectory(at: incoming, withIntermediateDirectories: true)
            try Data(bytes).write(to: temporary)
            guard rename(temporary.path, destination.path) == 0 else {
                let reason = String(cString: strerror(errno))
                try? FileManager.default.removeItem(at: temporary)
                throw StoreError.photoCopyFailed(path: source, reason: "cannot move into place: \(reason)")
            }
            return true
        } catch let error as StoreError {
            throw error
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw .photoCopyFailed(path: source, reason: error.localizedDescription)
        }
    }

    /// Where photo files are written before they are renamed into place (inside ``photoFolder``).
    package static let incomingFolder = ".incoming"

    /// Deletes files in `photos/.incoming/` older than `age` seconds: left by a process killed mid-write (a live
    /// writer's files are seconds old). Returns how many were deleted. Runs when the store is opened.
    @discardableResult
    package func sweepIncoming(olderThan age: TimeInterval = 3600) -> Int {
        let incoming = folder.appending(path: Self.incomingFolder)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: incoming.path) else { return 0 }
        let cutoff = Date().addingTimeInterval(-age)
        var deleted = 0
        for name in names {
            let file = incoming.appending(path: name)
            guard let modified = (try? FileManager.default.attributesOfItem(atPath: file.path))?[.modificationDate] as? Date, modified < cutoff
            else { continue }
            if (try? FileManager.default.removeItem(at: file)) != nil { deleted += 1 }
        }
        return deleted
    }
}
