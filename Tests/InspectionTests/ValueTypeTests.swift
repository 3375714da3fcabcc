import Common
import Testing

@testable import Inspection

/// Timestamps, calendar dates and fixed-point points.
@Suite struct ValueTypeTests {
    @Test func timestampsKeepTheirZone() throws {
        let beijing = try Timestamp.parse("2026-11-20T09:30:00+08:00").get()
        #expect(beijing.utcText == "2026-11-20T01:30:00Z")
        #expect(beijing.offsetMinutes == 480)
        #expect(beijing.text == "2026-11-20T09:30:00+08:00")
        let utc = try Timestamp.parse("2026-11-20T01:30:00Z").get()
        #expect(utc.epochSeconds == beijing.epochSeconds)
        let fraction = try Timestamp.parse("2026-11-20T01:30:00.250-05:00").get()
        #expect(fraction.utcText == "2026-11-20T06:30:00Z")
        #expect(Timestamp(epochSeconds: 0).text == "1970-01-01T00:00:00Z")
        #expect(Timestamp(epochSeconds: -1).utcText == "1969-12-31T23:59:59Z")
        // The local date is the day at the site, not in UTC; the same instant in another zone keeps the instant.
        let evening = try Timestamp.parse("2026-11-20T23:30:00-05:00").get()
        #expect(evening.localDate == CalendarDate(parsing: "2026-11-20") && evening.utcText.hasPrefix("2026-11-21"))
        #expect(evening.inZone(of: beijing).text == "2026-11-21T12:30:00+08:00" && evening.inZone(of: beijing).epochSeconds == evening.epochSeconds)
    }

    @Test(arguments: [
        ("2026-11-20T09:30:00", Timestamp.Problem.missingZone),
        ("2026-11-20", .format),
        ("2026-11-20T09:30:00+0800", .format),
        ("2025-02-29T09:30:00Z", .outOfRange),
        ("2026-11-20T09:60:00Z", .outOfRange),
        ("2026-11-20T09:30:00+15:00", .outOfRange),
    ])
    func badTimestamps(text: String, problem: Timestamp.Problem) {
        #expect(throws: problem) { try Timestamp.parse(text).get() }
    }

    @Test func calendarDates() {
        #expect(CalendarDate(parsing: "2024-02-29")?.description == "2024-02-29")
        #expect(CalendarDate(parsing: "2023-02-29") == nil)
        #expect(CalendarDate(parsing: "1900-02-29") == nil)
        #expect(CalendarDate(parsing: "2000-02-29") != nil)
        #expect(CalendarDate(parsing: "2024-2-09") == nil)
        #expect(CalendarDate.fromDaysSinceEpoch(CalendarDate.daysSinceEpoch(year: 2026, month: 11, day: 26)).description == "2026-11-26")
    }

    @Test func pointsAreExactHundredths() {
        #expect(Points(parsing: "0.5")?.hundredths == 50)
        #expect(Points(parsing: "1.25")?.hundredths == 125)
        #expect(Points(parsing: "20")?.hundredths == 2000)
        #expect(Points(parsing: "1.255") == nil)
        #expect(Points(parsing: "1e2") == nil)
        #expect(Points(parsing: ".5") == nil)
        #expect(Points(hundredths: 8750).description == "87.5")
        #expect(Points(hundredths: 9005).description == "90.05")
        #expect(Points(hundredths: 9000).description == "90")
        #expect((Points(parsing: "0.1")! + Points(parsing: "0.2")!) == Points(parsing: "0.3")!)
    }

    @Test func sha256MatchesKnownVectors() {
        #expect(SHA256.hex(of: Array("".utf8)) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(of: Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let million = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        #expect(SHA256.hex(of: million) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        var chunked = SHA256()
        for start in stride(from: 0, to: million.count, by: 999) { chunked.update(Array(million[start..<min(start + 999, million.count)])) }
        #expect(chunked.finalizeHex() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}
