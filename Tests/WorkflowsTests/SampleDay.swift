import Common
import Foundation
import ImageOps
import Inspection
import ReportGen
import Store
import TestSupport
import Workflows

/// The sample day stored once per test process, in a fixed order with a fixed clock, so reports are reproducible.
enum SampleDay {
    static let cars = ["LSVAM4189C2184526", "LFV2A21K2D4052187", "JHMCM56557C404453", "LGXCE6CB2H0123456", "LHGCR2654E8012345"]
    static let deliveries = ["LSVAM4189C2184526", "JHMCM56557C404453"]
    static let generatedAt = "2026-11-27T09:00:00+08:00"

    /// The folder that holds the database (kept for the whole test run).
    static let folder: TemporaryFolder = TemporaryFolder()

    /// The store with the whole day in it, or why it could not be built.
    static let store: Result<InspectionStore, any Error> = Result { try build(in: folder.url.appending(path: "db/inspect.db")) }

    static func build(in database: URL) throws -> InspectionStore {
        let store = try InspectionStore(path: database.path)
        var policy = try PhotoPolicyLoader.load(from: Fixtures.photoPolicyFile)
        let validator = SubmissionValidator(catalog: Fixtures.catalog())
        for (stages, required) in [(["appraisal", "audit"], true), (["delivery", "return"], false)] {
            policy.requiredAngleFailureIsError = required
            let intake = SubmissionIntake(store: store, policy: policy, concurrency: 2)
            for car in cars {
                for stage in stages {
                    let path = "samples/day-2026-11-20/\(car)/\(stage).yaml"
                    let url = Fixtures.repoRoot.appending(path: path)
                    guard FileManager.default.fileExists(atPath: url.path) else { continue }
                    let report = validator.validate(fileAt: url, displayPath: path)
                    guard let validated = report.validated else { throw SampleDayError(message: "\(path): \(report.diagnostics.map(\.rendered))") }
                    _ = try intake.take(validated, submittedAt: "2026-11-26T02:00:00Z")
                }
            }
        }
        // After the handovers: the Lavida's buyer disputes the hood scratch (polished at the platform's cost, degree
        // re-measured), and it gets a warranty claim on its springs, which both inspections passed (the flood car's only
        // handover stopped, so it has no warranty to claim under).
        let catalog = Fixtures.catalog()
        let disputes = DisputeWorkflow(store: store, catalog: catalog)
        let opened = try disputes.open(
            Dispute(
                vin: "LSVAM4189C2184526", finding: "14HH2", openedBy: .customer, openedAt: try Timestamp.parse("2026-11-25T15:30:00+08:00").get(),
                note: "比想象中严重"), photoPath: nil, photoPolicy: nil, recordedAt: "2026-11-26T02:00:00Z")
        try disputes.resolve(
            opened,
            Dispute.Resolution(
                decision: .polished, by: "STF-0012", at: try Timestamp.parse("2026-11-25T17:00:00+08:00").get(), degree: 1, cost: 300,
                bearer: .platform,
                approvedBy: "MGR-0003"), recordedAt: "2026-11-26T02:00:00Z")
        let afterSale = AfterSaleWorkflow(
            store: store, catalog: catalog, photoPolicy: policy, mileagePolicy: try Fixtures.mileagePolicy(), policy: try Fixtures.afterSalePolicy(),
            costTable: try Fixtures.costTable())
        _ = try afterSale.claim(
            WarrantyClaim(
                vin: "LSVAM4189C2184526", item: .check("chassis.7"), symptom: "后悬挂弹簧下沉", cost: 10400,
                claimedAt: try Timestamp.parse("2026-11-27T08:00:00+08:00").get()), photoPath: nil, recordedAt: "2026-11-26T02:00:00Z")
        return store
    }

    struct SampleDayError: Error { let message: String }

    /// The report of one sample car.
    static func report(_ vin: String) throws -> ConditionReport {
        let assembly = ReportAssembly(
            catalog: Fixtures.catalog(), mileagePolicy: try Fixtures.mileagePolicy(), costTable: try Fixtures.costTable(),
            afterSalePolicy: try Fixtures.afterSalePolicy())
        return try assembly.report(vin: vin, store: try store.get(), generatedAt: generatedAt)
    }
}
