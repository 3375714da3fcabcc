import Common
import Inspection

/// The delivery section of the condition report: the latest handover checked against the report, and every attempt
/// when there was more than one. After a return the handover is history: the attempts stand alone under their own
/// heading, without a verdict on the car as it is now.
enum HandoverRenderer {
    /// The HTML section, or nil when the car was never handed over.
    static func html(_ report: ConditionReport, language l: ReportLanguage) -> String? {
        func e(_ text: String) -> String { HTML.escape(text) }
        var h: [String] = []
        if let delivery = report.delivery {
            h.append("<section class=\"delivery \(e(delivery.verdict))\"><h2>\(e(l.text(.delivery))): \(e(l.pick(delivery.verdictLabel)))</h2>")
            h.append("<p>\(e(delivery.inspectedAt)) · \(e(l.say(delivery.odometer)))</p>")
            if !delivery.reasons.isEmpty {
                h.append("<ul>" + delivery.reasons.map { "<li>[\(e(l.pick($0.tagLabel)))] \(e(l.say($0.notice)))</li>" }.joined() + "</ul>")
            }
        } else if report.handovers != nil {
            h.append("<section class=\"handovers\">")
        }
        if let attempts = report.handovers {
            h.append(report.delivery == nil ? "<h2>\(e(l.text(.handoverAttempts)))</h2><ul>" : "<h3>\(e(l.text(.handoverAttempts)))</h3><ul>")
            for attempt in attempts {
                h.append("<li>\(e(attempt.inspectedAt))\(attempt.site.map { " · " + e($0) } ?? "") · \(e(l.pick(attempt.verdictLabel)))</li>")
            }
            h.append("</ul>")
        }
        guard !h.isEmpty else { return nil }
        return (h + ["</section>"]).joined(separator: "\n")
    }

    /// Markdown lines (none when the car was never handed over).
    static func markdown(_ report: ConditionReport, language l: ReportLanguage) -> [String] {
        var out: [String] = []
        if let delivery = report.delivery {
            out += ["", "## \(l.text(.delivery))", ""]
            out.append(
                "**\(l.text(.verdict)): \(l.pick(delivery.verdictLabel))** · \(delivery.inspectedAt) · \(l.say(delivery.odometer).replacingPipes)")
            for reason in delivery.reasons { out.append("- [\(l.pick(reason.tagLabel))] \(l.say(reason.notice).replacingPipes)") }
        }
        if let attempts = report.handovers {
            out += report.delivery == nil ? ["", "## \(l.text(.handoverAttempts))", ""] : ["", "**\(l.text(.handoverAttempts))**"]
            for attempt in attempts {
                out.append("- \(attempt.inspectedAt)\(attempt.site.map { " · " + $0.replacingPipes } ?? "") · \(l.pick(attempt.verdictLabel))")
            }
        }
        return out
    }
}
