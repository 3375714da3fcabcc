import Common
import Inspection

/// `inspect feedback summary --format json`: `format: feedback-summary/1` (schema
/// `schemas/feedback-summary-1.schema.json`).
package struct FeedbackSummaryOutput: Sendable, Hashable, Codable {
    /// The contract's name and version.
    package static let formatName = "feedback-summary/1"

    /// An open complaint past the limit.
    package struct Overdue: Sendable, Hashable, Codable {
        package var item: FeedbackListOutput.Item
        package var daysOpen: Int
    }

    /// A complaint about a defect the appraiser did not record.
    package struct Miss: Sendable, Hashable, Codable {
        package var item: FeedbackListOutput.Item
        package var appraiserId: String
        package var appraiserName: String?
    }

    package var format = Self.formatName
    package var from: String
    package var to: String
    /// Counts of feedback received in the window by kind (every kind, zero included) and by channel.
    package var byKind: [String: Int]
    package var byChannel: [String: Int]
    package var complaintsClosed: Int
    /// Complaints open more than this many days at the end of the window are listed.
    package var openAfterDays: Int
    package var overdue: [Overdue]
    package var missedByAppraiser: [Miss]

    /// The output for `summary` of the window `from` to `to`.
    package init(_ summary: FeedbackSummary, from: String, to: String, openAfterDays: Int) {
        self.from = from
        self.to = to
        byKind = Dictionary(uniqueKeysWithValues: Feedback.Kind.allCases.map { ($0.rawValue, summary.byKind[$0] ?? 0) })
        byChannel = Dictionary(uniqueKeysWithValues: Feedback.Channel.allCases.map { ($0.rawValue, summary.byChannel[$0] ?? 0) })
        complaintsClosed = summary.closed
        self.openAfterDays = openAfterDays
        overdue = summary.overdue.map { Overdue(item: .init($0.feedback), daysOpen: $0.days) }
        missedByAppraiser = summary.missedByAppraiser.map {
            Miss(item: .init($0.feedback), appraiserId: $0.appraiserID, appraiserName: $0.appraiserName)
        }
    }

    /// Plain text for the desk.
    package var text: String {
        var lines = ["feedback \(from) to \(to)"]
        lines.append("  by kind: " + Feedback.Kind.allCases.map { "\($0.rawValue) \(byKind[$0.rawValue] ?? 0)" }.joined(separator: ", "))
        lines.append("  by channel: " + Feedback.Channel.allCases.map { "\($0.rawValue) \(byChannel[$0.rawValue] ?? 0)" }.joined(separator: ", "))
        lines.append("  complaints closed: \(complaintsClosed)")
        lines.append("open complaints older than \(openAfterDays) days: \(overdue.count)")
        lines += overdue.map { "  \($0.daysOpen) days: \($0.item.line)" }
        lines.append("complaints about defects the appraiser did not record: \(missedByAppraiser.count)")
        lines += missedByAppraiser.map { "  \($0.appraiserId)\($0.appraiserName.map { " \($0)" } ?? ""): \($0.item.line)" }
        return lines.joined(separator: "\n") + "\n"
    }
}
