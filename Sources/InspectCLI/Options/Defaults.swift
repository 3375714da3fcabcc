import Foundation

/// Where the commands look for their inputs when no option names them: the environment, the working folder, then
/// the copies installed beside the binary.
enum Defaults {
    /// A non-empty environment variable.
    static func environment(_ name: String) -> String? {
        ProcessInfo.processInfo.environment[name].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Existing files at `relative` below the working directory, then the installed copy (`<prefix>/share/inspect/`
    /// beside `<prefix>/bin/inspect`, as `make install` lays it out), then below the folders above the executable
    /// (a build inside the source tree).
    static func shippedCandidates(_ relative: String) -> [URL] {
        var found: [URL] = []
        let local = URL(filePath: FileManager.default.currentDirectoryPath).appending(path: relative)
        if FileManager.default.fileExists(atPath: local.path) { found.append(local) }
        guard let binFolder = Bundle.main.executableURL?.resolvingSymlinksInPath().deletingLastPathComponent() else { return found }
        let installed = binFolder.deletingLastPathComponent().appending(path: "share/inspect").appending(path: relative)
        if FileManager.default.fileExists(atPath: installed.path) { return found + [installed] }
        var folder = binFolder
        for _ in 0..<6 {
            let candidate = folder.appending(path: relative)
            if FileManager.default.fileExists(atPath: candidate.path) {
                found.append(candidate)
                break
            }
            folder = folder.deletingLastPathComponent()
        }
        return found
    }
}
