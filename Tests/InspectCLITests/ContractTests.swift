import Foundation
import TestSupport
import Testing

/// Every machine output is a contract: a top-level `format: name/N` matching its schema in `schemas/`, snake_case keys
/// throughout (inside `params` too), scores as decimals and every sentence a coded notice `{code, params, message}`.
@Suite(.serialized) struct ContractTests {
    let folder = TemporaryFolder()
    var runner: CommandRunner {
        CommandRunner(directory: Fixtures.repoRoot, environment: ["INSPECT_DB": folder.url.appending(path: "inspect.db").path])
    }
    let day = "samples/day-2026-11-20"

    /// Problems of one JSON output: schema violations, a format that is not the schema's, keys not in snake_case.
    static func problems(_ json: String, schema name: String) throws -> [String] {
        let data = Data(json.utf8)
        let schema = try JSONSchemaValidator(schemaAt: Fixtures.repoRoot.appending(path: "schemas/\(name).schema.json"))
        var problems = try schema.validate(json: data)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let format = object["format"] as? String ?? ""
        if format.replacingOccurrences(of: "/", with: "-") != name { problems.append("format \(format) is not \(name)") }
        func keys(_ value: Any, _ path: String) {
            if let object = value as? [String: Any] {
                for (key, inner) in object {
                    if key.range(of: "^[a-z][a-z0-9]*(_[a-z0-9]+)*$", options: .regularExpression) == nil && !(path.hasSuffix(".message")) {
                        problems.append("\(path).\(key) is not snake_case")
                    }
                    keys(inner, "\(path).\(key)")
                }
            } else if let array = value as? [Any] {
                for (index, inner) in array.enumerated() { keys(inner, "\(path)[\(index)]") }
            }
        }
        keys(object, "$")
        return problems
    }

