import Common
import Inspection

/// `inspect deliver` as text, in one language (a night handover is read by the specialist at the customer's door).
package enum DeliveryRenderer {
    /// The delivery check of `vin` in `l`, ending with a newline.
    package static func text(vin: String, check: DeliveryCheck, language l: ReportLanguage) -> String {
        let zh = l == .zh
        let verdict = zh ? ReportMessages.label("delivery.verdict.\(check.verdict.rawValue)").zh : check.verdict.rawValue.uppercased()
        var lines = [
            zh ? "交付检查 \(vin)：\(verdict)" : "delivery check of \(vin): \(verdict)", "  \(zh ? "表显里程：" : "odometer: ")\(l.say(check.odometer))",
        ]
        for reason in check.reasons {
            let tag = zh ? ReportMessages.label("delivery.tag.\(reason.tag)").zh : reason.tag
            lines.append(zh ? "  [\(tag)] \(l.say(reason.notice))" : "  [\(tag)] \(reason.topic): \(l.say(reason.notice))")
        }
        if !check.openDisputes.isEmpty {
            lines.append((zh ? "  未结异议：" : "  open disputes: ") + check.openDisputes.map { "#\($0)" }.joined(separator: " "))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
