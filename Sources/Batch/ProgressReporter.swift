import Foundation

/// Reports batch progress on stderr: a redrawn bar on a terminal (cars done/total, photos/s, ETA, failures), a plain
/// line every few seconds otherwise, nothing when quiet.
package actor ProgressReporter {
    /// How to report.
    package enum Mode: Sendable {
        case bar
        case lines
        case quiet
    }

    private let mode: Mode
    private let total: Int
    private let start = ContinuousClock.now
    private var lastDraw = ContinuousClock.now - .seconds(10)
    private var done = 0
    private var failed = 0
    private var photos = 0

    /// Creates a reporter for `total` cars; `mode` nil picks a bar when stderr is a terminal (and TERM is not dumb).
    package init(total: Int, mode: Mode? = nil) {
        self.total = total
        if let mode {
            self.mode = mode
        } else {
            let env = ProcessInfo.processInfo.environment
            self.mode = isatty(STDERR_FILENO) != 0 && env["TERM"] != "dumb" && env["CI"] == nil ? .bar : .lines
        }
    }

    /// One car finished.
    package func finished(photos count: Int, failed isFailure: Bool) {
        done += 1
        photos += count
        if isFailure { failed += 1 }
        let now = ContinuousClock.now
        let interval: Duration = mode == .bar ? .milliseconds(100) : .seconds(5)
        if now - lastDraw >= interval || done == total {
            lastDraw = now
            draw(final: done == total)
        }
    }

    private func draw(final: Bool) {
        guard mode != .quiet else { return }
        let elapsed = max(
            0.001, Double((ContinuousClock.now - start).components.seconds) + Double((ContinuousClock.now - start).components.attoseconds) / 1e18)
        let rate = Double(photos) / elapsed
        let eta = done > 0 ? elapsed / Double(done) * Double(total - done) : 0
        let text = "cars \(done)/\(total) · \(String(format: "%.1f", rate)) photos/s · ETA \(Int(eta.rounded())) s · failed \(failed)"
        switch mode {
        case .bar:
            let width = 24
            let filled = total > 0 ? width * done / total : width
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
            FileHandle.standardError.write(Data("\r\u{1B}[2K\(bar) \(text)\(final ? "\n" : "")".utf8))
        case .lines:
            FileHandle.standardError.write(Data("batch: \(text)\n".utf8))
        case .quiet:
            break
        }
    }
}
