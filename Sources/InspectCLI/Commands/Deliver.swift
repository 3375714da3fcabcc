import ArgumentParser
import Common
import Foundation
import ImageOps
import Inspection
import ReportGen
import Store
import Workflows

extension InspectCommand {
    /// `inspect deliver VIN --submission delivery.yaml`
    struct Deliver: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a delivery-stage submission against the car's condition report, store it, and give a verdict.",
            discussion: """
                The report is the latest audit (else the appraisal). Verdict ok (exit 0), attention (exit 3: over the mileage \
                allowance, a photo to retake, a dispute about something the report does not list) or stop (exit 5: new damage, \
                odometer below the report). A failing photo gate does not block storing here: it is a reason for attention.
                """)

        @OptionGroup var database: DatabaseOptions

        @OptionGroup var templates: TemplateOptions

        @OptionGroup var photoOptions: PhotoPolicyOptions

        @OptionGroup var mileageOptions: MileagePolicyOptions

        @OptionGroup var clock: ClockOptions

        @OptionGroup var plausibility: PlausibilityOptions

        @Option(name: .long, help: "Output: text or json.")
        var format: ReportPrinter.Format = .text
        @Option(name: .long, help: "Language of the text: zh or en.") var lang: ReportLanguage = .zh

        @Option(name: .long, help: "The delivery submission (YAML or JSON).")
        var submission: String

        @Argument(help: "The car's VIN.")
        var vin: String

        func run() throws {
            let vin = vin.uppercased()
            let store = try database.existingStore()
            let validated = try TemplateOptions.validatedSubmission(
                at: submission, by: try plausibility.validator(templates, now: try clock.currentTime()))
            let workflow = DeliveryWorkflow(
                store: store, catalog: templates.catalog(), photoPolicy: try photoOptions.policy(), mileagePolicy: try mileageOptions.mileage(),
                concurrency: ProcessInfo.processInfo.activeProcessorCount)
            let now = try clock.currentTime()
            let result: DeliveryWorkflow.Result
            do { result = try workflow.deliver(validated, vin: vin, submittedAt: now) } catch {
                if case let .store(storeError) = error { throw CLIFailure.store(storeError) }
                throw CLIFailure.invalid(error.description)
            }
            for diagnostic in result.diagnostics where diagnostic.severity == .error { ReportPrinter.stderr(diagnostic.rendered + "\n") }
            let check = result.check
            let reference = result.basis
            if format == .json {
                let output = DeliveryCheckOutput(vin: vin, report: "\(reference.stage.rawValue) r\(reference.revision)", check: check)
                print(try JSONOutput.encode(output), terminator: "")
            } else {
                print(DeliveryRenderer.text(vin: vin, check: check, language: lang), terminator: "")
            }
            switch check.verdict {
            case .ok: break
            case .attention: throw ExitCode(ExitStatus.findings.rawValue)
            case .stop: throw ExitCode(ExitStatus.stop.rawValue)
            }
        }
    }
}
