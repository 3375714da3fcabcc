import ArgumentParser
import Foundation
import Inspection
import ReportGen
import Workflows

extension Dispute.Party: ExpressibleByArgument {}
extension Dispute.Decision: ExpressibleByArgument {}
extension Dispute.Bearer: ExpressibleByArgument {}

extension InspectCommand {
    /// `inspect dispute open|resolve|list`.
    struct DisputeCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "dispute",
            abstract: "Disputes about a condition report's findings, settled on the record (append-only).",
            subcommands: [Open.self, Resolve.self, List.self])
    }
}

extension InspectCommand.DisputeCommand {
    /// `inspect dispute open VIN --finding CODE --by customer|staff --at TIME [--note] [--photo FILE]`.
    struct Open: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Open a dispute about a finding of the car's report; prints its id.")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var templates: TemplateOptions
        @OptionGroup var photoOptions: PhotoPolicyOptions
        @OptionGroup var clock: ClockOptions

        @Argument(help: "The car's VIN.") var vin: String
        @Option(name: .long, help: "The report finding's code, e.g. 27HH1.") var finding: String
        @Option(name: .long, help: "Who raises it: customer or staff.") var by: Dispute.Party
        @Option(name: .long, help: "When, ISO 8601 with a zone.") var at: String
        @Option(name: .long, help: "What is disputed.") var note: String?
        @Option(name: .long, help: "A photo of the disputed finding (normalised and stored).") var photo: String?

        func run() throws {
            guard case let .success(time) = Timestamp.parse(at) else { throw ValidationError("--at must be an ISO 8601 time with a zone") }
            let store = try database.existingStore()
            let workflow = DisputeWorkflow(store: store, catalog: templates.catalog())
            let dispute = Dispute(vin: vin.uppercased(), finding: finding.uppercased(), openedBy: by, openedAt: time, note: note)
            do {
                let id = try workflow.open(
                    dispute, photoPath: photo, photoPolicy: try photo.map { _ in try photoOptions.policy() }, recordedAt: try clock.currentTime())
                print(id)
            } catch let failure as DisputeWorkflow.Failure {
                if case let .store(error) = failure { throw CLIFailure.store(error) }
                throw CLIFailure.invalid(failure.description)
            }
        }
    }

    /// `inspect dispute resolve ID --decision ... --by STAFF --at TIME [--degree] [--cost --bearer --approved-by] [--note]`.
    struct Resolve: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Settle a dispute, once (a settlement is never changed).")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var templates: TemplateOptions
        @OptionGroup var clock: ClockOptions

        @Argument(help: "The dispute's id.") var id: Int64
        @Option(name: .long, help: "accepted, polished, repaired, price_adjusted or refused.") var decision: Dispute.Decision
        @Option(name: .long, help: "The staff member who settled it.") var by: String
        @Option(name: .long, help: "When, ISO 8601 with a zone.") var at: String
        @Option(name: .long, help: "The finding's degree as re-measured (a new measurement; the report's stays).") var degree: Int?
        @Option(name: .long, help: "What the settlement cost, whole currency units.") var cost: Int?
        @Option(name: .long, help: "Who bears the cost: platform, customer or seller.") var bearer: Dispute.Bearer?
        @Option(name: .customLong("approved-by"), help: "Who approved the cost (the special approval).") var approvedBy: String?
        @Option(name: .long, help: "A remark.") var note: String?

        func validate() throws {
            if let cost, cost < 0 { throw ValidationError("--cost must not be negative") }
        }

        func run() throws {
            guard case let .success(time) = Timestamp.parse(at) else { throw ValidationError("--at must be an ISO 8601 time with a zone") }
            let store = try database.existingStore()
            let resolution = Dispute.Resolution(
                decision: decision, by: by, at: time, degree: degree, cost: cost, bearer: bearer, approvedBy: approvedBy, note: note)
            do {
                try DisputeWorkflow(store: store, catalog: templates.catalog()).resolve(id, resolution, recordedAt: try clock.currentTime())
                print("dispute #\(id) resolved: \(decision.rawValue)")
            } catch let failure as DisputeWorkflow.Failure {
                if case let .store(error) = failure { throw CLIFailure.store(error) }
                throw CLIFailure.invalid(failure.description)
            }
        }
    }

    /// `inspect dispute list VIN [--format json]`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "A car's disputes and how they were settled.")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var templates: TemplateOptions

        @Option(name: .long, help: "text or json.") var format: ReportPrinter.Format = .text
        @Argument(help: "The car's VIN.") var vin: String

        func run() throws {
            let store = try database.existingStore()
            let vin = vin.uppercased()
            let disputes: [Dispute]
            do { disputes = try DisputeWorkflow(store: store, catalog: templates.catalog()).list(vin: vin) } catch {
                if case let .store(storeError) = error { throw CLIFailure.store(storeError) }
                throw CLIFailure.invalid(error.description)
            }
            let output = DisputeListOutput(vin: vin, disputes: disputes)
            print(format == .json ? try JSONOutput.encode(output) : output.text, terminator: "")
        }
    }
}
