import Common
import Foundation
import TestSupport
import Testing

@testable import Inspection

/// The check-digit algorithm against the reference's worked examples, and the model-year code.
@Suite struct VINTests {
    @Test(arguments: [
        ("1M8GDM9AXKP042788", Character("X")),
        ("11111111111111111", Character("1")),
        ("JHMCM56557C404453", Character("5")),
        ("LSVAM4189C2184526", Character("9")),
    ])
    func workedExamplesAreValid(vin: String, digit: Character) {
        #expect(VIN.expectedCheckDigit(vin) == digit)
        #expect(VIN.problem(in: vin) == nil)
    }

    @Test func theKoreanExampleHasAWrongCheckDigitThatIsOnlyAWarning() {
        #expect(VIN.problem(in: "KNEJC524585810962") == .checkDigit(expected: "4", found: "5"))
        #expect(!VIN.checkDigitMandatory("KNEJC524585810962"))
        #expect(VIN.checkDigitMandatory("LSVAM4189C2184526"))
        #expect(VIN.checkDigitMandatory("5YJSA1E26HF000001"))
        #expect(!VIN.checkDigitMandatory("WVWZZZ1JZXW000001"))
    }

    @Test func knownBadImplementationsWouldDisagree() {
        // mod 10 (one public implementation) would give 1 for 1M8GDM9AXKP042788 (351 % 10); mod 11 gives 10 -> X.
        #expect(VIN.expectedCheckDigit("1M8GDM9AXKP042788") == "X")
        // Position 9 has weight 0: changing it never changes the expected digit.
        #expect(VIN.expectedCheckDigit("1M8GDM9A0KP042788") == "X")
    }

    @Test func lengthAndCharacters() {
        #expect(VIN.problem(in: "") == .length(0))
        #expect(VIN.problem(in: "JHMCM56557C40445") == .length(16))
        #expect(VIN.problem(in: "JHMCM56557C4O4453") == .characters(["O"]))
        #expect(VIN.problem(in: "JHMCM56557C4Q4I53") == .characters(["Q", "I"]))
        #expect(VIN.problem(in: "jhmcm56557c404453") == .characters(["j", "h", "m", "c", "m", "c"]))
    }

    @Test(
        arguments: [
            // Not North American (WMI not 1-5): the most recent possible year of the 30-year cycle.
            ("LSVAM4189C2184526", 2026, nil, VIN.ModelYear.year(2012)),  // C: 2012, not 1982
            ("LSVAM4189C2184526", 2026, 2011, .year(2012)),  // registered 2011: 2012 is still possible
            ("LSVAM4189C2184526", 2026, 2010, .year(1982)),  // registered 2010: 2012 is not
            ("JHMCM56557C404453", 2026, nil, .year(2007)),  // 7: 2037 is after next year
            ("LSVAM4189T2184526", 2026, nil, .year(2026)),  // T: this year
            ("LSVAM4189V2184526", 2026, nil, .year(2027)),  // V: next year is possible
            ("LSVAM4189W2184526", 2026, nil, .year(1998)),  // W: 2028 is not, so 1998
            // North American: position 7 picks the cycle; a year past the latest possible is impossible.
            ("1M8GDM9AXKP042788", 2026, nil, .year(1989)),  // position 7 "9": 1980 cycle
            ("5YJSA1E26HF000001", 2026, nil, .year(2017)),  // position 7 "E": 2010 cycle
            ("5YJSA1E265F000001", 2026, nil, .impossible(year: 2035, latest: 2027, becauseOfRegistration: false)),
            ("5YJSA1E26HF000001", 2026, 2015, .impossible(year: 2017, latest: 2016, becauseOfRegistration: true)),
            ("5YJSA1E26HF000001", 2026, 2016, .year(2017)),  // registered the year before its model year
            ("JHMCM5655UC404453", 2026, nil, .notAYearCode),  // U is never a year code
        ] as [(String, Int, Int?, VIN.ModelYear)])
    func modelYear(vin: String, inspected: Int, registered: Int?, expected: VIN.ModelYear) {
        #expect(VIN(unchecked: vin).modelYear(inspectedIn: inspected, firstRegisteredYear: registered) == expected)
    }

    /// `text` with its check digit (position 9) made right.
    static func withCheckDigit(_ text: String) -> String {
        var chars = Array(text)
        chars[8] = VIN.expectedCheckDigit(text) ?? "0"
        return String(chars)
    }

    @Test func anImpossibleModelYearIsALocatedError() throws {
        let future = Self.withCheckDigit("5YJSA1E205F000001")  // North American, position 7 "E", position 10 "5": 2035
        let report = try Fixtures.validate(Fixtures.submissionYAML(vin: future))
        #expect(
            report.errors.map(\.rendered) == [
                "appraisal.yaml:5:8: vin \"\(future)\": position 10 \"5\" means model year 2035 (position 7 \"E\" picks the 2010 cycle), but inspected in 2026, a car's model year is 2027 at the latest; check the VIN"
            ])
        // With a first registration, the model year may be at most the year after it.
        let registered = Fixtures.submissionYAML(vin: Self.withCheckDigit("5YJSA1E20HF000001"))
            .replacingOccurrences(of: "  plate: 京N8P2Q1", with: "  plate: 京N8P2Q1\n  first_registered: 2015-06-01")
        #expect(
            try Fixtures.validate(registered).errors.map(\.message) == [
                "position 10 \"H\" means model year 2017 (position 7 \"E\" picks the 2010 cycle), but the car was first registered on 2015-06-01, so its model year is 2016 at the latest; check the VIN"
            ])
        #expect(try Fixtures.validate(Fixtures.submissionYAML(vin: Self.withCheckDigit("5YJSA1E20HF000001"))).isValid)
    }

    @Test func aYearCodeThatIsNeverUsedIsAnErrorWhereTheCheckDigitIsMandatory() throws {
        let chinese = Self.withCheckDigit("LSVAM4180U2184526")
        let report = try Fixtures.validate(Fixtures.submissionYAML(vin: chinese))
        #expect(
            report.errors.map(\.message) == [
                "position 10 \"U\" is not a model-year code (U, Z and 0 are never used); it is a required code for VINs starting with L or 1-5"
            ])
        // Elsewhere it stays a warning.
        let japanese = try Fixtures.validate(Fixtures.submissionYAML(vin: Self.withCheckDigit("JHMCM5650UC404453")))
        #expect(japanese.isValid)
        #expect(japanese.diagnostics.contains { $0.message.hasPrefix("position 10 \"U\" is not a model-year code") })
    }
}
