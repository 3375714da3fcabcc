import ArgumentParser
import Foundation
import Inspection

/// `--now` (hidden): a fixed clock for reproducible output, for the commands that stamp what they store.
struct ClockOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Fixed 'now' (ISO 8601 with zone) for reproducible output.", visibility: .hidden))
    var now: String?

    /// The current time in UTC as `YYYY-MM-DDTHH:MM:SSZ`, or the injected `--now` / `$INSPECT_NOW`.
    func currentTime() throws -> String {
        if let fixed = now ?? Defaults.environment("INSPECT_NOW") {
            guard case let .success(timestamp) = Timestamp.parse(fixed) else {
                throw ValidationError("--now must be an ISO 8601 time with a zone, e.g. 2026-11-20T09:30:00+08:00")
            }
            return timestamp.utcText
        }
        return Timestamp(epochSeconds: Int64(Date().timeIntervalSince1970)).utcText
    }
}
