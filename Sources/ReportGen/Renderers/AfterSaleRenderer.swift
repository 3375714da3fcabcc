import Common
import Inspection

/// The after-sale section of the condition report (internal): the return inspection and its verdict, and the
/// warranty claims with how each item stood in the inspections.
enum AfterSaleRenderer {
    /// Lines of text in `l`: a heading for each part, then one line per item.
    static func lines(_ a: ConditionReport.AfterSale, currency: String, language l: ReportLanguage) -> [(heading: String, lines: [String])] {
        var parts: [(String, [String])] = []
        if let r = a.returned {
            var lines = ["\(l.pick(r.verdictLabel)) · \(r.returnedAt)" + (r.deadline.map { " · \(l.text(.windowUntil)) \($0)" } ?? "")]
            let km = (r.deliveryKm.map { "\(NoticeValue.grouped($0)) → " } ?? "") + "\(NoticeValue.grouped(r.returnKm)) km"
            let allowance = l == .zh ? "（允许 \(r.allowanceKm) km）" : " (allowance \(r.allowanceKm) km)"
            lines.append("\(l.text(.odometer)) \(km)\(allowance)")
            let money = r.currency ?? currency
            for item in r.items {
                // The one amount charged; the estimate's range beside it when it was one.
                let estimate = item.amount.flatMap {
                    $0.min == $0.max
                        ? nil : (l == .zh ? "（" : " (") + "\(l.text(.estimateRange)) \(l.money($0, currency: money))" + (l == .zh ? "）" : ")")
                }
                let charged = item.charged.map { " · " + l.money(.init(min: $0, max: $0), currency: money) + (estimate ?? "") }
                lines.append(l.say(item.notice) + (charged ?? ""))
            }
            if let total = r.chargedTotal { lines.append("\(l.text(.deductions)) \(l.money(.init(min: total, max: total), currency: money))") }
            parts.append((l.text(.returnInspection), lines))
        }
        if let c = a.claims {
            let lines = c.claims.map { claim in
                "#\(claim.id) \(claim.claimedAt) · \(claim.symptom) · \(l.money(.init(min: claim.cost, max: claim.cost), currency: currency)) · \(l.say(claim.attributionNotice))"
            }
            parts.append((l.text(.warrantyClaims), lines))
        }
        return parts
    }

    /// Markdown lines.
    static func markdown(_ report: ConditionReport, language l: ReportLanguage) -> [String] {
        guard let a = report.afterSale else { return [] }
        var out = ["", "## \(l.text(.afterSale))"]
        for (heading, lines) in lines(a, currency: report.estimate?.currency ?? "CNY", language: l) {
            out += ["", "**\(heading)**", ""] + lines.map { "- " + $0.replacingPipes }
        }
        return out
    }

    /// The HTML section.
    static func html(_ report: ConditionReport, language l: ReportLanguage) -> String? {
        guard let a = report.afterSale else { return nil }
        func e(_ text: String) -> String { HTML.escape(text) }
        var h = ["<section class=\"after-sale\"><h2>\(e(l.text(.afterSale)))</h2>"]
        for (heading, lines) in lines(a, currency: report.estimate?.currency ?? "CNY", language: l) {
            h.append("<h3>\(e(heading))</h3><ul>" + lines.map { "<li>\(e($0))</li>" }.joined() + "</ul>")
        }
        h.append("</section>")
        return h.joined(separator: "\n")
    }
}
