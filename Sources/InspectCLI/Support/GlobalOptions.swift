import ArgumentParser
import Foundation
import Inspection

/// Options shared by the commands: where the database and the checklist templates are, and the clock.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "SQLite database (default: $INSPECT_DB, else ./inspect.db).")
    var db: String?

    @Option(name: .long, help: "Folder of checklist templates (default: $INSPECT_CHECKLISTS, else ./checklists, else the one shipped with inspect).")
    var checklists: String?

    @Option(name: .long, help: ArgumentHelp("Fixed 'now' (ISO 8601 with zone) for reproducible output.", visibility: .hidden))
    var now: String?

    /// The database path to use.
    var databasePath: String {
        db ?? ProcessInfo.processInfo.environment["INSPECT_DB"].flatMap { $0.isEmpty ? nil : $0 } ?? "inspect.db"
    }

    /// The template catalog: explicit folder, environment, ./checklists, then a `checklists` folder above the executable.
    func catalog() -> TemplateCatalog {
        if let checklists { return TemplateCatalog(folders: [URL(filePath: checklists)]) }
        if let env = ProcessInfo.processInfo.environment["INSPECT_CHECKLISTS"], !env.isEmpty {
            return TemplateCatalog(folders: [URL(filePath: env)])
        }
        var folders: [URL] = []
        let local = URL(filePath: FileManager.default.currentDirectoryPath).appending(path: "checklists")
        if FileManager.default.fileExists(atPath: local.path) { folders.append(local) }
        if let executable = Bundle.main.executableURL?.resolvingSymlinksInPath() {
            var folder = executable.deletingLastPathComponent()
            for _ in 0..<6 {
                let candidate = folder.appending(path: "checklists")
                if FileManager.default.fileExists(atPath: candidate.appending(path: "gbt30323-2013.yaml").path) {
                    if !folders.contains(candidate) { folders.append(candidate) }
                    break
                }
                folder = folder.deletingLastPathComponent()
            }
        }
        return TemplateCatalog(folders: folders)
    }

    /// The current time in UTC as `YYYY-MM-DDTHH:MM:SSZ`, or the injected `--now` / `$INSPECT_NOW`.
    func currentTime() throws -> String {
        if let fixed = now ?? ProcessInfo.processInfo.environment["INSPECT_NOW"].flatMap({ $0.isEmpty ? nil : $0 }) {
            guard case let .success(timestamp) = Timestamp.parse(fixed) else {
                throw ValidationError("--now must be an ISO 8601 time with a zone, e.g. 2026-11-20T09:30:00+08:00")
            }
            return timestamp.utcText
        }
        let seconds = Int64(Date().timeIntervalSince1970)
        return Timestamp(epochSeconds: seconds).utcText
    }
}
