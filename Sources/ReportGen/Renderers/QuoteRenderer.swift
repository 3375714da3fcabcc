import Common
import Inspection

/// The reconditioning estimate in a reader's language: Markdown (for `inspect quote --format md` and the report) and
/// an HTML section (for `--format html` and the report's page).
package enum QuoteRenderer {
    /// The estimate as Markdown lines (no trailing newline), headed at `level` (`##` in the report).
    package static func markdown(_ q: QuoteOutput, language l: ReportLanguage, level: String = "##") -> [String] {
        func cell(_ text: String) -> String { text.replacingPipes }
        var out = ["\(level) \(l.text(.estimate))", ""]
        if let excluded = q.excluded {
            out.append("**\(cell(l.say(excluded.reason)))**")
            return out
        }
        out.append(
            "\(l.text(.siteClass)) \(q.siteClass) · \(l.text(.labourRate)) \(l.money(.init(min: q.labourRate, max: q.labourRate), currency: q.currency))\(l == .zh ? "/小时" : "/h")"
        )
        out.append("")
        if !q.lines.isEmpty {
            out.append("| | \(l.text(.part)) | \(l.text(.operation)) | \(l.text(.hours)) | \(l.text(.cost)) |")
            out.append("|---|---|---|---|---|")
            for line in q.lines {
                let part = l.pick(line.part.name) + (line.defect.map { " " + l.pick($0) } ?? "")
                out.append(
                    "| \(line.finding) | \(cell(part)) | \(cell(l.pick(line.operation.name))) | \(ReportLanguage.number(line.hours)) | \(l.money(line.cost, currency: q.currency)) |"
                )
            }
            out.append("| **\(l.text(.estimateTotal))** | | | | **\(l.money(q.total, currency: q.currency))** |")
        }
        if !q.notQuoted.isEmpty {
            out.append("")
            out.append("\(l.text(.notQuoted)):")
            for item in q.notQuoted { out.append("- \(cell(l.say(item.reason)))") }
        }
        return out
    }

    /// The estimate as an HTML section.
    package static func html(_ q: QuoteOutput, language l: ReportLanguage) -> String {
        func e(_ text: String) -> String { HTML.escape(text) }
        var h = ["<section class=\"estimate\"><h2>\(e(l.text(.estimate)))</h2>"]
        if let excluded = q.excluded {
            h.append("<p class=\"excluded\"><b>\(e(l.say(excluded.reason)))</b></p></section>")
            return h.joined(separator: "\n")
        }
        h.append(
            "<p class=\"meta\">\(e(l.text(.siteClass))) \(e(q.siteClass)) · \(e(l.text(.labourRate))) \(e(l.money(.init(min: q.labourRate, max: q.labourRate), currency: q.currency)))\(l == .zh ? "/小时" : "/h")</p>"
        )
        if !q.lines.isEmpty {
            h.append(
                "<table class=\"stack\"><thead><tr><th></th><th>\(e(l.text(.part)))</th><th>\(e(l.text(.operation)))</th><th>\(e(l.text(.hours)))</th><th>\(e(l.text(.cost)))</th></tr></thead><tbody>"
            )
            for line in q.lines {
                let part = l.pick(line.part.name) + (line.defect.map { " " + l.pick($0) } ?? "")
                func cell(_ key: ReportLanguage.Key, _ html: String) -> String { "<td data-label=\"\(e(l.text(key)))\">\(html)</td>" }
                h.append(
                    "<tr><td class=\"code\"><b>\(e(line.finding))</b></td>\(cell(.part, e(part)))\(cell(.operation, e(l.pick(line.operation.name))))"
                        + "\(cell(.hours, ReportLanguage.number(line.hours)))\(cell(.cost, e(l.money(line.cost, currency: q.currency))))</tr>")
            }
            h.append(
                "<tr><th>\(e(l.text(.estimateTotal)))</th><td></td><td></td><td></td><td><b>\(e(l.money(q.total, currency: q.currency)))</b></td></tr></tbody></table>"
            )
        }
        if !q.notQuoted.isEmpty {
            h.append("<h3>\(e(l.text(.notQuoted)))</h3><ul>" + q.notQuoted.map { "<li>\(e(l.say($0.reason)))</li>" }.joined() + "</ul>")
        }
        h.append("</section>")
        return h.joined(separator: "\n")
    }
}

extension QuoteRenderer {
    /// The estimate as a whole HTML page (`inspect quote --format html`).
    package static func page(_ q: QuoteOutput, language l: ReportLanguage) -> String {
        """
        <!DOCTYPE html>
        <html lang="\(l == .zh ? "zh-CN" : "en")">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTML.escape(l.text(.estimate))) \(HTML.escape(q.vin))</title>
        <style>\(ConditionReportHTMLRenderer.style)</style></head>
        <body><main><h1>\(HTML.escape(l.text(.estimate))) · \(HTML.escape(q.vin))</h1>
        \(html(q, language: l))
        </main></body></html>

        """
    }
}

extension String {
    /// Pipes escaped and line breaks flattened, for a Markdown table cell.
    var replacingPipes: String {
        var out = ""
        for character in self {
            switch character {
            case "|": out += "\\|"
            case "\n", "\r\n": out += " "
            default: out.append(character)
            }
        }
        return out
    }
}