    @Test func everyJSONOutputKeepsItsContract() throws {
        let cars = ["LSVAM4189C2184526", "LFV2A21K2D4052187", "JHMCM56557C404453", "LGXCE6CB2H0123456", "LHGCR2654E8012345"]
        let files = cars.flatMap { ["\(day)/\($0)/appraisal.yaml", "\(day)/\($0)/audit.yaml"] }
        #expect(try runner.run(["submit", "--now", "2026-11-26T10:00:00+08:00"] + files).status == 0)
        let outputs: [(schema: String, arguments: [String])] = [
            ("validation-1", ["validate", "--format", "json", "\(day)/LSVAM4189C2184526/appraisal.yaml", "samples/invalid/appraisal.yaml"]),
            ("comparison-2", ["compare", "--lang", "en", "--format", "json", "LFV2A21K2D4052187"]),
            ("comparison-2", ["compare", "--lang", "en", "--format", "json", "JHMCM56557C404453"]),
            (
                "appraiser-accuracy-1",
                ["compare", "--lang", "en", "--by-appraiser", "--from", "2026-11-20", "--to", "2026-11-21", "--format", "json"]
            ),
            ("mileage-ledger-2", ["mileage", "show", "--lang", "en", "--format", "json", "LHGCR2654E8012345"]),
            (
                "delivery-check-2",
                [
                    "deliver", "--format", "json", "JHMCM56557C404453", "--submission", "\(day)/JHMCM56557C404453/delivery.yaml", "--now",
                    "2026-11-27T10:00:00+08:00",
                ]
            ),
            (
                "photo-check-1",
                [
                    "photos", "check", "--format", "json", "\(day)/LSVAM4189C2184526/photos/front.jpg",
                    Fixtures.corpus("opencv-samples/licenseplate_motion.jpg").path,
                ]
            ),
            ("condition-report-2", ["report", "--format", "json", "LHGCR2654E8012345", "--generated-at", "2026-11-27T18:00:00+08:00"]),
            ("quote-1", ["quote", "--format", "json", "LHGCR2654E8012345"]),
            ("dispute-list-1", ["dispute", "list", "--format", "json", "JHMCM56557C404453"]),
            ("warranty-list-1", ["warranty", "list", "--format", "json", "LSVAM4189C2184526"]),
            ("quote-1", ["quote", "--format", "json", "JHMCM56557C404453"]),  // excluded: flood
            ("quote-1", ["quote", "--format", "json", "LFV2A21K2D4052187", "--site", "tier3"]),  // structural: not quoted
            ("find-result-1", ["find", "--format", "json", "LSVAM4189C2184526"]),  // one car: its fact sheet
            ("find-result-1", ["find", "--format", "json", "天窗"]),  // several
            ("find-result-1", ["find", "--format", "json", "184526"]),
            ("feedback-list-1", ["feedback", "list", "--format", "json"]),
            (
                "feedback-summary-1",
                ["feedback", "summary", "--lang", "en", "--from", "2026-11-20", "--to", "2026-11-30", "--open-after", "1", "--format", "json"]
            ),
        ]
        for (index, feedback) in [("LFV2A21K2D4052187", "complaint", "21HH2"), ("LSVAM4189C2184526", "praise", "delivery")].enumerated() {
            #expect(
                try runner.run([
                    "feedback", "record", feedback.0, "--kind", feedback.1, "--channel", "phone", "--text", "t", "--at",
                    "2026-11-2\(4 + index)T10:00:00+08:00", "--about", feedback.2,
                ]).status == 0)
        }
        #expect(try runner.run(["feedback", "close", "1", "--resolution", "repainted", "--by", "CS-0007"]).status == 0)
        #expect(
            try runner.run(["deliver", "--lang", "en", "LSVAM4189C2184526", "--submission", "\(day)/LSVAM4189C2184526/delivery.yaml"]).status == 0)
        let returned = try runner.run([
            "return", "--lang", "en", "--format", "json", "LSVAM4189C2184526", "--submission", "\(day)/LSVAM4189C2184526/return.yaml",
        ])
        #expect(try Self.problems(returned.stdout, schema: "return-check-1") == [])
        #expect(
            try runner.run([
                "warranty", "claim", "LSVAM4189C2184526", "--check", "chassis.7", "--symptom", "springs", "--cost", "10400", "--at",
                "2026-12-10T10:00:00+08:00",
            ]).status == 0)
        let service = "samples/service-2026-12-01/LSVAM4189C2184526"
        #expect(try runner.run(["submit", "\(service)/reception.yaml", "\(service)/health_check.yaml"]).status == 0)
        let visit = try runner.run([
            "service", "report", "LSVAM4189C2184526", "--work-order", "WO-2026-1201-07", "--format", "json", "--audience", "internal",
        ])
        #expect(try Self.problems(visit.stdout, schema: "service-visit-1") == [])
        // A car with a return, a claim and a service visit in its ledger still reports to the contract.
        let full = try runner.run(["report", "LSVAM4189C2184526", "--format", "json", "--generated-at", "2026-12-20T10:00:00+08:00"])
        #expect(try Self.problems(full.stdout, schema: "condition-report-2") == [])
        let owned = try runner.run(["mileage", "show", "--lang", "en", "LSVAM4189C2184526", "--format", "json"])
        #expect(try Self.problems(owned.stdout, schema: "mileage-ledger-2") == [] && owned.stdout.contains("allowance.with_owner"))
        let bi = try runner.run(["service", "summary", "--from", "2026-12-01", "--to", "2026-12-01", "--format", "json"])
        #expect(try Self.problems(bi.stdout, schema: "service-summary-1") == [])
        for output in outputs {
            let result = try runner.run(output.arguments)
            #expect(!result.stdout.isEmpty, "\(output.arguments): \(result.stderr)")
            #expect(try Self.problems(result.stdout, schema: output.schema) == [], "\(output.arguments)")
        }
        // The conflict in the ledger, with its numbers as parameters and its wording in both languages.
        let ledger = try runner.run(["mileage", "show", "--lang", "en", "--format", "json", "LHGCR2654E8012345"]).stdout
        #expect(ledger.contains("\"below_km\" : 45") && ledger.contains("读数矛盾") && ledger.contains("readings disagree"))
        // Scores are decimals, not hundredths.
        let compared = try runner.run(["compare", "--lang", "en", "--format", "json", "LFV2A21K2D4052187"]).stdout
        #expect(compared.contains("\"total\" : 91.5"))
        // The batch summary, with a broken car among the good ones.
        let broken = TemporaryFolder()
        let car = broken.url.appending(path: "broken-car")
        try FileManager.default.createDirectory(at: car, withIntermediateDirectories: true)
        try Data("format: inspection/1\nstage: appraisal\n".utf8).write(to: car.appending(path: "appraisal.yaml"))
        let summary = broken.url.appending(path: "summary.json")
        let batch = try runner.run(["batch", broken.url.path, "--quiet", "--summary-json", summary.path, "--now", "2026-11-27T10:00:00+08:00"])
        #expect(batch.status == 4)
        let text = try String(contentsOf: summary, encoding: .utf8)
        #expect(try Self.problems(text, schema: "batch-summary-2") == [])
        #expect(text.contains("\"code\" : \"batch.invalid\""))
    }

    @Test func theCheckCatchesAContractBreak() throws {
        let camel = #"{"format": "photo-check/1", "photos": [{"file": "a.jpg", "pHash": "00"}]}"#
        #expect(try Self.problems(camel, schema: "photo-check-1").contains("$.photos[0].pHash is not snake_case"))
        let wrongFormat = #"{"format": "photo-check/2", "photos": []}"#
        #expect(try Self.problems(wrongFormat, schema: "photo-check-1").count == 2)  // the schema's const and the name
    }
}
