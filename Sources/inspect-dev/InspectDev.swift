import ArgumentParser

/// `inspect-dev`: the developers' tools (synthetic data for tests and benchmarks). Not installed, not shipped.
@main
struct InspectDev: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect-dev",
        abstract: "Developer tools for inspect: synthetic days and the benchmarks (reuse lookup, photo pipeline, reports).",
        subcommands: [
            GenerateDay.self, BenchIndex.self, PhotoBench.self, ReportBench.self, QuoteBench.self, BlurCalibrate.self, FindBench.self,
            QueueBench.self, StoreBench.self,
        ])
}
