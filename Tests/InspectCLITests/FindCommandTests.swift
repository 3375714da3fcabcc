import Foundation
import TestSupport
import Testing

/// `inspect find` end to end on the sample day: by full VIN, VIN tail, plate and words; ambiguous queries list every
/// match; the index follows new inspections; no match is exit 1.
@Suite(.serialized) struct FindCommandTests {
    let folder = TemporaryFolder()
    var runner: CommandRunner {
        CommandRunner(directory: Fixtures.repoRoot, environment: ["INSPECT_DB": folder.url.appending(path: "inspect.db").path])
    }
    let day = "samples/day-2026-11-20"
    /// A second car whose VIN ends like LSVAM4189C2184526's (check digit valid) and with the same plate.
    let twin = "LFV3A24G3C2184526"

    func find(_ query: String) throws -> [String: Any] {
        let result = try runner.run(["find", query, "--format", "json"])
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result.stdout)\(result.stderr)")
    }

    func vins(_ output: [String: Any]) -> [String] { (output["cars"] as? [[String: Any]] ?? []).compactMap { $0["vin"] as? String } }

    func submitDay() throws {
        let cars = ["LSVAM4189C2184526", "LFV2A21K2D4052187", "JHMCM56557C404453", "LGXCE6CB2H0123456", "LHGCR2654E8012345"]
        let files = cars.flatMap { ["\(day)/\($0)/appraisal.yaml", "\(day)/\($0)/audit.yaml"] }
        #expect(try runner.run(["submit", "--now", "2026-11-26T10:00:00+08:00"] + files).status == 0)
    }

    @Test func everyKeyFindsItsCar() throws {
        try submitDay()
        let byVIN = try find("LSVAM4189C2184526")
        #expect(byVIN["format"] as? String == "find-result/1" && byVIN["matched_by"] as? String == "vin" && byVIN["total"] as? Int == 1)
        let facts = try #require((byVIN["facts"] as? [String: Any])?["vehicle"] as? [String: Any])
        let values = Dictionary(
            uniqueKeysWithValues: (facts["facts"] as? [[String: Any]] ?? []).map { ($0["field"] as? String ?? "", $0["value"] as? String ?? "") })
        #expect(values["registration_count"] == "2" && values["trim"] == "1.6L 自动 时尚版" && values["use"] == "private")
        let byTail = try find("184526")
        #expect(vins(byTail) == ["LSVAM4189C2184526"] && byTail["matched_by"] as? String == "vin_tail")
        let byPlate = try find("京n 8p2q1")  // spaces and case do not matter
        #expect(byPlate["matched_by"] as? String == "plate" && vins(byPlate) == ["LSVAM4189C2184526"])
        let jetta = try find("jetta sunroof")
        #expect(jetta["matched_by"] as? String == "text" && vins(jetta) == ["LFV2A21K2D4052187"] && jetta["facts"] != nil)
        // Chinese words match inside labels (天窗 in 电动天窗); several hits get no fact sheet.
        let sunroof = try find("天窗")
        #expect(Set(vins(sunroof)) == ["LSVAM4189C2184526", "LFV2A21K2D4052187", "LHGCR2654E8012345"] && sunroof["facts"] == nil)
        #expect(Set(vins(try find("Accord"))) == ["JHMCM56557C404453", "LHGCR2654E8012345"])
        #expect(vins(try find("倒车影像 honda")) == ["LHGCR2654E8012345"])
        #expect(vins(try find("ride-hailing")) == ["LGXCE6CB2H0123456"])  // the use, in either language
        // One line per car in text, with the headline and the latest stage.
        let text = try runner.run(["find", "Accord", "--lang", "en"])
        #expect(text.status == 0 && text.stdout.contains("LHGCR2654E8012345  沪C9M1X8  Guangqi Honda Accord  2014  2.4L 豪华版  Sunroof, Leather seats"))
        #expect(text.stdout.contains("Flood-damaged · not graded") && text.stdout.contains("2 cars; give a full VIN"))
    }

    @Test func aMilesOdometerIsShownInMiles() throws {
        try submitDay()
        let honda = try find("JHMCM56557C404453")
        let facts = try #require(honda["facts"] as? [String: Any])
        #expect(facts["latest_odometer_km"] as? Int == 99577)
        #expect((facts["latest_odometer"] as? [String: Any])?["unit"] as? String == "mi")
        #expect((facts["latest_odometer"] as? [String: Any])?["reading"] as? Int == 61874)
        #expect(try runner.run(["find", "JHMCM56557C404453"]).stdout.contains("61874 mi (99577 km)"))
    }

    @Test func ambiguousQueriesListEveryMatchAndTheIndexFollowsNewInspections() throws {
        try submitDay()
        try Fixtures.writePhotos(into: folder, subfolder: "twin")
        let appraisal = Fixtures.submissionYAML(vin: twin, defects: "").replacingOccurrences(
            of: "  plate: 京N8P2Q1\n", with: "  plate: 京N8P2Q1\n  trim: 舒适型\n")
        let file = try folder.write(appraisal, to: "twin/appraisal.yaml")
        #expect(try runner.run(["submit", file.path]).status == 0)
        for query in ["184526", "京N8P2Q1"] {
            let both = try find(query)
            #expect(both["total"] as? Int == 2 && Set(vins(both)) == ["LSVAM4189C2184526", twin] && both["facts"] == nil, "\(query)")
        }
        #expect(vins(try find("舒适型")) == [twin])
        // A correction at audit reaches the index on the next find.
        let audit = appraisal.replacingOccurrences(of: "stage: appraisal", with: "stage: audit").replacingOccurrences(of: "舒适型", with: "豪华型")
            .replacingOccurrences(of: "2026-11-20T09:30:00+08:00", with: "2026-11-21T09:30:00+08:00")
        #expect(try runner.run(["submit", try folder.write(audit, to: "twin/audit.yaml").path]).status == 0)
        let old = try find("舒适型"), new = try find("豪华型")
        #expect(vins(old).isEmpty && vins(new) == [twin])
        let sheet = try runner.run(["find", twin])
        #expect(sheet.stdout.contains("配置版本  豪华型") && sheet.stdout.contains("配置版本: 舒适型 → 豪华型（稽查 r1, 2026-11-21T09:30:00+08:00）"))
    }

    @Test func noMatchAndNoWordsAreExitOne() throws {
        try submitDay()
        let none = try runner.run(["find", "ZZZ999"])
        #expect(none.status == 1 && none.stdout == "没有车辆符合 \"ZZZ999\"\n")
        let json = try find("WVWZZZ1KZ6W000001")
        #expect(json["total"] as? Int == 0 && vins(json).isEmpty && json["matched_by"] as? String == "vin")
        let empty = try runner.run(["find", " · "])
        #expect(empty.status == 1 && empty.stderr.contains("the query has no letters or digits"))
        let unknownDB = CommandRunner(directory: Fixtures.repoRoot, environment: ["INSPECT_DB": folder.url.appending(path: "none.db").path])
        #expect(try unknownDB.run(["find", "Jetta"]).status != 0)
    }
}
