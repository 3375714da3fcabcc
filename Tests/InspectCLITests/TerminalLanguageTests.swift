import Foundation
import TestSupport
import Testing

/// `deliver`, `return`, `compare`, `mileage show` and `feedback summary` print in the language `--lang` asks for (zh by
/// default, as the reports): zh has no English prose, en no Chinese labels; data (names, sites, notes, the customer's
/// words, codes and units) stays as written.
@Suite(.serialized) struct TerminalLanguageTests {
    let folder = TemporaryFolder()
    var runner: CommandRunner {
        CommandRunner(directory: Fixtures.repoRoot, environment: ["INSPECT_DB": folder.url.appending(path: "inspect.db").path])
    }
    let day = "samples/day-2026-11-20"
    /// What the sample day's people wrote or are called: data, in whichever language they wrote it.
    static let data = [
        "王磊", "张伟", "李娜", "周敏", "陈晨", "孙丽", "右后门有划痕，报告里没有", "BJ-Yizhuang", "BJ-Chaoyang-Handover", "TJ-Port-Handover", "typo in",
        "pHash",
    ]

    /// The words of the other language left once data, codes, units, paths and times are taken out.
    static func foreign(_ output: String, zh: Bool) -> [String] {
        var text = output
        for value in data { text = text.replacingOccurrences(of: value, with: " ") }
        if zh {
            let stripped = text.replacingOccurrences(
                of: "[A-Za-z0-9_./:+-]*[0-9./_:+-][A-Za-z0-9_./:+-]*|\\b(km|mi|mm|h|x)\\b", with: " ", options: .regularExpression)
            return Set(stripped.split { !($0.isASCII && $0.isLetter) }.filter { $0.count > 1 }.map(String.init)).sorted()
        }
        let chinese = text.unicodeScalars.filter {
            (0x4E00...0x9FFF).contains($0.value) || (0x3000...0x303F).contains($0.value) || (0xFF00...0xFFEF).contains($0.value)
        }
        return chinese.isEmpty ? [] : [String(String.UnicodeScalarView(chinese))]
    }

    @Test func eachOutputIsInOneLanguage() throws {
        let cars = ["LSVAM4189C2184526", "LFV2A21K2D4052187", "JHMCM56557C404453", "LHGCR2654E8012345"]
        let files = cars.flatMap { ["\(day)/\($0)/appraisal.yaml", "\(day)/\($0)/audit.yaml"] }
        #expect(try runner.run(["submit", "--now", "2026-11-26T10:00:00+08:00"] + files).status == 0)
        #expect(
            try runner.run([
                "feedback", "record", "LFV2A21K2D4052187", "--kind", "complaint", "--channel", "phone", "--text", "右后门有划痕，报告里没有", "--at",
                "2026-11-24T10:00:00+08:00", "--about", "21HH2",
            ]).status == 0)
        let handover = ["--submission", "\(day)/JHMCM56557C404453/delivery.yaml", "--now", "2026-11-27T10:00:00+08:00"]
        let zhDelivery = try runner.run(["deliver", "JHMCM56557C404453"] + handover)
        #expect(zhDelivery.status == 5 && zhDelivery.stdout.hasPrefix("交付检查 JHMCM56557C404453：停止交付"))  // zh by default
        #expect(Self.foreign(zhDelivery.stdout, zh: true) == [], "\(zhDelivery.stdout)")
        #expect(try runner.run(["deliver", "LSVAM4189C2184526", "--submission", "\(day)/LSVAM4189C2184526/delivery.yaml"]).status == 0)
        let commands: [[String]] = [
            ["return", "LSVAM4189C2184526", "--submission", "\(day)/LSVAM4189C2184526/return.yaml"], ["compare", "LFV2A21K2D4052187"],
            ["compare", "--by-appraiser", "--from", "2026-11-20", "--to", "2026-11-21"], ["mileage", "show", "LSVAM4189C2184526"],
            ["mileage", "show", "LHGCR2654E8012345"], ["feedback", "summary", "--from", "2026-11-20", "--to", "2026-11-30"],
            ["deliver", "JHMCM56557C404453"] + handover,
        ]
        for command in commands {
            for language in ["zh", "en"] {
                let output = try runner.run(command + ["--lang", language]).stdout
                #expect(!output.isEmpty, "\(command)")
                #expect(Self.foreign(output, zh: language == "zh") == [], "\(command.prefix(2)) --lang \(language):\n\(output)")
            }
        }
    }
}
