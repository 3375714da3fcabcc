import ArgumentParser
import Foundation
import Inspection
import ReportGen
import Workflows

extension InspectCommand {
    /// `inspect warranty claim|list`.
    struct WarrantyCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "warranty", abstract: "Warranty claims against a delivered car (append-only), held against its inspections.",
            subcommands: [Claim.self, List.self])
    }
}

extension InspectCommand.WarrantyCommand {
    /// `inspect warranty claim VIN (--check ID | --part CODE) --symptom TEXT --cost AMOUNT --at TIME [--note] [--photo FILE]`.
    struct Claim: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record a warranty claim; prints its id. Refused (exit 1) for an undelivered car or outside the warranty period.")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var templates: TemplateOptions
        @OptionGroup var photoOptions: PhotoPolicyOptions
        @OptionGroup var mileageOptions: MileagePolicyOptions
        @OptionGroup var afterSale: AfterSalePolicyOptions
        @OptionGroup var clock: ClockOptions

        @Argument(help: "The car's VIN.") var vin: String
        @Option(name: .long, help: "The check the claim is about, e.g. chassis.7.") var check: String?
        @Option(name: .long, help: "The body part the claim is about, e.g. 28.") var part: String?
        @Option(name: .long, help: "What failed.") var symptom: String
        @Option(name: .long, help: "What the repair cost, whole currency units.") var cost: Int
        @Option(name: .long, help: "When, ISO 8601 with a zone.") var at: String
        @Option(name: .long, help: "A remark.") var note: String?
        @Option(name: .long, help: "A photo (normalised and stored).") var photo: String?

        func validate() throws {
            guard (check == nil) != (part == nil) else { throw ValidationError("give either --check ID or --part CODE") }
            guard cost >= 0 else { throw ValidationError("--cost must not be negative") }
        }

        func run() throws {
            guard case let .success(time) = Timestamp.parse(at) else { throw ValidationError("--at must be an ISO 8601 time with a zone") }
            let store = try database.existingStore()
            let workflow = AfterSaleWorkflow(
                store: store, catalog: templates.catalog(), photoPolicy: try photoOptions.policy(), mileagePolicy: try mileageOptions.mileage(),
                policy: try afterSale.policy(), costTable: nil)
            let item: WarrantyClaim.Item = check.map { .check($0) } ?? .part(part ?? "")
            let claim = WarrantyClaim(vin: vin.uppercased(), item: item, symptom: symptom, cost: cost, claimedAt: time, note: note)
            do { print(try workflow.claim(claim, photoPath: photo, recordedAt: try clock.currentTime())) } catch let failure
                as AfterSaleWorkflow.Failure
            {
                if case let .store(error) = failure { throw CLIFailure.store(error) }
                throw CLIFailure.invalid(failure.description)
            }
        }
    }

    /// `inspect warranty list VIN [--format json]`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "A car's warranty claims, each held against the inspections.")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var templates: TemplateOptions
        @OptionGroup var photoOptions: PhotoPolicyOptions
        @OptionGroup var mileageOptions: MileagePolicyOptions
        @OptionGroup var afterSale: AfterSalePolicyOptions

        @Option(name: .long, help: "text or json.") var format: ReportPrinter.Format = .text
        @Argument(help: "The car's VIN.") var vin: String

        func run() throws {
            let store = try database.existingStore()
            let catalog = templates.catalog()
            let workflow = AfterSaleWorkflow(
                store: store, catalog: catalog, photoPolicy: try photoOptions.policy(), mileagePolicy: try mileageOptions.mileage(),
                policy: try afterSale.policy(), costTable: nil)
            let record: CarRecord
            do { record = try workflow.claims(vin: vin.uppercased()).record } catch {
                if case let .store(storeError) = error { throw CLIFailure.store(storeError) }
                throw CLIFailure.invalid(error.description)
            }
            let output = WarrantyListOutput(record: record, catalog: catalog)
            print(format == .json ? try JSONOutput.encode(output) : output.text, terminator: "")
        }
    }
}
