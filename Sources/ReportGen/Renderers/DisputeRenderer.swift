import Common
import Inspection

/// The disputes section of the condition report: each dispute with the report's close-up and the photo taken when
/// it was disputed, side by side (HTML), its decision, cost and who bore it.
enum DisputeRenderer {
    /// One dispute's settlement in a sentence: "已抛光处理 · 复测程度 2 · 费用 300 元（平台承担，批准 MGR-7）".
    static func settlement(_ d: ConditionReport.DisputeItem, currency: String, language l: ReportLanguage) -> String {
        var parts = [l.pick(d.statusLabel)]
        if let degree = d.degree { parts.append("\(l.text(.remeasured)) \(degree)") }
        if let cost = d.cost {
            let who = d.bearerLabel.map { l == .zh ? "\(l.pick($0))承担" : "\(l.text(.borneBy)) \(l.pick($0))" }
            let approval = d.approvedBy.map { l == .zh ? "，批准 \($0)" : ", approved by \($0)" } ?? ""
            let detail = who.map { l == .zh ? "（\($0)\(approval)）" : " (\($0)\(approval))" } ?? ""
            parts.append("\(l.text(.cost)) \(l.money(.init(min: cost, max: cost), currency: currency))\(detail)")
        }
        if let at = d.resolvedAt { parts.append(at + (d.resolvedBy.map { " \($0)" } ?? "")) }
        return parts.joined(separator: " · ")
    }

    /// Markdown lines.
    static func markdown(_ report: ConditionReport, language l: ReportLanguage) -> [String] {
        guard !report.disputes.isEmpty else { return [] }
        let currency = report.estimate?.currency ?? "CNY"
        var out = ["", "## \(l.text(.disputes))", ""]
        for d in report.disputes {
            let part = d.part.map { " " + l.pick($0) } ?? ""
            out.append(
                "- #\(d.id) \(d.finding)\(part) · \(l.text(.openedBy)) \(l.party(d.openedBy)) \(d.openedAt) · \(settlement(d, currency: currency, language: l))"
                    .replacingPipes)
            let photos = [
                d.reportPhoto.map { "\(l.text(.reportPhoto)) `\($0.image)`" }, d.disputePhoto.map { "\(l.text(.disputePhoto)) `\($0.image)`" },
            ].compactMap { $0 }
            if !photos.isEmpty { out.append("  " + photos.joined(separator: " · ")) }
        }
        return out
    }

    /// The HTML section; `src` turns a stored path into an image source.
    static func html(_ report: ConditionReport, language l: ReportLanguage, src: (String?) -> String?) -> String? {
        guard !report.disputes.isEmpty else { return nil }
        func e(_ text: String) -> String { HTML.escape(text) }
        let currency = report.estimate?.currency ?? "CNY"
        var h = ["<section class=\"disputes\"><h2>\(e(l.text(.disputes)))</h2>"]
        for d in report.disputes {
            let part = d.part.map { " " + l.pick($0) } ?? ""
            h.append(
                "<div class=\"dispute \(e(d.status))\"><p><b>#\(d.id) \(e(d.finding))\(e(part))</b> · \(e(l.text(.openedBy))) \(e(l.party(d.openedBy))) \(e(d.openedAt))</p>"
            )
            h.append("<p>\(e(settlement(d, currency: currency, language: l)))</p><div class=\"pair\">")
            for (label, ref) in [(l.text(.reportPhoto), d.reportPhoto), (l.text(.disputePhoto), d.disputePhoto)] {
                let image = src(ref?.thumbnail ?? ref?.image).map { "<img src=\"\($0)\" alt=\"\(e(label))\">" } ?? "<span class=\"none\">—</span>"
                h.append("<figure>\(image)<figcaption>\(e(label))</figcaption></figure>")
            }
            h.append("</div></div>")
        }
        h.append("</section>")
        return h.joined(separator: "\n")
    }
}
