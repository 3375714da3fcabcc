import Common
import Inspection

/// `inspect feedback list --format json`: `format: feedback-list/1` (schema `schemas/feedback-list-1.schema.json`).
package struct FeedbackListOutput: Sendable, Hashable, Codable {
    /// The contract's name and version.
    package static let formatName = "feedback-list/1"

    /// One piece of feedback and its closing.
    package struct Item: Sendable, Hashable, Codable {
        package var id: Int64
        package var vin: String
        package var kind: String
        package var channel: String
        package var text: String
        package var receivedAt: String
        /// A finding code or a stage name.
        package var about: String?
        /// `open` or `closed` for a complaint; nil for praise and questions.
        package var status: String?
        package var resolution: String?
        package var resolvedBy: String?
        package var resolvedAt: String?

        /// The item for `feedback`.
        package init(_ feedback: Feedback) {
            id = feedback.id
            vin = feedback.vin
            kind = feedback.kind.rawValue
            channel = feedback.channel.rawValue
            text = feedback.text
            receivedAt = feedback.receivedAt.text
            about = feedback.about?.text
            status = feedback.kind == .complaint ? (feedback.resolution == nil ? "open" : "closed") : nil
            resolution = feedback.resolution?.resolution
            resolvedBy = feedback.resolution?.resolvedBy
            resolvedAt = feedback.resolution?.resolvedAt.text
        }

        /// One line: `#3 2026-11-25T10:00:00+08:00 LSVAM4189C2184526 complaint (phone) about 21HH2 [open]: text`.
        package var line: String { line(.en) }

        /// One line (and its resolution) in `l`; the customer's words stay as written.
        package func line(_ l: ReportLanguage) -> String {
            guard l == .zh else {
                let state = status.map { " [\($0)\(resolvedBy.map { " by \($0)" } ?? "")]" } ?? ""
                return "#\(id) \(receivedAt) \(vin) \(kind) (\(channel))\(about.map { " about \($0)" } ?? "")\(state): \(text)"
                    + (resolution.map { "\n    resolution: \($0)" } ?? "")
            }
            let state = status.map { " [\(Self.zh[$0] ?? $0)\(resolvedBy.map { " \($0)" } ?? "")]" } ?? ""
            let subject = about.map { " 关于 \(Stage(rawValue: $0)?.label.zh ?? $0)" } ?? ""
            return "#\(id) \(receivedAt) \(vin) \(Self.zh[kind] ?? kind)（\(Self.zh[channel] ?? channel)）\(subject)\(state)：\(text)"
                + (resolution.map { "\n    处理结果：\($0)" } ?? "")
        }

        /// Kinds, channels and states in Chinese.
        static let zh = [
            "complaint": "投诉", "praise": "表扬", "question": "咨询", "phone": "电话", "online": "线上", "store": "门店", "open": "未关闭",
            "closed": "已关闭",
        ]
    }

    package var format = Self.formatName
    package var items: [Item]

    /// The output for `feedback`.
    package init(_ feedback: [Feedback]) { items = feedback.map(Item.init) }

    /// Plain text, a line each.
    package var text: String { items.isEmpty ? "no feedback\n" : items.map { $0.line + "\n" }.joined() }
}
