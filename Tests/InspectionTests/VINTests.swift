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

    @Test func modelYear() {
        #expect(VIN(unchecked: "LSVAM4189C2184526").modelYear() == 1982)  // position 7 numeric: 1980 cycle
        #expect(VIN(unchecked: "LSVAM4189C2184526").modelYear(firstRegisteredYear: 2012) == 2012)
        #expect(VIN(unchecked: "1M8GDM9AXKP042788").modelYear() == 1989)  // position 7 numeric ("9"): 1980 cycle
        #expect(VIN(unchecked: "5YJSA1E26HF000001").modelYear() == 2017)  // position 7 alphabetic ("E"): 2010 cycle
        #expect(VIN(unchecked: "JHMCM56557C404453").modelYear(firstRegisteredYear: 2007) == 2007)
        #expect(VIN(unchecked: "JHMCM5655UC404453").modelYears == [])  // U is never a year code
    }
}
