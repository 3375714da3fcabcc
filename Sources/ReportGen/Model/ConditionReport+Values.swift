import Common

extension ConditionReport {
    /// The report that replaces this one, and when the car was returned.
    package struct Supersession: Sendable, Hashable, Codable {
        package var reportID: String
        package var returnedAt: String

        package init(reportID: String, returnedAt: String) {
            self.reportID = reportID
            self.returnedAt = returnedAt
        }
    }

    /// A measured value with its unit and what it measures.
    package struct Measured: Sendable, Hashable, Codable {
        package var value: Double
        package var unit: String
        package var name: Label?
    }
}
