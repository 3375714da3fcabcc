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

    /// `inspect-dev` (the developer tools: `generate-day`), built beside `inspect`.
    package static let devExecutable: URL? = executable.map { $0.deletingLastPathComponent().appending(path: "inspect-dev") }

    /// A runner of `inspect-dev` in `directory`.
    package static func dev(in directory: URL = Fixtures.repoRoot) -> CommandRunner {
        CommandRunner(directory: directory, program: devExecutable)
    }

    /// Environment additions for every run (e.g. `INSPECT_DB`); other `INSPECT_*` variables of the test run are not passed on.
    package var environment: [String: String]
    /// The working directory.
    package var directory: URL

    /// Another program to run instead of the built `inspect` (e.g. an installed copy, or `/bin/bash`); it gets no
    /// `INSPECT_*` variables but this runner's `environment`.
    package var program: URL?

    /// Creates a runner working in `directory`.
    package init(directory: URL, environment: [String: String] = [:], program: URL? = nil) {
        self.directory = directory
        self.environment = environment
        self.program = program
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

    /// How a run started by ``runAndKill(_:when:timeout:)`` ended.
    package enum KillOutcome: Sendable, Equatable {
        /// The condition was seen while the command was still working, and SIGKILL ended it.
        case killed
        /// The command exited by itself before the condition was seen (status given).
        case finishedFirst(Int32)
    }

    /// Starts `inspect arguments...` with its output discarded, watches its progress with `condition` (polled every
    /// millisecond) and sends SIGKILL as soon as the condition holds; then waits for it. The kill point is chosen by
    /// what the command has observably done, never by the clock, so it means the same on a fast or a slow machine.
    /// After `timeout` seconds without the condition the command is killed and the call throws.
    package func runAndKill(_ arguments: [String], when condition: () throws -> Bool, timeout: Double = 300) throws -> KillOutcome {
        let process = try process(arguments)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning {
            if try condition() {
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
                // A command that exited by itself between the check and the kill did not die by the signal.
                return process.terminationReason == .uncaughtSignal ? .killed : .finishedFirst(process.terminationStatus)
            }
            if Date() > deadline {
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
                throw KillTimeout(arguments: arguments, seconds: timeout)
            }
            usleep(1000)
        }
        process.waitUntilExit()
        return .finishedFirst(process.terminationStatus)
    }

    /// The condition of ``runAndKill(_:when:timeout:)`` was not seen in time.
    package struct KillTimeout: Error, CustomStringConvertible {
        /// The command's arguments.
        package var arguments: [String]
        /// How long it waited.
        package var seconds: Double
        package var description: String { "inspect \(arguments.joined(separator: " ")): the kill condition was not seen within \(seconds) s" }
    }

    /// A child process for `inspect arguments...` with this runner's directory and environment, not yet started.
    /// Starts the command, sends it `signal` once `condition` holds, and waits for it to exit (nil when it did not
    /// within `timeout` seconds after the signal; it is then killed).
    package func runAndSignal(_ arguments: [String], signal: Int32, when condition: () throws -> Bool, timeout: Double = 60) throws -> Int32? {
        let process = try process(arguments)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        while process.isRunning, try !condition() { Thread.sleep(forTimeInterval: 0.05) }
        kill(process.processIdentifier, signal)
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        guard !process.isRunning else {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return nil
        }
        return process.terminationReason == .exit ? process.terminationStatus : -process.terminationStatus
    }

    private func process(_ arguments: [String]) throws -> Process {
        guard let executable = program ?? Self.executable else { throw CocoaError(.fileNoSuchFile) }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("INSPECT_") }
        if program == nil { env["INSPECT_CHECKLISTS"] = Fixtures.checklists.path }
        for (key, value) in environment { env[key] = value }
        process.environment = env
        return process
    }
}
