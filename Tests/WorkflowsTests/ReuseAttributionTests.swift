import Common
import Foundation
import ImageOps
import Inspection
import ReportGen
import Store
import TestSupport
import Testing
import Workflows

/// The Honda's audit (11-23) reuses the Jetta's appraisal photo (11-20). Whichever car is stored first, the later
/// inspection is the suspect: the Honda's photo is withheld and flagged, the Jetta keeps its own photo with a note.
@Suite struct ReuseAttributionTests {
    static let jetta = "LFV2A21K2D4052187", honda = "JHMCM56557C404453"

    func reports(storing order: [String]) throws -> [String: ConditionReport] {
        let folder = TemporaryFolder()
        let store = try InspectionStore(path: folder.url.appending(path: "inspect.db").path)
        let intake = SubmissionIntake(store: store, policy: try PhotoPolicyLoader.load(from: Fixtures.photoPolicyFile), concurrency: 2)
        let validator = SubmissionValidator(catalog: Fixtures.catalog())
        for car in order {
            for stage in ["appraisal", "audit"] {
                let path = "samples/day-2026-11-20/\(car)/\(stage).yaml"
                let validated = try #require(validator.validate(fileAt: Fixtures.repoRoot.appending(path: path), displayPath: path).validated)
                _ = try intake.take(validated, submittedAt: "2026-11-26T02:00:00Z")
            }
        }
        let assembly = ReportAssembly(catalog: Fixtures.catalog(), mileagePolicy: try Fixtures.mileagePolicy())
        return try Dictionary(
            uniqueKeysWithValues: order.map { ($0, try assembly.report(vin: $0, store: store, generatedAt: "2026-11-27T09:00:00+08:00")) })
    }

    @Test(arguments: [[jetta, honda], [honda, jetta]])
    func theLaterInspectionIsTheSuspectWhateverTheStorageOrder(order: [String]) throws {
        let reports = try reports(storing: order)
        let honda = try #require(reports[Self.honda]), jetta = try #require(reports[Self.jetta])
        let hondaPhoto = try #require(honda.photos.first { $0.angle == "rear_left_45" })
        let jettaPhoto = try #require(jetta.photos.first { $0.angle == "rear_left_45" })
        #expect(hondaPhoto.image == nil && hondaPhoto.reusedFrom != nil, "the Honda's copy is withheld")
        #expect(jettaPhoto.image != nil && jettaPhoto.reusedFrom == nil, "the Jetta keeps its own photo")
        #expect(honda.warnings.map(\.code).filter { $0 == "report.photo_reused" }.count == 1)
        #expect(jetta.warnings.map(\.code).contains("report.photo_reused_later"))
        #expect(!jetta.warnings.map(\.code).contains("report.photo_reused"))
        // The customer's copy of the original names nothing of it; the photo is there.
        #expect(
            !jetta.for(.customer).warnings.contains { $0.code.hasPrefix("report.photo") }
                && jetta.for(.customer).photos.contains { $0.angle == "rear_left_45" && $0.image != nil })
    }
}
