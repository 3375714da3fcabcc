import Foundation
import FuzzHarness
import Testing

/// Replays the inputs kept from fuzzing (`Inputs/<target>/`: minimised crashers and a spread of the corpus, one per
/// distinct outcome) and holds each to its recorded outcome in `Inputs/<target>.expected`, so a fixed crash stays
/// fixed and no refusal silently changes or turns into an acceptance. Regenerate a `.expected` file with
/// `swift run inspect-fuzz TARGET Tests/FuzzRegressionTests/Inputs/TARGET/*` when a change is intended.
@Suite struct FuzzRegressionTests {
    static let inputs = URL(filePath: #filePath).deletingLastPathComponent().appending(path: "Inputs")

    @Test(arguments: FuzzTarget.allCases)
    func keptInputsGiveTheirRecordedOutcome(_ target: FuzzTarget) throws {
        let expectedText = try String(contentsOf: Self.inputs.appending(path: "\(target.rawValue).expected"), encoding: .utf8)
        let expected = expectedText.split(separator: "\n").map(String.init)
        let folder = Self.inputs.appending(path: target.rawValue)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(names.count == expected.count, "every kept input has a recorded outcome and vice versa")
        #expect(names.count >= 5)
        var lines: [String] = []
        for name in names {
            let outcome = target.run(Array(try Data(contentsOf: folder.appending(path: name))))
            if case .broken = outcome { Issue.record("\(target) \(name): \(outcome)") }
            lines.append("\(name): \(outcome)")
        }
        for (line, want) in zip(lines, expected) where line != want {
            Issue.record("\(target): got \"\(line)\", recorded \"\(want)\"")
        }
    }
}
