import Common
import Foundation
import TestSupport
import Testing

@testable import Inspection

/// NUL and other control characters, bidi overrides and odd Unicode inside strings.
@Suite struct HostileTextTests {
    func rendered(_ text: String) throws -> [String] { try Fixtures.validate(text).diagnostics.map(\.rendered) }

    @Test(arguments: [
        ("\\0", "0000"), ("\\x07", "0007"), ("\\x1b[31m", "001B"), ("\\u202E", "202E"), ("\\u2066", "2066"), ("\\x85", "0085"),
    ])
    func escapedControlCharactersInStringsAreRefused(escape: String, code: String) throws {
        let text = Fixtures.submissionYAML().replacingOccurrences(of: "site: BJ-Yizhuang", with: "site: \"BJ\(escape)Yizhuang\"")
        #expect(try rendered(text) == ["appraisal.yaml:9:7: site contains the control character U+\(code); remove it"])
    }

    @Test func aRawRightToLeftOverrideInANameIsRefused() throws {
        let text = Fixtures.submissionYAML().replacingOccurrences(of: "name: 王磊", with: "name: \"王\u{202E}磊\"")
        let result = try rendered(text)
        #expect(result == ["appraisal.yaml:7:34: inspector: name contains the control character U+202E; remove it"], "\(result)")
    }

    @Test func oddButHonestUnicodeIsKept() throws {
        // Combining marks, emoji, zero-width joiner, CJK extension B and Arabic: all allowed, stored as written.
        let name = "Zoë 李\u{0301} 👩‍🔧 𠮷 محمد"
        let text = Fixtures.submissionYAML().replacingOccurrences(of: "name: 王磊", with: "name: \"\(name)\"")
        let report = try Fixtures.validate(text)
        #expect(report.diagnostics.isEmpty)
        #expect(report.validated?.submission.inspector.name == name)
    }

    @Test func notesKeepTabsAndLineBreaks() throws {
        let text = Fixtures.submissionYAML(
            defects: "defects:\n  - code: 14HH2\n    note: \"line one\\n\\tline two\"\n    photos: [photos/defect.jpg]")
        let report = try Fixtures.validate(text)
        #expect(report.diagnostics.isEmpty)
        #expect(report.validated?.submission.defects.first?.note == "line one\n\tline two")
    }
}
