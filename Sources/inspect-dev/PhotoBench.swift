import ArgumentParser
import Common
import Foundation
import ImageOps

extension InspectDev {
    /// `inspect-dev photo-bench FILE`: per-stage medians of the whole normalisation, in this process.
    struct PhotoBench: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "photo-bench",
            abstract: "Time the normalisation of one photo (median of several runs, per stage, in milliseconds).")

        @Option(name: .long, help: "Photo policy; default config/photo-policy.yaml.")
        var photoPolicy = "config/photo-policy.yaml"

        @Option(name: .long, help: "Timed runs (after one warm-up).")
        var runs: Int = 15

        @Option(name: .long, help: "Also measure throughput: normalise this many copies on 1 worker, then on all cores.")
        var throughput: Int = 0

        @Argument(help: "A photo.")
        var path: String

        func run() throws {
            let policy = try PhotoPolicyLoader.load(from: URL(filePath: photoPolicy))
            let bytes = try PhotoNormaliser(policy: policy).read(fileAt: path)
            let normaliser = PhotoNormaliser(policy: policy)
            _ = try normaliser.normalise(bytes)
            var all: [PhotoTimings] = []
            for _ in 0..<max(1, runs) {
                var timings = PhotoTimings()
                _ = try normaliser.normalise(bytes, timings: &timings)
                all.append(timings)
            }
            func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
            print("photo \(path) (\(bytes.count) bytes), \(all.count) runs, medians:")
            for (index, stage) in all[0].stages.enumerated() {
                let value = median(all.map { $0.stages[index].duration.milliseconds })
                print("  \(stage.name.padding(toLength: 28, withPad: " ", startingAt: 0)) \(String(format: "%7.1f", value)) ms")
            }
            let totals = all.map { $0.total.milliseconds }
            print(
                "  \("total".padding(toLength: 28, withPad: " ", startingAt: 0)) \(String(format: "%7.1f", median(totals))) ms (min \(String(format: "%.1f", totals.min() ?? 0)), max \(String(format: "%.1f", totals.max() ?? 0)))"
            )
            guard throughput > 0 else { return }
            let file = PhotoSource(name: path, url: URL(filePath: path))
            for workers in Set([1, ProcessInfo.processInfo.activeProcessorCount]).sorted() {
                let files = Dictionary(uniqueKeysWithValues: (0..<throughput).map { ("copy\($0)", file) })
                let start = ContinuousClock.now
                let results = PhotoBatch(policy: policy, concurrency: workers).normalise(files)
                let seconds = (ContinuousClock.now - start).milliseconds / 1000
                let failures = results.values.filter { if case .failure = $0 { true } else { false } }.count
                print(
                    "  throughput, \(workers) worker(s): \(throughput) photos in \(String(format: "%.2f", seconds)) s = \(String(format: "%.1f", Double(throughput) / seconds)) photos/s\(failures > 0 ? " (\(failures) failed)" : "")"
                )
            }
        }
    }
}
