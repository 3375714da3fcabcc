import Common
import Foundation
import TestSupport
import Testing

@testable import Inspection

/// Photos, VIN, odometer, times and transport: one failing case per rule, exact message and location.
@Suite struct SubmissionFieldTests {
    func at(_ text: String, _ needle: String) -> String {
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if let range = line.range(of: needle) {
                return "\(index + 1):\(line.unicodeScalars.distance(from: line.unicodeScalars.startIndex, to: range.lowerBound) + 1)"
            }
        }
        return "?"
    }

    func rendered(_ text: String, folder: TemporaryFolder? = nil) throws -> [String] {
        try Fixtures.validate(text, in: folder).diagnostics.map(\.rendered)
    }

    // MARK: photos

    @Test func requiredAnglesMustBePresentAndKnown() throws {
        let missing = Fixtures.submissionYAML().replacingOccurrences(of: "  trunk: photos/trunk.jpg\n", with: "")
        let photosLine = (missing.split(separator: "\n").firstIndex(of: "photos:") ?? -1) + 1
        #expect(try rendered(missing).contains("appraisal.yaml:\(photosLine):1: photos: missing required angles: trunk"))
        // The four wheels belong to the core photo set.
        let noWheel = Fixtures.submissionYAML().replacingOccurrences(of: "  wheel_rr: photos/wheel_rr.jpg\n", with: "")
        #expect(try rendered(noWheel).contains("appraisal.yaml:\(photosLine):1: photos: missing required angles: wheel_rr"))
        let unknown = Fixtures.submissionYAML(extra: "  side: photos/front.jpg")
        #expect(
            try rendered(unknown).contains(
                "appraisal.yaml:\(at(unknown, "  side:").split(separator: ":")[0]):3: photo \"side\": unknown angle (allowed: front_left_45 front front_right_45 right_side rear_right_45 rear rear_left_45 left_side dashboard_odometer vin_plate engine_bay front_seats rear_seats trunk wheel_lf wheel_rf wheel_rr wheel_lr roof undercarriage)"
            ))
    }

    @Test(arguments: [
        ("photos/nope.jpg", "photo file not found: photos/nope.jpg"),
        ("photos", "photo path is not a file (it is a directory): photos"),
        ("../outside.jpg", "photo path leaves the submission's folder (\"..\" is not allowed to go above it): ../outside.jpg"),
        ("photos/../../outside.jpg", "photo path leaves the submission's folder (\"..\" is not allowed to go above it): photos/../../outside.jpg"),
        ("/etc/passwd", "photo path must be relative to the submission's folder, found an absolute path: /etc/passwd"),
        ("", "path must not be empty"),
    ])
    func photoPathsStayInsideTheFolder(path: String, message: String) throws {
        let text = Fixtures.submissionYAML().replacingOccurrences(of: "trunk: photos/trunk.jpg", with: "trunk: \"\(path)\"")
        let location = at(text, "trunk: ")
        let column = Int(location.split(separator: ":")[1])! + 7
        let expected = "appraisal.yaml:\(location.split(separator: ":")[0]):\(column): photo \"trunk\": \(message)"
        #expect(try rendered(text).contains(expected), "expected \(expected)")
    }

    @Test func symlinksOutOfTheFolderAreRefused() throws {
        let outside = TemporaryFolder()
        let target = try outside.write("not a photo", to: "secret.jpg")
        let folder = TemporaryFolder()
        try FileManager.default.createDirectory(at: folder.url.appending(path: "photos"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: folder.url.appending(path: "photos/link.jpg"), withDestinationURL: target)
        let text = Fixtures.submissionYAML().replacingOccurrences(of: "trunk: photos/trunk.jpg", with: "trunk: photos/link.jpg")
        let realTarget = target.resolvingSymlinksInPath().path
        #expect(
            try rendered(text, folder: folder).contains(
                "appraisal.yaml:\(at(text, "photos/link.jpg")): photo \"trunk\": photo path is a symlink that points outside the submission's folder (to \(realTarget)): photos/link.jpg"
            ))
        // A symlink that stays inside the folder is fine.
        try FileManager.default.removeItem(at: folder.url.appending(path: "photos/link.jpg"))
        try FileManager.default.createSymbolicLink(atPath: folder.url.appending(path: "photos/link.jpg").path, withDestinationPath: "trunk.jpg")
        #expect(try rendered(text, folder: folder) == [])
    }

    @Test func defectAndOdometerPhotosAreCheckedToo() throws {
        let text = Fixtures.submissionYAML(defects: "defects:\n  - code: 14HH2\n    photos: [photos/gone.jpg]")
            .replacingOccurrences(of: "photo: photos/dashboard_odometer.jpg", with: "photo: ../dash.jpg")
        let result = try rendered(text)
        #expect(result.contains("appraisal.yaml:\(at(text, "photos/gone.jpg")): defect \"14HH2\" photo: photo file not found: photos/gone.jpg"))
        #expect(
            result.contains(
                "appraisal.yaml:\(at(text, "../dash.jpg")): odometer photo: photo path leaves the submission's folder (\"..\" is not allowed to go above it): ../dash.jpg"
            ))
    }

    // MARK: VIN

    @Test(arguments: [
        ("LSVAM4189C218452", "must be 17 characters, found 16"),
        ("LSVAM4189C21845260", "must be 17 characters, found 18"),
        ("LSVAM4189C2184I26", "has characters that are never valid in a VIN: \"I\" (allowed: digits and A-Z except I, O, Q, upper case)"),
        ("LSVAMQ189C2184O26", "has characters that are never valid in a VIN: \"Q\" \"O\" (allowed: digits and A-Z except I, O, Q, upper case)"),
        (
            "lsvam4189c2184526",
            "has characters that are never valid in a VIN: \"l\" \"s\" \"v\" \"a\" \"m\" \"c\" (allowed: digits and A-Z except I, O, Q, upper case)"
        ),
        ("LSVAM4189C2184527", "check digit (position 9) is \"9\", the VIN's other characters give \"0\" (mandatory for VINs starting with L or 1-5)"),
        ("1M8GDM9A1KP042788", "check digit (position 9) is \"1\", the VIN's other characters give \"X\" (mandatory for VINs starting with L or 1-5)"),
    ])
    func vinErrors(vin: String, message: String) throws {
        let text = Fixtures.submissionYAML(vin: vin)
        #expect(try rendered(text).contains("appraisal.yaml:5:8: vin \"\(vin)\": \(message)"))
    }

    @Test func aWrongCheckDigitOutsideChinaAndNorthAmericaIsAWarning() throws {
        let report = try Fixtures.validate(Fixtures.submissionYAML(vin: "KNEJC524585810962"))
        #expect(report.isValid)
        #expect(
            report.diagnostics.map(\.rendered) == [
                "appraisal.yaml:5:8: warning: vin \"KNEJC524585810962\": check digit (position 9) is \"5\", the VIN's other characters give \"4\" (optional outside China and North America)"
            ])
    }

    // MARK: odometer, time, transport, dates

    @Test(arguments: [
        ("-5", "km", "odometer: reading -5 is negative"),
        ("2000001", "km", "odometer: reading 2000001 km is absurd (more than 2000000 km)"),
        ("1300000", "mi", "odometer: reading 1300000 mi is absurd (more than 2000000 km)"),
        ("48210", "furlong", "odometer: unit \"furlong\" is not allowed (allowed: km mi)"),
    ])
    func odometerErrors(reading: String, unit: String, message: String) throws {
        let text = Fixtures.submissionYAML(reading: reading, unit: unit)
        let needle = unit == "furlong" ? "furlong" : reading + ","
        #expect(try rendered(text).contains("appraisal.yaml:\(at(text, needle)): \(message)"))
    }

    @Test func mileageInMilesIsConvertedDeterministically() throws {
        #expect(DistanceUnit.mi.kilometres(61870) == 99570)  // 99569.71 km
        #expect(DistanceUnit.mi.kilometres(1) == 2)  // 1.609 km rounds to 2
        #expect(DistanceUnit.km.kilometres(48210) == 48210)
        #expect(try Fixtures.validate(Fixtures.submissionYAML(reading: "1242742", unit: "mi")).isValid)  // 1,999,999.9 km
    }

    @Test(arguments: [
        ("2026-11-20T09:30:00", "has no time zone; add Z or an offset such as +08:00"),
        ("2026-02-30T09:30:00+08:00", "has a date or time field out of range"),
        ("2026-11-20T25:30:00Z", "has a date or time field out of range"),
        ("20 Nov 2026", "must be an ISO 8601 time like 2026-11-20T09:30:00+08:00"),
    ])
    func timestampErrors(value: String, message: String) throws {
        let text = Fixtures.submissionYAML().replacingOccurrences(of: "inspected_at: 2026-11-20T09:30:00+08:00", with: "inspected_at: \(value)")
        #expect(try rendered(text).contains("appraisal.yaml:8:15: inspected_at \"\(value)\" \(message)"))
    }

    @Test func transportIsForDeliveryOnly() throws {
        let text = Fixtures.submissionYAML(extra: "transport: { mode: driven, route_km: 20 }")
        #expect(try rendered(text).contains("appraisal.yaml:\(at(text, "transport:")): transport: recorded at delivery only, not at appraisal"))
        let mode = Fixtures.submissionYAML(stage: "delivery", extra: "transport: { mode: towed }")
        #expect(
            try rendered(mode).contains("appraisal.yaml:\(at(mode, "towed")): transport: mode \"towed\" is not allowed (allowed: flatbed driven)"))
    }

    @Test func firstRegistrationMustBeARealDate() throws {
        let text = Fixtures.submissionYAML().replacingOccurrences(of: "  plate: 京N8P2Q1", with: "  first_registered: 2012-02-30")
        #expect(try rendered(text).contains("appraisal.yaml:6:21: vehicle: first_registered \"2012-02-30\" must be a real date written YYYY-MM-DD"))
    }
}
