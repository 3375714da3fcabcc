import ArgumentParser
import Foundation
import ImageOps
import Inspection
import ReportGen
import Store
import Workflows

extension InspectCommand {
    /// `inspect mileage record|show`.
    struct Mileage: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The odometer ledger: record a reading, show a car's history with deltas and flags, resolve readings that disagree.",
            subcommands: [Record.self, Show.self, Resolve.self])
    }
}

extension InspectCommand.Mileage {
    /// `inspect mileage record VIN --stage --reading --unit --at [--mode] [--route-km] [--photo] [--supersedes] [--note]`
    struct Record: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Append an odometer reading to a car's ledger (corrections reference the record they supersede).",
            discussion:
                "Nothing is ever changed or deleted. The flags the new reading raises are printed; the exit status is 0 once it is stored, 3 when it disagrees with the ledger (stored all the same: resolve it with inspect mileage resolve)."
        )

        @OptionGroup var database: DatabaseOptions

        @OptionGroup var photoOptions: PhotoPolicyOptions

        @OptionGroup var mileageOptions: MileagePolicyOptions

        @OptionGroup var clock: ClockOptions

        @Argument(help: "The car's VIN.")
        var vin: String

        @Option(name: .long, help: "Where it was read: appraisal, audit, transport, delivery or other.")
        var stage: String

        @Option(name: .long, help: "The displayed reading, whole units.")
        var reading: Int

        @Option(name: .long, help: "km or mi.")
        var unit: String = "km"

        @Option(name: .long, help: "When, ISO 8601 with a zone (e.g. 2026-11-24T16:05:00+08:00).")
        var at: String

        @Option(name: .long, help: "How the car travelled to this reading: flatbed or driven.")
        var mode: String?

        @Option(name: .customLong("route-km"), help: "The route length of that leg, in km.")
        var routeKm: Int?

        @Option(name: .long, help: "A photo of the odometer (normalised and stored).")
        var photo: String?

        @Option(name: .long, help: "The id of the record this one corrects.")
        var supersedes: Int64?

        @Option(name: .long, help: "Free text.")
        var note: String?

        func validate() throws {
            guard let stage = OdometerStage(rawValue: stage), OdometerStage.recordable.contains(stage) else {
                throw ValidationError(
                    "--stage \(stage) is not allowed (allowed: \(OdometerStage.recordable.map(\.rawValue).joined(separator: " ")))")
            }
            guard let unit = DistanceUnit(rawValue: unit) else { throw ValidationError("--unit must be km or mi") }
            guard reading >= 0, unit.kilometres(reading) <= OdometerReading.maximumKilometres else {
                throw ValidationError(
                    "--reading \(reading) \(unit.rawValue) is not a plausible odometer reading (0 to \(OdometerReading.maximumKilometres) km)")
            }
            if case let .failure(problem) = Timestamp.parse(at) { throw ValidationError("--at \"\(at)\" \(problem)") }
            if let mode, Transport.Mode(rawValue: mode) == nil { throw ValidationError("--mode must be flatbed or driven") }
            if let routeKm, !(0...20_000).contains(routeKm) { throw ValidationError("--route-km \(routeKm) is out of range (0-20000)") }
        }

        func run() throws {
            let store = try database.existingStore()
            let policy = try mileageOptions.mileage()
            let vin = vin.uppercased()
            guard case let .success(time) = Timestamp.parse(at), let unit = DistanceUnit(rawValue: unit), let stage = OdometerStage(rawValue: stage)
            else { return }
            let record = OdometerRecord(
                id: 0, vin: vin, stage: stage, reading: reading, unit: unit, at: time, source: .manual,
                mode: mode.flatMap(Transport.Mode.init(rawValue:)),
                routeKm: routeKm, supersedes: supersedes, note: note)
            let now = try clock.currentTime()
            let photoPolicy = try photo.map { _ in try photoOptions.policy() }
            let recorded: MileageWorkflow.Recorded
            do {
                recorded = try MileageWorkflow(store: store, mileagePolicy: policy).record(
                    record, photoPath: photo, photoPolicy: photoPolicy, recordedAt: now)
            } catch {
                if case let .store(storeError) = error { throw CLIFailure.store(storeError) }
                throw CLIFailure.invalid(error.description)
            }
            for gate in recorded.photoWarnings { ReportPrinter.stderr("\(photo ?? ""): warning: \(gate.summary)\n") }
            let id = recorded.id
            let leg = recorded.leg
            var line = "recorded #\(id) \(vin) \(stage) \(record.display) at \(time)"
            if let old = supersedes { line += ", correcting #\(old)" }
            if let leg {
                line +=
                    "; \(leg.deltaKm >= 0 ? "+" : "")\(OdometerRecord.grouped(leg.deltaKm)) km since the previous reading (allowance \(leg.allowanceKm) km)"
            }
            print(line)
            for flag in recorded.flags {
                ReportPrinter.stderr("warning: [\(flag.severity.rawValue)] \(flag.message)\n")
            }
            if recorded.flags.contains(where: { $0.kind == .conflict || $0.kind == .rollback }) { throw ExitCode(ExitStatus.findings.rawValue) }
        }
    }

    /// `inspect mileage show VIN`
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Every odometer reading of a car with deltas, allowances and flags.", discussion: "Exit status 3 when there are flags.")

        @OptionGroup var database: DatabaseOptions

        @OptionGroup var mileageOptions: MileagePolicyOptions

        @Option(name: .long, help: "Output: text or json.")
        var format: ReportPrinter.Format = .text
        @Option(name: .long, help: "Language of the text: zh or en.") var lang: ReportLanguage = .zh

        @Argument(help: "The car's VIN.")
        var vin: String

        func run() throws {
            let workflow = MileageWorkflow(store: try database.existingStore(), mileagePolicy: try mileageOptions.mileage())
            let vin = vin.uppercased()
            let found: MileageLedger?
            do { found = try workflow.ledger(vin: vin) } catch {
                if case let .store(storeError) = error { throw CLIFailure.store(storeError) }
                throw CLIFailure.invalid(error.description)
            }
            guard let ledger = found else { throw CLIFailure.invalid("no odometer readings stored for VIN \(vin)") }
            if format == .json {
                print(try JSONOutput.encode(MileageLedgerOutput(vin: vin, ledger: ledger)), terminator: "")
            } else {
                print(LedgerRenderer.text(vin: vin, ledger: ledger, language: lang), terminator: "")
            }
            if !ledger.flags.isEmpty { throw ExitCode(ExitStatus.findings.rawValue) }
        }
    }
}
