import ArgumentParser
import Foundation
import Inspection
import ReportGen
import Store
import Workflows

extension InspectCommand {
    /// `inspect compare VIN` and `inspect compare --by-appraiser --from --to`.
    struct Compare: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compare the latest appraisal and audit of a car item by item, or appraisers' accuracy over a date range.",
            discussion: "Exit status 0 when there is no discrepancy, 3 when there are (for one car).")

        @OptionGroup var database: DatabaseOptions

        @OptionGroup var templates: TemplateOptions

        @OptionGroup var mileageOptions: MileagePolicyOptions

        @Option(name: .long, help: "Output: text or json.")
        var format: ReportPrinter.Format = .text
        @Option(name: .long, help: "Language of the text: zh or en.") var lang: ReportLanguage = .zh

        @Flag(name: .long, help: "Per-appraiser accuracy and auditor workload instead of one car.")
        var byAppraiser = false

        @Option(name: .long, help: "First day (YYYY-MM-DD, the appraisal's local date) for --by-appraiser.")
        var from: String?

        @Option(name: .long, help: "Last day (YYYY-MM-DD) for --by-appraiser.")
        var to: String?

        @Argument(help: "The car's VIN.")
        var vin: String?

        func validate() throws {
            if byAppraiser {
                guard vin == nil else { throw ValidationError("give either a VIN or --by-appraiser, not both") }
                guard let from, CalendarDate(parsing: from) != nil, let to, CalendarDate(parsing: to) != nil else {
                    throw ValidationError("--by-appraiser needs --from and --to as YYYY-MM-DD")
                }
            } else if vin == nil {
                throw ValidationError("name a VIN, or use --by-appraiser --from --to")
            }
        }

        func run() throws {
            let store = try database.existingStore()
            let policy = try mileageOptions.mileage()
            let catalog = templates.catalog()
            if byAppraiser, let from, let to, let first = CalendarDate(parsing: from), let last = CalendarDate(parsing: to) {
                var cars: [AccuracyReport.Car] = []
                let vins: [String]
                do { vins = try store.vins() } catch { throw CLIFailure.store(error) }
                for vin in vins {
                    guard let record = try load(store, vin) else { continue }
                    let outcome = record.comparison(catalog: catalog, policy: policy)
                    guard let pair = outcome.compared,
                        let day = pair.appraisal.submission.inspectedAt.localDate, day >= first, day <= last
                    else {
                        // A car that cannot be compared is named, not silently left out (one missing stage is normal).
                        if case .incomplete = outcome {
                        } else if let problem = outcome.problem(vin: vin) {
                            ReportPrinter.stderr("skipped: \(problem)\n")
                        }
                        continue
                    }
                    let upheld = record.disputes.filter(\.upheld).count
                    cars.append(
                        AccuracyReport.Car(
                            appraisal: pair.appraisal.submission, audit: pair.audit.submission, comparison: pair.comparison, disputesUpheld: upheld,
                            claims: record.claims, feedback: record.feedback))
                }
                let report = AccuracyReport(cars: cars)
                print(
                    format == .json
                        ? try JSONOutput.encode(AccuracyOutput(report, from: from, to: to))
                        : ComparisonRenderer.text(accuracy: report, from: from, to: to, language: lang),
                    terminator: "")
                return
            }
            guard let vin = vin?.uppercased(), let record = try load(store, vin) else {
                throw CLIFailure.invalid("no inspections stored for VIN \(vin ?? "")")
            }
            let outcome = record.comparison(catalog: catalog, policy: policy)
            guard let pair = outcome.compared else { throw CLIFailure.invalid(outcome.problem(vin: vin) ?? "VIN \(vin) cannot be compared") }
            let evidence = ComparisonEvidence(
                comparison: pair.comparison, appraisal: pair.appraisal, audit: pair.audit, appraisalPhotos: record.photos(of: pair.appraisal),
                auditPhotos: record.photos(of: pair.audit), policy: policy)
            if format == .json {
                let output = ComparisonOutput(vin: vin, appraisal: pair.appraisal, audit: pair.audit, comparison: pair.comparison, evidence: evidence)
                print(try JSONOutput.encode(output), terminator: "")
            } else {
                let template = try? catalog.template(id: pair.audit.submission.templateID)
                let flags = Dictionary((template?.flags ?? []).map { ($0.id, $0.label) }, uniquingKeysWith: { a, _ in a })
                print(
                    ComparisonRenderer.text(
                        vin: vin, appraisal: pair.appraisal.submission, audit: pair.audit.submission, comparison: pair.comparison, evidence: evidence,
                        flags: flags, language: lang),
                    terminator: "")
            }
            if !pair.comparison.discrepancies.isEmpty { throw ExitCode(ExitStatus.findings.rawValue) }
        }

        private func load(_ store: InspectionStore, _ vin: String) throws -> CarRecord? {
            do { return try CarRecordLoader.load(vin: vin, from: store) } catch { throw CLIFailure.store(error) }
        }
    }
}
