import ArgumentParser
import Common
import Foundation
import Inspection
import ReportGen
import Workflows

extension InspectCommand {
    /// `inspect return VIN --submission return.yaml`: the 7-day return.
    struct ReturnCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "return",
            abstract: "Store a return inspection and hold it against the delivery state: accept, deduct or refuse.",
            discussion: """
                Accept (exit 0: full refund): within the window, km within the trial allowance, no new damage. Deduct (exit 3): \
                new or worse damage, or km over the allowance, every item named (priced with the cost table when there is one). \
                Refuse (exit 5): outside the window, no delivery on record, a refusing finding (accident, flood, fire), or the \
                odometer below the delivery.
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var templates: TemplateOptions
        @OptionGroup var photoOptions: PhotoPolicyOptions
        @OptionGroup var mileageOptions: MileagePolicyOptions
        @OptionGroup var afterSale: AfterSalePolicyOptions
        @OptionGroup var costOptions: CostTableOptions
        @OptionGroup var clock: ClockOptions

        @OptionGroup var plausibility: PlausibilityOptions

        @Option(name: .long, help: "Output: text or json.") var format: ReportPrinter.Format = .text
        @Option(name: .long, help: "Language of the text: zh or en.") var lang: ReportLanguage = .zh
        @Option(name: .long, help: "The return submission (YAML or JSON).") var submission: String
        @Argument(help: "The car's VIN.") var vin: String

        func run() throws {
            let vin = vin.uppercased()
            let store = try database.existingStore()
            let validated = try TemplateOptions.validatedSubmission(
                at: submission, by: try plausibility.validator(templates, now: try clock.currentTime()))
            let workflow = AfterSaleWorkflow(
                store: store, catalog: templates.catalog(), photoPolicy: try photoOptions.policy(), mileagePolicy: try mileageOptions.mileage(),
                policy: try afterSale.policy(), costTable: try costOptions.optionalTable())
            let returned: AfterSaleWorkflow.Returned
            do { returned = try workflow.returnCar(validated, vin: vin, submittedAt: try clock.currentTime()) } catch let failure
                as AfterSaleWorkflow.Failure
            {
                if case let .store(error) = failure { throw CLIFailure.store(error) }
                throw CLIFailure.invalid(failure.description)
            }
            let output = ReturnCheckOutput(vin: vin, returned: returned.inspection, check: returned.check)
            print(format == .json ? try JSONOutput.encode(output) : output.text(lang), terminator: "")
            switch returned.check.verdict {
            case .accept: break
            case .deduct: throw ExitCode(ExitStatus.findings.rawValue)
            case .refuse: throw ExitCode(ExitStatus.stop.rawValue)
            }
        }
    }
}
