import ArgumentParser
import Common
import Foundation
import ImageOps
import Inspection

extension InspectCommand {
    /// `inspect photos ...`: the photo pipeline outside a submission.
    struct Photos: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check, normalise or benchmark photos outside a submission.",
            subcommands: [Check.self, Normalise.self])
    }
}

extension InspectCommand.Photos {
    /// Every JPEG/PNG named, with folders expanded (sorted, not recursive).
    static func expand(_ paths: [String]) throws -> [String] {
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw CLIFailure.invalid("\(path): no such file or folder")
            }
            if isDirectory.boolValue {
                let names = try FileManager.default.contentsOfDirectory(atPath: path).sorted()
                files += names.filter { ["jpg", "jpeg", "png"].contains(URL(filePath: $0).pathExtension.lowercased()) }
                    .map { URL(filePath: path).appending(path: $0).path }
            } else {
                files.append(path)
            }
        }
        return files
    }

    /// `inspect photos check DIR|FILE...`
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Decode photos and report quality gates and hashes; store nothing.",
            discussion: "Exit status 1 when a photo cannot be decoded or fails a gate.")

        @OptionGroup var photoOptions: PhotoPolicyOptions

        @Option(name: .long, help: "Output: text or json.")
        var format: ReportPrinter.Format = .text

        @Argument(help: "Photos, or folders of photos.")
        var paths: [String]

        func run() throws {
            let policy = try photoOptions.policy()
            let normaliser = PhotoNormaliser(policy: policy)
            var entries: [PhotoCheckEntry] = []
            for path in try InspectCommand.Photos.expand(paths) {
                do {
                    entries.append(
                        PhotoCheckEntry(file: path, photo: try normaliser.normalise(fileAt: path), error: nil))
                } catch {
                    entries.append(PhotoCheckEntry(file: path, photo: nil, error: error.description))
                }
            }
            switch format {
            case .text: for entry in entries { print(entry.text) }
            case .json: try PhotoCheckEntry.printJSON(entries)
            }
            if entries.contains(where: { $0.photo == nil || $0.photo?.quality.verdict == .fail }) {
                throw ExitCode(ExitStatus.invalidInput.rawValue)
            }
        }
    }

    /// `inspect photos normalise IN... --out DIR`
    struct Normalise: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write upright, resized, metadata-free copies (<name>.jpg and <name>.thumb.jpg) into a folder.")

        @OptionGroup var photoOptions: PhotoPolicyOptions

        @Option(name: .long, help: "Output folder (created if missing).")
        var out: String

        @Argument(help: "Photos, or folders of photos.")
        var paths: [String]

        func run() throws {
            let policy = try photoOptions.policy()
            let normaliser = PhotoNormaliser(policy: policy)
            let folder = URL(filePath: out)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            var failed = 0
            for path in try InspectCommand.Photos.expand(paths) {
                let stem = URL(filePath: path).deletingPathExtension().lastPathComponent
                do {
                    let photo = try normaliser.normalise(fileAt: path)
                    try Data(photo.jpeg).write(to: folder.appending(path: "\(stem).jpg"), options: .atomic)
                    try Data(photo.thumbnailJPEG).write(to: folder.appending(path: "\(stem).thumb.jpg"), options: .atomic)
                    print("\(path): \(photo.width)x\(photo.height) -> \(folder.appending(path: "\(stem).jpg").path)")
                } catch let error as ImageError {
                    ReportPrinter.stderr("\(path): \(error)\n")
                    failed += 1
                }
            }
            if failed > 0 { throw ExitCode(ExitStatus.invalidInput.rawValue) }
        }
    }
}
