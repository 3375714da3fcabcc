import Foundation
import FuzzHarness

// Built with `--sanitize=fuzzer` and `-DFUZZING` (scripts/fuzz.sh), this is a libFuzzer target: libFuzzer owns
// `main` and calls `LLVMFuzzerTestOneInput`, and `INSPECT_FUZZ_TARGET` names the target. In a normal build it is a
// replay tool: `inspect-fuzz TARGET FILE...` runs each file through the target once and prints
// `<file name>: <outcome>`, the format of `Tests/FuzzRegressionTests/Inputs/<target>.expected`.

#if FUZZING
    private let target: FuzzTarget = {
        let name = ProcessInfo.processInfo.environment["INSPECT_FUZZ_TARGET"] ?? ""
        guard let target = FuzzTarget(rawValue: name) else {
            fatalError("set INSPECT_FUZZ_TARGET to one of: \(FuzzTarget.allCases.map(\.rawValue).joined(separator: " "))")
        }
        return target
    }()

    @_cdecl("LLVMFuzzerTestOneInput")
    public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
        if case let .broken(why) = target.run(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []) {
            fatalError("invariant broken: \(why)")
        }
        return 0
    }
#else
    @main
    struct FuzzReplay {
        static func main() {
            let arguments = Array(CommandLine.arguments.dropFirst())
            guard let name = arguments.first, let target = FuzzTarget(rawValue: name), arguments.count > 1 else {
                FileHandle.standardError.write(
                    Data("usage: inspect-fuzz \(FuzzTarget.allCases.map(\.rawValue).joined(separator: "|")) FILE...\n".utf8))
                exit(64)
            }
            for path in arguments.dropFirst() {
                guard let data = FileManager.default.contents(atPath: path) else {
                    FileHandle.standardError.write(Data("inspect-fuzz: cannot read \(path)\n".utf8))
                    exit(66)
                }
                let outcome = target.run(Array(data))
                print("\(URL(filePath: path).lastPathComponent): \(outcome)")
                if case .broken = outcome { exit(1) }
            }
        }
    }
#endif
