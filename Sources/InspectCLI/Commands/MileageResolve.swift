import ArgumentParser
import Foundation
import Inspection
import ReportGen
import Workflows

extension InspectCommand.Mileage {
    /// `inspect mileage resolve VIN --reading ID (--rollback | --entry-error ID --true-reading N) --by STAFF --at TIME [--note]`
    struct Resolve: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Resolve two readings that disagree: a confirmed rollback, or a data-entry error with the true reading.",
            discussion: """
                A reading below an earlier one is a conflict until a person resolves it (append-only, once). --rollback \
                confirms the odometer went back (the report then says so); --entry-error ID --true-reading N records that \
                reading ID (one of the two) was mistyped: a correction with the true reading supersedes it. Prints the ledger \
                after it; exit 3 while it still has flags.
                """)

        @OptionGroup var database: DatabaseOptions

        @OptionGroup var mileageOptions: MileagePolicyOptions

        @OptionGroup var clock: ClockOptions

        @Argument(help: "The car's VIN.")
        var vin: String

        @Option(name: .long, help: "The reading the conflict is on (the lower one; `inspect mileage show` names it).")
        var reading: Int64

        @Flag(name: .long, help: "The odometer really went back.")
        var rollback = false

        @Option(name: .customLong("entry-error"), help: "The record that was mistyped (the lower reading or the earlier one).")
        var entryError: Int64?

        @Option(name: .customLong("true-reading"), help: "With --entry-error: the true reading, in that record's unit.")
        var trueReading: Int?

        @Option(name: .long, help: "Staff id of who resolved it.")
        var by: String

        @Option(name: .long, help: "When, ISO 8601 with a zone.")
        var at: String

        @Option(name: .long, help: "Free text: how it was found.")
        var note: String?

        func validate() throws {
            guard rollback != (entryError != nil) else { throw ValidationError("give either --rollback or --entry-error ID --true-reading N") }
            if entryError != nil, trueReading == nil { throw ValidationError("--entry-error needs --true-reading") }
            if entryError == nil, trueReading != nil { throw ValidationError("--true-reading goes with --entry-error") }
            if let trueReading, trueReading < 0 || trueReading > OdometerReading.maximumKilometres {
                throw ValidationError("--true-reading \(trueReading) is not a plausible odometer reading")
            }
            if by.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--by needs the staff id of who resolved it") }
            if case let .failure(problem) = Timestamp.parse(at) { throw ValidationError("--at \"\(at)\" \(problem)") }
        }

        func run() throws {
            let workflow = MileageWorkflow(store: try database.existingStore(), mileagePolicy: try mileageOptions.mileage())
            let vin = vin.uppercased()
            guard case let .success(time) = Timestamp.parse(at) else { return }
            let finding: MileageWorkflow.Finding =
                entryError.map { .entryError(wrong: $0, trueReading: trueReading ?? 0) } ?? .rollback
            let resolved: (resolution: MileageResolution, ledger: MileageLedger)
            let now = try clock.currentTime()
            do {
                resolved = try workflow.resolve(vin: vin, reading: reading, finding: finding, by: by, at: time, note: note, recordedAt: now)
            } catch {
                if case let .store(storeError) = error { throw CLIFailure.store(storeError) }
                throw CLIFailure.invalid(error.description)
            }
            switch resolved.resolution.decision {
            case .rollback: print("resolution #\(resolved.resolution.id): reading #\(reading) confirmed as a rollback")
            case let .entryError(wrong, correction):
                print("resolution #\(resolved.resolution.id): reading #\(wrong) was a data-entry error; corrected by #\(correction)")
            }
            print(LedgerRenderer.text(vin: vin, ledger: resolved.ledger, language: .en), terminator: "")
            if !resolved.ledger.flags.isEmpty { throw ExitCode(ExitStatus.findings.rawValue) }
        }
    }
}
