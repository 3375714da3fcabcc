import Common
import Foundation

/// Resolves photo paths written in a submission to files inside the submission's folder.
///
/// Rejects absolute paths, `..` that leaves the folder, symlinks (anywhere on the path) that point out of it,
/// missing files, directories and other non-files, and files over ``maxBytes``. Each file is hashed once.
package struct PhotoPathResolver {
    /// Largest photo accepted, in bytes.
    package static let maxBytes = 64 << 20

    /// Why a path was refused.
    package enum Problem: Error, Equatable, CustomStringConvertible {
        case empty
        case absolute
        case escapes
        case symlinkEscapes(String)
        case missing
        case notAFile(String)
        case tooLarge(Int)
        case unreadable(String)

        package var description: String {
            switch self {
            case .empty: "photo path is empty"
            case .absolute: "photo path must be relative to the submission's folder, found an absolute path"
            case .escapes: "photo path leaves the submission's folder (\"..\" is not allowed to go above it)"
            case let .symlinkEscapes(target): "photo path is a symlink that points outside the submission's folder (to \(target))"
            case .missing: "photo file not found"
            case let .notAFile(kind): "photo path is not a file (it is \(kind))"
            case let .tooLarge(size): "photo file is \(size) bytes; photos may be at most \(PhotoPathResolver.maxBytes) bytes"
            case let .unreadable(reason): "photo file cannot be read: \(reason)"
            }
        }
    }

    /// The submission's folder, with symlinks resolved.
    package let folder: URL
    private var cache: [String: Result<PhotoFile, Problem>] = [:]

    /// Creates a resolver for photos of a submission in `folder`.
    package init(folder: URL) {
        self.folder = folder.resolvingSymlinksInPath().standardizedFileURL
    }

    /// The file for `path`, or why it cannot be used.
    package mutating func resolve(_ path: String) -> Result<PhotoFile, Problem> {
        if let cached = cache[path] { return cached }
        let result = lookUp(path)
        cache[path] = result
        return result
    }

    private func lookUp(_ path: String) -> Result<PhotoFile, Problem> {
        if path.trimmingWhitespace.isEmpty { return .failure(.empty) }
        if path.hasPrefix("/") || path.hasPrefix("~") || path.hasPrefix("\\") || (path.count >= 2 && Array(path)[1] == ":") {
            return .failure(.absolute)
        }
        var depth = 0
        for component in path.split(separator: "/", omittingEmptySubsequences: true) {
            if component == ".." { depth -= 1 } else if component != "." { depth += 1 }
            if depth < 0 { return .failure(.escapes) }
        }
        let candidate = folder.appending(path: path).standardizedFileURL
        let real = candidate.resolvingSymlinksInPath().standardizedFileURL
        let base = folder.path.hasSuffix("/") ? folder.path : folder.path + "/"
        var info = stat()
        if lstat(candidate.path, &info) != 0 { return .failure(.missing) }
        guard real.path.hasPrefix(base) else { return .failure(.symlinkEscapes(real.path)) }
        guard stat(real.path, &info) == 0 else { return .failure(.missing) }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: return .failure(.notAFile("a directory"))
        default: return .failure(.notAFile("a special file"))
        }
        if Int(info.st_size) > Self.maxBytes { return .failure(.tooLarge(Int(info.st_size))) }
        guard let handle = FileHandle(forReadingAtPath: real.path) else { return .failure(.unreadable("permission denied")) }
        defer { try? handle.close() }
        var hasher = SHA256()
        var total = 0
        do {
            while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
                total += chunk.count
                if total > Self.maxBytes { return .failure(.tooLarge(total)) }
                hasher.update(Array(chunk))
            }
        } catch {
            return .failure(.unreadable(error.localizedDescription))
        }
        return .success(PhotoFile(relativePath: path, url: real, sha256: hasher.finalizeHex(), byteCount: total))
    }
}
