import Foundation

/// Runs the built `inspect` executable as a child process, the way a user does.
package struct CommandRunner: Sendable {
    /// What a run printed and how it ended.
    package struct Result: Sendable {
        /// Exit status.
        package var status: Int32
        /// Standard output.
        package var stdout: String
        /// Standard error.
        package var stderr: String
    }

    /// The `inspect` binary next to the test bundle (SwiftPM builds it for the test run).
    package static let executable: URL? = {
        var candidates: [URL] = [Bundle.main.bundleURL.appending(path: "inspect")]
        if let exe = Bundle.main.executableURL { candidates.append(exe.deletingLastPathComponent().appending(path: "inspect")) }
        candidates.append(Fixtures.repoRoot.appending(path: ".build/debug/inspect"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    /// Environment additions for every run (e.g. `INSPECT_DB`).
    package var environment: [String: String]
    /// The working directory.
    package var directory: URL

    /// Creates a runner working in `directory`.
    package init(directory: URL, environment: [String: String] = [:]) {
        self.directory = directory
        self.environment = environment
    }

    /// Runs `inspect arguments...` to completion.
    package func run(_ arguments: [String]) throws -> Result {
        let process = try process(arguments)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read both pipes fully before waiting, so a large output cannot block the child.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Starts `inspect arguments...` with its output discarded, sends it SIGKILL after `delay` seconds and waits for
    /// it. True when the kill landed; false when the command had already finished by itself.
    @discardableResult
    package func runAndKill(_ arguments: [String], after delay: Double) throws -> Bool {
        let process = try process(arguments)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: delay)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        return process.terminationReason == .uncaughtSignal
    }

    /// A child process for `inspect arguments...` with this runner's directory and environment, not yet started.
    private func process(_ arguments: [String]) throws -> Process {
        guard let executable = Self.executable else { throw CocoaError(.fileNoSuchFile) }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        env["INSPECT_DB"] = nil
        env["INSPECT_CHECKLISTS"] = Fixtures.checklists.path
        for (key, value) in environment { env[key] = value }
        process.environment = env
        return process
    }
}
