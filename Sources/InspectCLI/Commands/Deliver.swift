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

        @OptionGroup var global: GlobalOptions

        @Option(name: .long, help: "Output: text or json.")
        var format: ReportPrinter.Format = .text

        @Option(name: .long, help: "The delivery submission (YAML or JSON).")
        var submission: String

        @Argument(help: "The car's VIN.")
        var vin: String

        func run() throws {
            let vin = vin.uppercased()
            let store = try global.existingStore()
            let mileage = try global.mileage()
            var policy = try global.policy()
            policy.requiredAngleFailureIsError = false
            let report = SubmissionValidator(catalog: global.catalog()).validate(fileAt: URL(filePath: submission), displayPath: submission)
            for diagnostic in report.diagnostics { ReportPrinter.stderr(diagnostic.rendered + "\n") }
            guard let validated = report.validated else {
                throw CLIFailure.invalid("\(submission): invalid (\(report.errors.count) errors); nothing stored")
            }
            guard validated.submission.stage == .delivery else {
                throw CLIFailure.invalid("\(submission): stage is \(validated.submission.stage.rawValue); deliver takes a delivery submission")
            }
            guard validated.submission.vehicle.vin.value == vin else {
                throw CLIFailure.invalid("\(submission): the submission is for VIN \(validated.submission.vehicle.vin.value), not \(vin)")
            }
            let vehicle: StoredVehicle?
            do { vehicle = try store.vehicle(vin: vin) } catch { throw CLIFailure.store(error) }
            let latest = vehicle?.latestByStage ?? []
            guard let reference = latest.first(where: { $0.stage == .audit }) ?? latest.first(where: { $0.stage == .appraisal }) else {
                throw CLIFailure.invalid("VIN \(vin) has no appraisal or audit: there is no condition report to deliver against")
            }
            let referenceTemplate: ChecklistTemplate
            do { referenceTemplate = try global.catalog().template(id: reference.submission.templateID) } catch {
                throw CLIFailure.invalid("\(error)")
            }
            let intake = SubmissionIntake(store: store, policy: policy, concurrency: ProcessInfo.processInfo.activeProcessorCount)
            let result: SubmissionIntake.Result
            let now = try global.currentTime()
            do { result = try intake.take(validated, submittedAt: now) } catch { throw CLIFailure.store(error) }
            var photoProblems = result.diagnostics
            if case .unchanged? = result.outcome {
                // Stored before: measure the photos again for the check (nothing is written).
                let results = PhotoBatch(policy: policy).normalise(validated.photos.mapValues(PhotoSource.init))
                photoProblems = PhotoReview.diagnostics(for: validated, results: results, policy: policy)
            }
            for diagnostic in photoProblems where diagnostic.severity == .error { ReportPrinter.stderr(diagnostic.rendered + "\n") }
            guard result.outcome != nil else { throw CLIFailure.invalid("\(submission): photos could not be read; nothing stored") }
            var check = DeliveryCheck.evaluate(
                report: reference.submission, delivery: validated.submission, reportTemplate: referenceTemplate, photoProblems: photoProblems,
                policy: mileage)
            // The whole ledger too: transport readings recorded since the report count.
            do {
                let (records, elsewhere) = try store.ledger(vin: vin)
                let ledger = MileageLedger(records: records, policy: mileage, sameReadingElsewhere: elsewhere)
                let deliveryReading = ledger.effective.last {
                    $0.stage == "delivery" && $0.source == "submission" && $0.at == validated.submission.inspectedAt
                }
                if let deliveryReading {
                    check.add(ledgerFlags: ledger.flags.filter { $0.recordID == deliveryReading.id && $0.kind != .unexplainedGrowth })
                }
            } catch {
                throw CLIFailure.store(error)
            }
            if format == .json {
                struct Output: Encodable {
                    let format = Formats.deliveryCheck
                    let vin: String
                    let report: String
                    let check: DeliveryCheck
                }
                print(
                    try JSONOutput.encode(Output(vin: vin, report: "\(reference.stage.rawValue) r\(reference.revision)", check: check)),
                    terminator: "")
            } else {
                print(DeliveryRenderer.text(vin: vin, check: check), terminator: "")
            }
            switch check.verdict {
            case .ok: break
            case .attention: throw ExitCode(ExitStatus.findings.rawValue)
            case .stop: throw ExitCode(ExitStatus.stop.rawValue)
            }
        }
    }
}
