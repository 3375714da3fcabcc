import Common
import TestSupport
import Testing

@testable import Inspection

/// The delivery check's verdicts: odometer against the leg's allowance, new damage, disputes, handover photos.
@Suite struct DeliveryCheckTests {
    let template: ChecklistTemplate
    let policy: MileagePolicy
    init() throws {
        template = try Fixtures.gbt()
        policy = try Fixtures.mileagePolicy()
    }

    func submission(_ stage: Stage, _ codes: [String], reading: Int, unit: DistanceUnit = .km, transport: Transport? = nil, disputes: [String]? = nil)
        -> Submission
    {
        Submission(
            templateID: template.id, stage: stage, vehicle: VehicleIdentity(vin: VIN(unchecked: "LSVAM4189C2184526")),
            inspector: Inspector(id: "X", name: nil), inspectedAt: Timestamp(epochSeconds: stage == .delivery ? 1_000_000 : 0), site: nil,
            odometer: OdometerReading(reading: reading, unit: unit, photo: nil), transport: transport,
            defects: codes.compactMap { Defect.split(code: $0) }.map { Defect(part: $0.part, type: $0.type, degree: $0.degree) }, checks: [],
            photos: [],
            notes: nil, disputes: disputes)
    }

    func check(
        _ reportCodes: [String] = ["14HH2"], _ deliveryCodes: [String] = [], reading: Int, unit: DistanceUnit = .km, transport: Transport?,
        disputes: [String]? = nil, photos: [PhotoGateProblem] = []
    ) -> DeliveryCheck {
        DeliveryCheck.evaluate(
            report: submission(.audit, reportCodes, reading: 48210),
            delivery: submission(.delivery, deliveryCodes, reading: reading, unit: unit, transport: transport, disputes: disputes),
            reportTemplate: template,
            photoProblems: photos, policy: policy)
    }

    @Test func theAnswerADeliverySpecialistCanShowTheBuyer() {
        let result = check(reading: 48236, transport: Transport(mode: .driven, routeKm: 24))
        #expect(result.verdict == .ok)
        #expect(result.odometer.message.en == "report 48,210 km, now 48,236 km, +26 km, driven 24 km route, within allowance")
        #expect(result.odometer.message.zh == "报告 48,210 km，现为 48,236 km，变化 +26 km，自驾运输，路线 24 km，在允许范围内")
        #expect(result.reasons.isEmpty)
    }

    @Test(arguments: [
        (48244, Transport(mode: .driven, routeKm: 24), DeliveryCheck.Verdict.ok),  // exactly the 34 km allowance
        (48245, Transport(mode: .driven, routeKm: 24), .attention),
        (48215, Transport(mode: .flatbed, routeKm: 300), .ok),
        (48216, Transport(mode: .flatbed, routeKm: 300), .attention),
        (48210, Transport(mode: .flatbed, routeKm: nil), .ok),  // equal readings
        (48209, Transport(mode: .flatbed, routeKm: nil), .stop),  // rollback by 1 km
    ])
    func odometerAgainstTheLegAllowance(reading: Int, transport: Transport, verdict: DeliveryCheck.Verdict) {
        #expect(check(reading: reading, transport: transport).verdict == verdict)
    }

    @Test func overTheAllowanceSaysWhichRule() {
        let result = check(reading: 48300, transport: Transport(mode: .driven, routeKm: 24))
        #expect(result.odometer.message.en == "report 48,210 km, now 48,300 km, +90 km, driven 24 km route, over the allowance of 34 km")
        #expect(
            result.reasons.first?.message
                == "+90 km since the report is more than the allowance of 34 km (driven: route 24 km plus 10% (at least 10 km))")
        #expect(result.reasons.first?.notice.params["allowance_km"] == 34)
    }

    @Test func milesWrittenAsKilometresAreARollbackWithAUnitHint() {
        // The report says 48,210 km; at delivery someone wrote the reading in miles: 29,970 mi = 48,232 km.
        let asMiles = check(reading: 29970, unit: .mi, transport: Transport(mode: .driven, routeKm: 24))
        #expect(asMiles.verdict == .ok)
        // The same digits recorded as km are 18,240 km below the report: a reading below is always a stop (the car
        // must not be handed over until someone looks), and the message says miles would explain it.
        let asKm = check(reading: 29970, unit: .km, transport: Transport(mode: .driven, routeKm: 24))
        #expect(asKm.verdict == .stop)
        #expect(asKm.reasons.first?.message.hasPrefix("the odometer reads 18,240 km less than the condition report") == true)
        #expect(asKm.reasons.first?.message.contains("possibly recorded in the wrong unit") == true)
    }

    @Test(arguments: [
        (["14HH2"], [String](), DeliveryCheck.Verdict.ok),
        (["14HH2"], ["14HH2"], .ok),  // in the report
        (["14HH2"], ["14HH1"], .ok),  // smaller than the report says
        (["14HH2"], ["14HH3"], .stop),  // worse than the report
        (["14HH2"], ["26AX1"], .stop),  // not in the report
    ])
    func newDamageStops(report: [String], delivery: [String], verdict: DeliveryCheck.Verdict) {
        let result = check(report, delivery, reading: 48212, transport: Transport(mode: .flatbed, routeKm: nil))
        #expect(result.verdict == verdict)
        #expect(result.newDamage == (verdict == .stop ? delivery : []))
    }

    @Test func disputesAreListed() {
        let result = check(["14HH2", "21XS1"], [], reading: 48212, transport: Transport(mode: .flatbed, routeKm: nil), disputes: ["21XS1", "33LW1"])
        #expect(result.disputed == ["21XS1"])
        #expect(result.verdict == .attention)  // 33LW1 is not in the report
        #expect(
            result.reasons.map(\.message) == [
                "the buyer disputes 33LW1, which the condition report does not list", "the buyer disputes report defect 21XS1 (recorded)",
            ])
    }

    @Test func aNightPhotoTooDarkToShowThePaintNeedsARetake() {
        let notice = Notice(
            code: "photo.exposure.too_dark", params: ["mean_luma": "0.04"],
            message: LocalizedText(zh: "太暗，看不清漆面：平均亮度 0.04（低于 0.12 不合格）", en: "too dark to show the paint: mean luma 0.04 (fail below 0.12)"))
        let dark = PhotoGateProblem(
            angle: "front_left_45", angleLabel: LocalizedText(zh: "左前45度", en: "Front left 45°"),
            gate: PhotoProblem(gate: "exposure", verdict: "fail", notice: notice))
        let result = check(reading: 48212, transport: Transport(mode: .flatbed, routeKm: nil), photos: [dark])
        #expect(result.verdict == .attention)
        #expect(result.reasons.first?.topic == "photo")
        #expect(result.reasons.first?.message == "Front left 45°: too dark to show the paint: mean luma 0.04 (fail below 0.12); retake it")
        #expect(result.reasons.first?.notice.message.zh == "左前45度：太暗，看不清漆面：平均亮度 0.04（低于 0.12 不合格）；请重拍")
        // A warning is no reason to retake.
        var warning = dark
        warning.gate.verdict = "warn"
        #expect(check(reading: 48212, transport: Transport(mode: .flatbed, routeKm: nil), photos: [warning]).verdict == .ok)
    }
}
