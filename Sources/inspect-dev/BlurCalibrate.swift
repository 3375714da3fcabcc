import ArgumentParser
import Foundation
import ImageOps
import InspectDevTools

extension InspectDev {
    /// `inspect-dev blur-calibration PHOTO|FOLDER...`: the blur gate on real photos and their blurred copies.
    struct BlurCalibrate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "blur-calibration",
            abstract: "Measure the focus of photos and of copies blurred with a Gaussian of 2.5 px at the analysis size, with the gate's verdicts.")

        @Option(name: .long, help: "Photo policy; default config/photo-policy.yaml.")
        var photoPolicy = "config/photo-policy.yaml"

        @Argument(help: "Photos, or folders of photos (.jpg, .jpeg, .png).")
        var paths: [String]

        func run() throws {
            let policy = try PhotoPolicyLoader.load(from: URL(filePath: photoPolicy))
            var files: [String] = []
            for path in paths {
                var folder: ObjCBool = false
                if FileManager.default.fileExists(atPath: path, isDirectory: &folder), folder.boolValue {
                    let names = try FileManager.default.contentsOfDirectory(atPath: path).sorted()
                    files += names.filter { ["jpg", "jpeg", "png"].contains(URL(filePath: $0).pathExtension.lowercased()) }.map { "\(path)/\($0)" }
                } else {
                    files.append(path)
                }
            }
            var rows: [BlurCalibration.Row] = []
            for file in files {
                do { rows.append(try BlurCalibration.measure(fileAt: file, policy: policy)) } catch {
                    FileHandle.standardError.write(Data("\(file): \(error)\n".utf8))
                }
            }
            print(BlurCalibration.table(rows), terminator: "")
        }
    }
}
