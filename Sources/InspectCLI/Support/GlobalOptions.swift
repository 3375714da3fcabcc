import ArgumentParser
import Foundation
import ImageOps
import Inspection
import Store

/// Options shared by the commands: where the database and the checklist templates are, and the clock.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "SQLite database (default: $INSPECT_DB, else ./inspect.db).")
    var db: String?

    @Option(name: .long, help: "Folder of checklist templates (default: $INSPECT_CHECKLISTS, else ./checklists, else the one shipped with inspect).")
    var checklists: String?

    @Option(
        name: .long, help: "Photo policy file (default: $INSPECT_PHOTO_POLICY, else ./config/photo-policy.yaml, else the one shipped with inspect).")
    var photoPolicy: String?

    @Option(
        name: .long,
        help: "Mileage policy file (default: $INSPECT_MILEAGE_POLICY, else ./config/mileage-policy.yaml, else the one shipped with inspect).")
    var mileagePolicy: String?

    @Option(name: .long, help: ArgumentHelp("Fixed 'now' (ISO 8601 with zone) for reproducible output.", visibility: .hidden))
    var now: String?

    /// The database path to use.
    var databasePath: String {
        db ?? Self.environment("INSPECT_DB") ?? "inspect.db"
    }

    /// The template catalog: explicit folder, environment, ./checklists, then a `checklists` folder above the executable.
    func catalog() -> TemplateCatalog {
        if let checklists { return TemplateCatalog(folders: [URL(filePath: checklists)]) }
        if let env = Self.environment("INSPECT_CHECKLISTS") { return TemplateCatalog(folders: [URL(filePath: env)]) }
        var folders: [URL] = []
        let local = URL(filePath: FileManager.default.currentDirectoryPath).appending(path: "checklists")
        if FileManager.default.fileExists(atPath: local.path) { folders.append(local) }
        for candidate in Self.shippedCandidates("checklists/gbt30323-2013.yaml") {
            let folder = candidate.deletingLastPathComponent()
            if !folders.contains(folder) { folders.append(folder) }
        }
        return TemplateCatalog(folders: folders)
    }

    /// The photo policy: explicit file, environment, ./config/photo-policy.yaml, then the one above the executable.
    func policy() throws -> PhotoPolicy {
        let path = photoPolicy ?? Self.environment("INSPECT_PHOTO_POLICY") ?? Self.shippedCandidates("config/photo-policy.yaml").first?.path
        guard let path else { throw CLIFailure.invalid("no photo policy found; pass --photo-policy or set INSPECT_PHOTO_POLICY") }
        do { return try PhotoPolicyLoader.load(from: URL(filePath: path)) } catch { throw CLIFailure.invalid(error.description) }
    }

    /// The mileage policy: explicit file, environment, ./config/mileage-policy.yaml, then the one above the executable.
    func mileage() throws -> MileagePolicy {
        let path = mileagePolicy ?? Self.environment("INSPECT_MILEAGE_POLICY") ?? Self.shippedCandidates("config/mileage-policy.yaml").first?.path
        guard let path else { throw CLIFailure.invalid("no mileage policy found; pass --mileage-policy or set INSPECT_MILEAGE_POLICY") }
        do { return try MileagePolicyLoader.load(from: URL(filePath: path)) } catch { throw CLIFailure.invalid(error.description) }
    }

    /// Opens the database, which must already exist (commands that only read never create one).
    func existingStore() throws -> InspectionStore {
        guard FileManager.default.fileExists(atPath: databasePath) else {
            throw CLIFailure.invalid("no database at \(databasePath); submit an inspection first or pass --db")
        }
        do { return try InspectionStore(path: databasePath) } catch { throw CLIFailure.store(error) }
    }

    private static func environment(_ name: String) -> String? {
        ProcessInfo.processInfo.environment[name].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Existing files at `relative` below the working directory, then the installed copy (`<prefix>/share/inspect/`
    /// beside `<prefix>/bin/inspect`, as `make install` lays it out), then below the folders above the executable
    /// (a build inside the source tree).
    private static func shippedCandidates(_ relative: String) -> [URL] {
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

    /// The current time in UTC as `YYYY-MM-DDTHH:MM:SSZ`, or the injected `--now` / `$INSPECT_NOW`.
    func currentTime() throws -> String {
        if let fixed = now ?? Self.environment("INSPECT_NOW") {
            guard case let .success(timestamp) = Timestamp.parse(fixed) else {
                throw ValidationError("--now must be an ISO 8601 time with a zone, e.g. 2026-11-20T09:30:00+08:00")
            }
            return timestamp.utcText
        }
        let seconds = Int64(Date().timeIntervalSince1970)
        return Timestamp(epochSeconds: seconds).utcText
    }
}
