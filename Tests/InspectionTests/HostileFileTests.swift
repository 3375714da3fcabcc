import Common
import Foundation
import TestSupport
import Testing

@testable import Inspection

/// Files that are not submissions at all, or are built to hurt: each gets one clear error, never a crash or a hang.
@Suite struct HostileFileTests {
    func only(_ bytes: [UInt8], name: String = "appraisal.yaml") throws -> [String] {
        let report = try Fixtures.validate(bytes: bytes, name: name)
        #expect(!report.isValid)
        return report.diagnostics.map(\.rendered)
    }

    @Test func emptyAndCommentOnlyFiles() throws {
        #expect(try only([]) == ["appraisal.yaml: file is empty; expected a submission"])
        #expect(try only(Array("  \n\n".utf8)) == ["appraisal.yaml: file is empty; expected a submission"])
        #expect(try only(Array("# nothing but a comment\n".utf8)) == ["appraisal.yaml: file is empty; expected a submission"])
    }

    @Test func nonUTF8AndNULBytes() throws {
        #expect(
            try only(Array("format: inspection/1\nsite: ".utf8) + [0xFF, 0x0A])
                == ["appraisal.yaml:2:7: is not valid UTF-8 (first bad byte at offset 27); save the submission as UTF-8"])
        #expect(try only(Array("format: in".utf8) + [0x00]) == ["appraisal.yaml:1:11: contains a NUL byte; a submission must be UTF-8 text"])
    }

    @Test func oversizedFilesAreRefusedBeforeReading() throws {
        let bytes = [UInt8](repeating: UInt8(ascii: "#"), count: YAMLLimits.submission.maxBytes + 1)
        #expect(try only(bytes) == ["appraisal.yaml: file is 1048577 bytes; a submission may be at most 1048576 bytes"])
    }

    @Test func aliasBombsAreRejectedAtTheFirstAnchor() throws {
        var lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        for i in 1...9 { lines.append("a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 9).joined(separator: ", ") + "]") }
        let result = try only(Array(lines.joined(separator: "\n").utf8))
        #expect(result == ["appraisal.yaml:1:5: anchors and aliases (&name, *name) are not allowed; write the value out"])
    }

    @Test func deepNestingIsRefused() throws {
        let deep = "a: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(
            try only(Array(deep.utf8)) == ["appraisal.yaml:1:36: nesting deeper than 32 levels (reached 33); a submission is never nested this deep"])
        var block = "a:\n"
        for level in 1...40 { block += String(repeating: " ", count: level) + "k\(level):\n" }
        block += String(repeating: " ", count: 41) + "end: 1\n"
        let result = try only(Array(block.utf8))
        #expect(result.count == 1 && result[0].contains("nesting deeper than 32 levels"))
    }

    @Test func syntaxErrorsAndSeveralDocuments() throws {
        let syntax = try only(Array("format: inspection/1\nchecks: [engine.1, \n".utf8))
        #expect(syntax.count == 1 && syntax[0].hasPrefix("appraisal.yaml:3:1: YAML syntax error:"))
        // Said as a person would: what is wrong and where it began, the parser's words after it.
        #expect(syntax[0].contains("a value is missing here (a ',' with nothing after it, or a '[', '{' or '- ' left empty) [YAML: "))
        let unclosed = try only(Array("format: inspection/1\nchecks: [engine.1\n".utf8))
        #expect(unclosed.count == 1 && unclosed[0].contains("the [ opened on line 2 is not closed: a ']' is missing"))
        let indented = try only(Array("format: inspection/1\n  stage: appraisal\n".utf8))
        #expect(indented.count == 1 && indented[0].contains("indent this line like the keys it belongs with"))
        let documents = try only(Array("format: inspection/1\n---\nformat: inspection/1\n".utf8))
        #expect(documents.count == 1 && documents[0].contains("but found another document"))
    }

    @Test func jsonSubmissionsAreStrictJSON() throws {
        let folder = TemporaryFolder()
        try Fixtures.writePhotos(into: folder)
        var object: [String: Any] = [
            "format": "inspection/1", "template": "gbt30323-2013", "stage": "appraisal",
            "vehicle": ["vin": "LSVAM4189C2184526"], "inspector": ["id": "APR-0117"], "inspected_at": "2026-11-20T09:30:00+08:00",
            "odometer": ["reading": 48210, "unit": "km"], "defects": [["code": "14HH2"]],
        ]
        var checks: [String: String] = [:]
        for (section, count) in Fixtures.requiredSections { for n in 1...count { checks["\(section).\(n)"] = "ok" } }
        object["checks"] = checks
        object["photos"] = Dictionary(uniqueKeysWithValues: Fixtures.requiredAngles.map { ($0, "photos/\($0).jpg") })
        let json = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
        let url = try folder.write(json, to: "appraisal.json")
        let validator = SubmissionValidator(catalog: Fixtures.catalog())
        let report = validator.validate(fileAt: url, displayPath: "appraisal.json")
        #expect(report.diagnostics.map(\.rendered) == [])
        #expect(report.validated?.submission.defects.first?.code == "14HH2")

        let trailingComma = Data(
            String(decoding: json, as: UTF8.self).replacingOccurrences(of: "\"stage\" : \"appraisal\",", with: "\"stage\" : \"appraisal\",,").utf8)
        let bad = validator.validate(fileAt: try folder.write(trailingComma, to: "bad.json"), displayPath: "bad.json")
        #expect(bad.diagnostics.count == 1)
        #expect(bad.diagnostics.first?.rendered.hasPrefix("bad.json: is not valid JSON: expected a quoted key at line ") == true)
        // A quoted number in JSON is a string, not a number.
        let quoted = Data(String(decoding: json, as: UTF8.self).replacingOccurrences(of: "48210", with: "\"48210\"").utf8)
        let wrongType = validator.validate(fileAt: try folder.write(quoted, to: "quoted.json"), displayPath: "quoted.json")
        #expect(wrongType.errors.map(\.message) == ["reading must be an integer, found the quoted text \"48210\""])
    }

    @Test func aMissingFileAndADirectory() throws {
        let validator = SubmissionValidator(catalog: Fixtures.catalog())
        let folder = TemporaryFolder()
        #expect(
            validator.validate(fileAt: folder.url.appending(path: "nope.yaml"), displayPath: "nope.yaml").diagnostics.map(\.rendered) == [
                "nope.yaml: file not found"
            ])
        #expect(validator.validate(fileAt: folder.url, displayPath: "dir").diagnostics.map(\.rendered) == ["dir: is not a regular file"])
    }

    @Test func theBrokenSampleReportsEveryProblemAtOnce() throws {
        let url = Fixtures.repoRoot.appending(path: "samples/invalid/appraisal.yaml")
        let report = SubmissionValidator(catalog: Fixtures.catalog()).validate(fileAt: url, displayPath: "appraisal.yaml")
        #expect(report.errors.count == 20)
        #expect(
            report.diagnostics.map(\.rendered).contains(
                "appraisal.yaml:13:11: defect \"14HX2\": unknown defect type \"HX\" for body part 14 (allowed: HH BX XS LW AX XF)"))
    }
}
