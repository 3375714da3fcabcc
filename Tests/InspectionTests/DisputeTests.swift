import Testing

@testable import Inspection

/// A dispute counts against the appraiser only when the buyer was found right: a polish where the re-measured degree
/// matches (or is below) the report's is goodwill, not an upheld complaint.
@Suite struct DisputeTests {
    func dispute(_ code: String, _ decision: Dispute.Decision?, degree: Int? = nil) throws -> Dispute {
        let at = try Timestamp.parse("2026-11-25T17:00:00+08:00").get()
        return Dispute(
            vin: "LSVAM4189C2184526", finding: code, openedBy: .customer, openedAt: at,
            resolution: decision.map { Dispute.Resolution(decision: $0, by: "STF-0012", at: at, degree: degree) })
    }

    @Test func aPolishThatFoundTheReportedDegreeIsNotUpheld() throws {
        #expect(try !dispute("14HH2", .polished, degree: 2).upheld)  // the report said 2, re-measured 2
        #expect(try !dispute("14HH2", .polished, degree: 1).upheld)
        #expect(try dispute("14HH2", .polished, degree: 3).upheld)  // worse than reported: the buyer was right
        #expect(try dispute("14HH2", .polished).upheld)  // no re-measurement: taken as the buyer's
    }

    @Test func otherSettlements() throws {
        #expect(try dispute("14HH2", .accepted).upheld)
        #expect(try dispute("14HH2", .repaired, degree: 2).upheld)
        #expect(try dispute("14HH2", .priceAdjusted).upheld)
        #expect(try !dispute("14HH2", .refused).upheld)
        #expect(try !dispute("14HH2", nil).upheld)  // still open
    }
}
