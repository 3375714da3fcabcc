import Inspection

/// `inspect compare --by-appraiser --format json`: `format: appraiser-accuracy/1` (schema
/// `schemas/appraiser-accuracy-1.schema.json`).
package struct AccuracyOutput: Sendable, Encodable {
    /// The contract's name and version.
    package static let formatName = "appraiser-accuracy/1"

    package var format = Self.formatName
    /// First and last day, `YYYY-MM-DD`.
    package var from: String
    /// See ``from``.
    package var to: String
    package var appraisers: [AccuracyReport.Appraiser]
    package var auditors: [AccuracyReport.Auditor]

    /// The output for `report` over `from`...`to`.
    package init(_ report: AccuracyReport, from: String, to: String) {
        self.from = from
        self.to = to
        appraisers = report.appraisers
        auditors = report.auditors
    }
}
