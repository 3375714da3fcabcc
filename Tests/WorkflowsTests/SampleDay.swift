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
