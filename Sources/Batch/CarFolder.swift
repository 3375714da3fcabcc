import Common
import Foundation
import Inspection

/// One car's folder of a day: its submissions and a cheap fingerprint of everything in it.
package struct CarFolder: Sendable, Hashable {
    /// The folder's name (usually the VIN).
    package var name: String
    /// The folder.
    package var url: URL

    /// Submission files present, in stage order.
    package var submissions: [(stage: Stage, url: URL)] {
        Stage.allCases.compactMap { stage in
            for ext in ["yaml", "yml", "json"] {
                let file = url.appending(path: "\(stage.rawValue).\(ext)")
                if FileManager.default.fileExists(atPath: file.path) { return (stage, file) }
            }
            return nil
        }
    }

    package static func == (lhs: CarFolder, rhs: CarFolder) -> Bool { lhs.url == rhs.url }
    package func hash(into hasher: inout Hasher) { hasher.combine(url) }

    /// The car folders of a day folder, sorted by name (hidden folders skipped).
    package static func list(day: URL) throws -> [CarFolder] {
        let names = try FileManager.default.contentsOfDirectory(atPath: day.path).filter { !$0.hasPrefix(".") }.sorted()
        return names.compactMap { name in
            var isDirectory: ObjCBool = false
            let url = day.appending(path: name)
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue else { return nil }
            return CarFolder(name: name, url: url)
        }
    }

    /// SHA-256 over every file's relative path, size and modification time (no contents are read): an unchanged
    /// folder is recognised in microseconds, a touched or replaced file is not.
    package func fingerprint() -> String {
        var entries: [String] = []
        let base = url.standardizedFileURL.path
        if let walker = FileManager.default.enumerator(atPath: url.path) {
            while let relative = walker.nextObject() as? String {
                var info = stat()
                guard stat(base + "/" + relative, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { continue }
                entries.append("\(relative)\t\(info.st_size)\t\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)")
                if entries.count > 10_000 { break }
            }
        }
        return SHA256.hex(of: Array(entries.sorted().joined(separator: "\n").utf8))
    }
}
