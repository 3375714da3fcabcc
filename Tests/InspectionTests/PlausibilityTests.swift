import Common
import Foundation
import TestSupport
import Testing

@testable import Inspection

/// Dates against the clock and the odometer against the car's age, use and service life (`plausibility-policy/1`).
@Suite struct PlausibilityTests {
    let policy: PlausibilityPolicy
    let gbt: ChecklistTemplate
    init() throws {
        policy = try Fixtures.plausibilityPolicy()
        gbt = try Fixtures.gbt()
    }

    func car(km: Int, registered: String? = "2017-06-30", use: String? = "private", at: String = "2026-11-20T10:10:00+08:00") throws -> Submission {
        var identity = VehicleIdentity(vin: VIN(unchecked: "LGXCE6CB2H0123456"))
        identity.firstRegistered = registered.flatMap(CalendarDate.init(parsing:))
        identity.use = use
        return Submission(
            templateID: gbt.id, stage: .appraisal, vehicle: identity, inspector: Inspector(id: "APR-0204", name: nil),
            inspectedAt: try Timestamp.parse(at).get(), site: nil, odometer: OdometerReading(reading: km, unit: .km, photo: nil), transport: nil,
            defects: [], checks: [], photos: [], notes: nil)
    }

    func codes(_ submission: Submission) -> [String] { Plausibility.notices(submission, template: gbt, policy: policy).map(\.code) }

    @Test func theSampleRideHailingCarIsNeitherDrivenLikeOneNorWithinItsServiceLife() throws {
        let qin = try car(km: 32650, use: "ride_hailing")
        let notices = Plausibility.notices(qin, template: gbt, policy: policy)
        #expect(notices.map(\.code) == ["plausibility.too_few_km", "plausibility.service_life"])
        #expect(notices.first?.params["per_year_km"] == 3467 && notices.first?.params["age_months"] == 113)
        #expect(notices.first?.message.zh.contains("预约出租客运") == true)
        #expect(notices.last?.message.en.contains("(8 years or 600,000 km)") == true)
    }

    @Test func odometersTooLowOrTooHighForTheCar() throws {
        #expect(codes(try car(km: 3)) == ["plausibility.too_few_km"])  // a 2017 private car at 3 km
        #expect(codes(try car(km: 1_999_999)) == ["plausibility.over_max", "plausibility.too_many_km"])
        #expect(codes(try car(km: 120_000)).isEmpty)  // 12,700 km a year: ordinary
        #expect(codes(try car(km: 3, registered: "2026-05-01")).isEmpty)  // too young to judge a yearly rate
        #expect(codes(try car(km: 3, registered: nil)).isEmpty)  // no age recorded: nothing to judge against
        #expect(codes(try car(km: 650_000, use: "taxi")) == ["plausibility.service_life"])
    }

    @Test func aFutureInspectionIsAnErrorBeyondTheClockSkew() throws {
        let now = try Timestamp.parse("2026-11-20T10:00:00+08:00").get()
        #expect(Plausibility.futureDate(try Timestamp.parse("2026-11-20T10:10:00+08:00").get(), now: now, policy: policy) == nil)  // 10 min skew
        let late = try #require(Plausibility.futureDate(try Timestamp.parse("2026-11-20T10:10:01+08:00").get(), now: now, policy: policy))
        #expect(late.contains("is in the future") && late.contains("allowed clock skew 10 min"))
        // Through the validator: 2031 is refused, located at inspected_at.
        let text = try String(contentsOf: Fixtures.sampleDay.appending(path: "LGXCE6CB2H0123456/appraisal.yaml"), encoding: .utf8)
        let future = text.replacingOccurrences(of: "inspected_at: 2026-11-20T10:10:00+08:00", with: "inspected_at: 2031-11-20T10:10:00+08:00")
        #expect(future != text)
        let url = Fixtures.sampleDay.appending(path: "LGXCE6CB2H0123456/appraisal.yaml")
        let validator = SubmissionValidator(catalog: Fixtures.catalog(), plausibility: policy, now: now)
        let report = validator.validate(Array(future.utf8), as: url, displayPath: "appraisal.yaml")
        #expect(report.validated == nil)
        #expect(
            report.errors.map(\.rendered).contains { $0.hasPrefix("appraisal.yaml:19:15: inspected_at 2031-11-20T10:10:00+08:00 is in the future") })
        // Without a clock the date is not judged (a template check of old files, say).
        #expect(
            SubmissionValidator(catalog: Fixtures.catalog(), plausibility: policy).validate(Array(future.utf8), as: url, displayPath: "a").isValid)
    }

    @Test(arguments: [
        ("clock_skew_minutes: 10", "clock_skew_minutes: -1", "clock_skew_minutes -1 is out of range (0-1440)"),
        ("default: {min: 2000, max: 60000}", "default: {min: 70000, max: 60000}", "min 70000 is above max 60000"),
        ("    default: {min: 2000, max: 60000}\n", "", "km_per_year needs a default rate"),
        ("  taxi: {years: 8, km: 600000}", "  taxi: {years: 8}", "plausibility-policy.yaml:30:9: service_life \"taxi\": missing required key \"km\""),
        ("format: plausibility-policy/1", "format: plausibility-policy/9", "format \"plausibility-policy/9\" is not supported"),
    ])
    func aBrokenPolicyIsRefusedWithItsPlace(from: String, to: String, message: String) throws {
        let text = try String(contentsOf: Fixtures.plausibilityPolicyFile, encoding: .utf8)
        let broken = text.replacingOccurrences(of: from, with: to)
        #expect(broken != text)
        #expect {
            try PlausibilityPolicyLoader.parse(Array(broken.utf8), path: "plausibility-policy.yaml")
        } throws: { error in
            "\(error)".contains(message)
        }
    }
}
