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

    /// Plain text for the desk, in `l`.
    package func text(_ l: ReportLanguage) -> String {
        let zh = l == .zh
        func name(_ id: String) -> String { zh ? FeedbackListOutput.Item.zh[id] ?? id : id }
        let kinds = Feedback.Kind.allCases.map { "\(name($0.rawValue)) \(byKind[$0.rawValue] ?? 0)" }.joined(separator: zh ? "，" : ", ")
        let channels = Feedback.Channel.allCases.map { "\(name($0.rawValue)) \(byChannel[$0.rawValue] ?? 0)" }.joined(separator: zh ? "，" : ", ")
        var lines = [zh ? "客户反馈 \(from) 至 \(to)" : "feedback \(from) to \(to)"]
        lines.append(zh ? "  按类型：\(kinds)" : "  by kind: \(kinds)")
        lines.append(zh ? "  按渠道：\(channels)" : "  by channel: \(channels)")
        lines.append(zh ? "  已关闭投诉：\(complaintsClosed)" : "  complaints closed: \(complaintsClosed)")
        lines.append(zh ? "超过 \(openAfterDays) 天未关闭的投诉：\(overdue.count)" : "open complaints older than \(openAfterDays) days: \(overdue.count)")
        lines += overdue.map { zh ? "  \($0.daysOpen) 天：\($0.item.line(l))" : "  \($0.daysOpen) days: \($0.item.line(l))" }
        lines.append(
            zh ? "投诉评估未记录的缺陷：\(missedByAppraiser.count)" : "complaints about defects the appraiser did not record: \(missedByAppraiser.count)")
        lines += missedByAppraiser.map { "  \($0.appraiserId)\($0.appraiserName.map { " \($0)" } ?? "")\(zh ? "：" : ": ")\($0.item.line(l))" }
        return lines.joined(separator: "\n") + "\n"
    }
}
