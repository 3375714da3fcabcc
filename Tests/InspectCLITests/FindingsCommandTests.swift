import Foundation
import TestSupport
import Testing

/// `inspect compare`, `inspect mileage` and `inspect deliver` end to end on the sample day, with their exit codes.
@Suite(.serialized) struct FindingsCommandTests {
    let folder = TemporaryFolder()
    var runner: CommandRunner {
        CommandRunner(directory: Fixtures.repoRoot, environment: ["INSPECT_DB": folder.url.appending(path: "inspect.db").path])
    }
    let day = "samples/day-2026-11-20"

    func submit(_ cars: [String], stages: [String] = ["appraisal", "audit"]) throws {
        let files = cars.flatMap { car in stages.map { "\(day)/\(car)/\($0).yaml" } }
        let result = try runner.run(["submit", "--now", "2026-11-26T10:00:00+08:00"] + files)
        #expect(result.status == 0, "\(result.stderr)")
    }

    /// A leg between two miles readings is computed from the unrounded readings and rounded once, the same in every
    /// output (61,870 -> 61,874 mi is 6.4 km: +6, not the 7 between the rounded 99,570 and 99,577 km).
    @Test func theSameLegHasTheSameKilometresEverywhere() throws {
        try submit(["JHMCM56557C404453"])
        let show = try runner.run(["show", "JHMCM56557C404453"]).stdout
        #expect(show.contains("61874 mi (99577 km)  +6 km"))
        // One zone per output: the stored time in the inspection's zone, not UTC beside +08:00.
        #expect(show.contains("stored 2026-11-26T10:00:00+08:00 from") && !show.contains("Z from"))
        #expect(
            try runner.run(["mileage", "show", "--lang", "en", "JHMCM56557C404453"]).stdout.contains("61,874 mi (99,577 km) · submission · +6 km"))
        #expect(try runner.run(["compare", "--lang", "en", "JHMCM56557C404453"]).stdout.contains("driven 6 km"))
    }

    @Test func compareFindsTheMissedStructuralDefect() throws {
        try submit(["LFV2A21K2D4052187"])
        let text = try runner.run(["compare", "--lang", "en", "LFV2A21K2D4052187"])
        #expect(text.status == 3)
        #expect(
            text.stdout.contains("  score: appraisal 94 Grade 1 -> audit 91.5 Grade 5, accident car")
                && text.stdout.contains("flags raised by the audit: Accident car\n"))
        #expect(
            text.stdout.contains(
                "  [critical] missed-by-appraiser: 4SH Left C-pillar welded: missed by the appraiser; changes the grade to Grade 5, accident car"
            ))
        #expect(text.stdout.contains("driven 11 km and 2.2 days between appraisal and audit"))
        #expect(text.stdout.contains("same-angle photos: 18 pairs"))
        let json = try runner.run(["compare", "--lang", "en", "--format", "json", "LFV2A21K2D4052187"])
        #expect(json.status == 3)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["format"] as? String == "comparison/2")
        #expect(object["flags_added"] as? [String] == ["accident"])
        #expect((object["audit"] as? [String: Any])?["total"] as? Double == 91.5)  // points, not hundredths
        let items = try #require(object["discrepancies"] as? [[String: Any]])
        #expect(items.first?["kind"] as? String == "missed-by-appraiser")
        let summary = try #require(items.first?["summary"] as? [String: Any])
        #expect(summary["code"] as? String == "compare.missed_by_appraiser")
        #expect((summary["message"] as? [String: String])?["zh"] == "4SH 左C柱烧焊：评估漏检；技术等级变为五级")
        #expect((object["evidence"] as? [String: Any])?["angles"] is [[String: Any]])
    }

    /// A transport record between appraisal and audit tells the comparison the car was on the road.
    @Test func aTransportRecordBetweenTheInspectionsReachesTheComparison() throws {
        try submit(["LSVAM4189C2184526"])
        func context() throws -> [String: Any] {
            let json = try runner.run(["compare", "--lang", "en", "--format", "json", "LSVAM4189C2184526"])
            let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
            return try #require((object["context"] as? [String: Any])?["params"] as? [String: Any])
        }
        #expect(try context()["transported"] as? String == "no")
        #expect(try context()["threshold_km"] as? Int == 15)
        let moved = try runner.run([
            "mileage", "record", "LSVAM4189C2184526", "--stage", "transport", "--reading", "48216", "--at", "2026-11-21T08:00:00+08:00", "--mode",
            "driven", "--route-km", "5",
        ])
        #expect(moved.status == 0, "\(moved.stderr)")
        #expect(try context()["transported"] as? String == "yes")
        #expect(try context()["threshold_km"] as? Int == 50)
    }

    @Test func compareNeedsBothStagesAndByAppraiserAggregates() throws {
        try submit(["LSVAM4189C2184526"], stages: ["appraisal"])
        let missing = try runner.run(["compare", "--lang", "en", "LSVAM4189C2184526"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("needs both an appraisal and an audit"))
        try submit(["LSVAM4189C2184526", "LFV2A21K2D4052187"])
        let report = try runner.run(["compare", "--lang", "en", "--by-appraiser", "--from", "2026-11-20", "--to", "2026-11-20"])
        #expect(report.status == 0)
        #expect(report.stdout.contains("  APR-0117 王磊: 2 cars, 5 discrepancies (2.5 per car), 1 missed structural, 1 critical"))
        #expect(report.stdout.contains("  AUD-0031 李娜: 2 cars audited, 5 discrepancies found, 1 critical"))
        #expect(try runner.run(["compare", "--lang", "en", "--by-appraiser", "--from", "2026-11-20"]).status == 2)
    }

    @Test func mileageRecordShowAndCorrect() throws {
        try submit(["LSVAM4189C2184526"])
        let flatbed = try runner.run([
            "mileage", "record", "LSVAM4189C2184526", "--stage", "transport", "--reading", "48225", "--at", "2026-11-24T08:00:00+08:00", "--mode",
            "flatbed",
        ])
        #expect(flatbed.status == 0, "\(flatbed.stderr)")
        #expect(
            flatbed.stdout
                == "recorded #3 LSVAM4189C2184526 transport 48,225 km at 2026-11-24T08:00:00+08:00; +3 km since the previous reading (allowance 5 km)\n"
        )
        let typo = try runner.run([
            "mileage", "record", "LSVAM4189C2184526", "--stage", "transport", "--reading", "48152", "--at", "2026-11-24T18:00:00+08:00", "--mode",
            "driven",
            "--route-km", "24",
        ])
        #expect(typo.status == 3, "\(typo.stdout)\(typo.stderr)")  // stored, and said at once: it disagrees with the ledger
        #expect(typo.stderr.contains("[critical] readings disagree: #4 48,152 km at transport"))
        let shown = try runner.run(["mileage", "show", "--lang", "en", "LSVAM4189C2184526"])
        #expect(shown.status == 3)
        let fix = try runner.run([
            "mileage", "record", "LSVAM4189C2184526", "--stage", "transport", "--reading", "48251", "--at", "2026-11-24T18:00:00+08:00", "--mode",
            "driven",
            "--route-km", "24", "--supersedes", "4", "--note", "typo in #4",
        ])
        #expect(fix.status == 0)
        #expect(fix.stdout.contains("correcting #4"))
        let corrected = try runner.run(["mileage", "show", "--lang", "en", "LSVAM4189C2184526"])
        #expect(corrected.status == 0, "\(corrected.stdout)")
        #expect(corrected.stdout.contains("48,152 km · driven 24 km route · manual · superseded by #5"))
        #expect(
            corrected.stdout.contains(
                "#5 2026-11-24T18:00:00+08:00 transport 48,251 km · driven 24 km route · manual · corrects #4 · +26 km (allowance 34 km) · typo in #4"
            ))
        #expect(corrected.stdout.hasSuffix("no flags\n"))
        let again = try runner.run([
            "mileage", "record", "LSVAM4189C2184526", "--stage", "transport", "--reading", "48251", "--at", "2026-11-24T18:00:00+08:00",
            "--supersedes", "4",
        ])
        #expect(again.status == 1)
        #expect(again.stderr == "inspect: odometer reading #4 was already corrected by #5; supersede #5 instead\n")
        #expect(
            try runner.run(["mileage", "record", "LSVAM4189C2184526", "--stage", "parking", "--reading", "1", "--at", "2026-11-24T18:00:00Z"]).status
                == 2)
        #expect(
            try runner.run(["mileage", "record", "LSVAM4189C2184526", "--stage", "other", "--reading", "1", "--at", "2026-11-24T18:00:00"]).status
                == 2)
        #expect(
            try runner.run(["mileage", "record", "WVWZZZ1JZXW000001", "--stage", "other", "--reading", "1", "--at", "2026-11-24T18:00:00Z"]).status
                == 1)
    }

    @Test func deliverGivesAVerdict() throws {
        try submit(["LSVAM4189C2184526", "JHMCM56557C404453"])
        let ok = try runner.run(["deliver", "--lang", "en", "LSVAM4189C2184526", "--submission", "\(day)/LSVAM4189C2184526/delivery.yaml"])
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(
            ok.stdout
                == "delivery check of LSVAM4189C2184526: OK\n  odometer: report 48,222 km, now 48,252 km, +30 km, driven 24 km route, within allowance\n"
        )
        let stop = try runner.run([
            "deliver", "--lang", "en", "--format", "json", "JHMCM56557C404453", "--submission", "\(day)/JHMCM56557C404453/delivery.yaml",
        ])
        #expect(stop.status == 5)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(stop.stdout.utf8)) as? [String: Any])
        #expect(object["format"] as? String == "delivery-check/2")
        #expect(object["verdict"] as? String == "stop")
        #expect(object["new_damage"] as? [String] == ["26AX2"])
        #expect(object["disputed"] as? [String] == ["27HH1"])
        let reasons = try #require(object["reasons"] as? [[String: Any]])
        let notices = reasons.compactMap { $0["notice"] as? [String: Any] }
        let photos = notices.filter { $0["code"] as? String == "delivery.photo_retake" }.compactMap { $0["message"] as? [String: String] }
        #expect(photos.contains { $0["en"]?.contains("too dark to show the paint") == true })
        #expect(photos.contains { $0["zh"]?.contains("太暗，看不清漆面") == true })
        let wrongCar = try runner.run(["deliver", "--lang", "en", "LFV2A21K2D4052187", "--submission", "\(day)/LSVAM4189C2184526/delivery.yaml"])
        #expect(wrongCar.status == 1)
        #expect(wrongCar.stderr.contains("the submission is for VIN LSVAM4189C2184526, not LFV2A21K2D4052187"))
        // A transport reading above the delivery's: the two disagree in the ledger, so a person must look first.
        let folder2 = TemporaryFolder()
        let runner2 = CommandRunner(directory: Fixtures.repoRoot, environment: ["INSPECT_DB": folder2.url.appending(path: "inspect.db").path])
        #expect(try runner2.run(["submit", "\(day)/LSVAM4189C2184526/appraisal.yaml", "\(day)/LSVAM4189C2184526/audit.yaml"]).status == 0)
        #expect(
            try runner2.run([
                "mileage", "record", "LSVAM4189C2184526", "--stage", "transport", "--reading", "48300", "--at", "2026-11-24T08:00:00+08:00", "--mode",
                "driven",
                "--route-km", "80",
            ]).status == 0)
        let rolledBack = try runner2.run(["deliver", "--lang", "en", "LSVAM4189C2184526", "--submission", "\(day)/LSVAM4189C2184526/delivery.yaml"])
        #expect(rolledBack.status == 3)
        #expect(rolledBack.stdout.contains("[attention] ledger: readings disagree: #4 48,252 km at delivery"), "\(rolledBack.stdout)")
        // The delivery reading is in the ledger now.
        #expect(
            try runner.run(["mileage", "show", "--lang", "en", "LSVAM4189C2184526"]).stdout.contains(
                "delivery  48,252 km · driven 24 km route · submission"))
    }
}
