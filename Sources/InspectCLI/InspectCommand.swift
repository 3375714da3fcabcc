import ArgumentParser
import Foundation

/// `inspect`: turns used-car inspections into trustworthy condition reports.
@main
struct InspectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Validate, store and report used-car inspections (GB/T 30323 checklists, photos, mileage).",
        discussion: """
            Exit codes: 0 ok · 1 invalid input (validation errors, unknown VIN, unreadable file) · 2 usage error · \
            3 findings (compare: discrepancies; mileage show: flags; deliver: attention; return: deduct) · 4 batch: a car failed · \
            5 deliver says stop, return refused · \
            70 internal error (database or file-system failure).
            """,
        version: Formats.versionText,
        subcommands: [
            Validate.self, Submit.self, Show.self, Compare.self, Mileage.self, Deliver.self, Report.self, Quote.self, DisputeCommand.self,
            ReturnCommand.self, WarrantyCommand.self, ServiceCommand.self, BatchGroup.self, Worker.self, Photos.self, Find.self, FeedbackCommand.self,
        ]
    )

    /// Runs the command and maps every outcome to the documented exit codes.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asynchronous = command as? any AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
        } catch let failure as CLIFailure {
            FileHandle.standardError.write(Data("inspect: \(failure.message)\n".utf8))
            Foundation.exit(failure.status.rawValue)
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                // Usage errors: ArgumentParser's message and usage line, exit status 2.
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(ExitStatus.usage.rawValue)
            }
            if code == .success { exit(withError: error) }
            FileHandle.standardError.write(Data("inspect: internal error: \(error)\n".utf8))
            Foundation.exit(ExitStatus.internalError.rawValue)
        }
    }
}
