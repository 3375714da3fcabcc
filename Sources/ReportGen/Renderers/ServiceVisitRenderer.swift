import Common
import Foundation
import Inspection

/// The service visit's page in one language: Markdown, and self-contained HTML readable on a phone.
package enum ServiceVisitRenderer {
    /// A measured value with its unit: "2.1 mm".
    static func measured(_ item: ServiceVisitOutput.Item) -> String {
        item.value.map { " · \(ReportLanguage.number($0)) \(item.unit ?? "")" } ?? ""
    }

    /// Markdown.
    package static func markdown(_ v: ServiceVisitOutput, language l: ReportLanguage) -> String {
        var out = ["# \(l.text(.serviceVisit)) · \(v.vin)", "", "\(l.text(.workOrder)) `\(v.workOrder)`"]
        if let r = v.reception {
            out += [
                "", "## \(l.text(.reception))", "",
                "\(r.inspectedAt)\(r.inspector.map { " · \($0)" } ?? "") · \(l.text(.odometer)) \(NoticeValue.grouped(r.odometerKm)) km"
                    + (r.fuelLevel.map { " · \(l.text(.fuel)) \($0)%" } ?? ""),
            ]
            if !r.valuables.isEmpty { out.append("\(l.text(.valuables)): \(r.valuables.joined(separator: ", "))".replacingPipes) }
            if let by = r.acknowledgedBy { out.append("\(l.text(.acknowledgedBy)): \(by) \(r.acknowledgedAt ?? "")".replacingPipes) }
            out += ["", "**\(l.text(.existingDamage))**", ""]
            out +=
                r.damage.isEmpty
                ? [l.text(.noFindings)] : r.damage.map { "- \($0.code) \(l.pick($0.part))" + ($0.degree.map { " · \(l.pick($0))" } ?? "") }
            out += [""] + r.photos.map { "- \(l.pick($0.name)): `\($0.image)`" }
        }
        if let h = v.health {
            out += ["", "## \(l.text(.healthCheck))", "", "\(h.inspectedAt)\(h.inspector.map { " · \($0)" } ?? "")"]
            for system in h.systems {
                out += ["", "**\(l.pick(system.name))**", ""]
                out += system.items.map {
                    "- \($0.check) \(l.pick($0.name)): **\(l.pick($0.levelLabel))**\(measured($0))" + ($0.note.map { " · \($0)" } ?? "")
                }
            }
        }
        if !v.lines.isEmpty {
            out += [
                "", "## \(l.text(.quoteLines))", "", "| # | \(l.text(.part)) | \(l.text(.operation)) | \(l.text(.cost)) | \(l.text(.verdict)) |",
                "|---|---|---|---|---|",
            ]
            for line in v.lines {
                let cost = Self.cost(line, v, l)
                out.append(
                    "| \(line.number) | \(l.pick(line.name)) (\(l.pick(line.levelLabel))) | \(line.operation.map(l.pick) ?? "—") | \(cost) | \(l.pick(line.statusLabel)) |"
                )
            }
            out.append("")
            out.append(
                "\(l.text(.offered)) \(l.money(v.offered, currency: v.currency ?? "CNY")) · \(l.text(.approvedTotal)) \(Self.approved(v, l))"
            )
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// The page as self-contained HTML; `src` turns a stored path into an image source.
    package static func html(_ v: ServiceVisitOutput, language l: ReportLanguage, src: (String) -> String?) -> String {
        func e(_ text: String) -> String { HTML.escape(text) }
        var h = [
            "<!DOCTYPE html>", "<html lang=\"\(l == .zh ? "zh-CN" : "en")\">",
            "<head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
            "<title>\(e(l.text(.serviceVisit))) \(e(v.vin))</title><style>\(ConditionReportHTMLRenderer.style).level-urgent b{color:#c0161d}.level-advise b{color:#b7791f}tr.approved td{background:#eef8f1}</style></head><body><main>",
            "<h1>\(e(l.text(.serviceVisit)))</h1><p class=\"vin\">\(e(v.vin)) · \(e(l.text(.workOrder))) \(e(v.workOrder))</p>",
        ]
        if let r = v.reception {
            h.append(
                "<section><h2>\(e(l.text(.reception)))</h2><p>\(e(r.inspectedAt))\(e(r.inspector.map { " · \($0)" } ?? "")) · \(e(l.text(.odometer))) \(NoticeValue.grouped(r.odometerKm)) km\(r.fuelLevel.map { " · \(e(l.text(.fuel))) \($0)%" } ?? "")</p>"
            )
            if !r.valuables.isEmpty { h.append("<p>\(e(l.text(.valuables))): \(e(r.valuables.joined(separator: ", ")))</p>") }
            if let by = r.acknowledgedBy { h.append("<p>\(e(l.text(.acknowledgedBy))): \(e(by)) \(e(r.acknowledgedAt ?? ""))</p>") }
            h.append(
                "<h3>\(e(l.text(.existingDamage)))</h3><ul>"
                    + (r.damage.isEmpty
                        ? "<li>\(e(l.text(.noFindings)))</li>"
                        : r.damage.map { "<li><b>\(e($0.code))</b> \(e(l.pick($0.part)))\($0.degree.map { " · \(e(l.pick($0)))" } ?? "")</li>" }
                            .joined()) + "</ul>")
            h.append(
                "<div class=\"grid\">"
                    + r.photos.map { p in
                        let image = src(p.thumbnail ?? p.image).map { "<img src=\"\(e($0))\" alt=\"\(e(l.pick(p.name)))\" loading=\"lazy\">" } ?? ""
                        return "<figure>\(image)<figcaption>\(e(l.pick(p.name)))</figcaption></figure>"
                    }.joined() + "</div></section>")
        }
        if let health = v.health {
            h.append("<section><h2>\(e(l.text(.healthCheck)))</h2>")
            for system in health.systems {
                h.append(
                    "<h3>\(e(l.pick(system.name)))</h3><ul>"
                        + system.items.map { item in
                            "<li class=\"level-\(e(item.level))\">\(e(l.pick(item.name))): <b>\(e(l.pick(item.levelLabel)))</b>\(e(measured(item)))</li>"
                        }.joined() + "</ul>")
            }
            h.append("</section>")
        }
        if !v.lines.isEmpty {
            h.append(
                "<section><h2>\(e(l.text(.quoteLines)))</h2><table><thead><tr><th>#</th><th>\(e(l.text(.part)))</th><th>\(e(l.text(.operation)))</th><th>\(e(l.text(.cost)))</th><th>\(e(l.text(.verdict)))</th></tr></thead><tbody>"
            )
            for line in v.lines {
                let cost = Self.cost(line, v, l)
                h.append(
                    "<tr class=\"\(e(line.status))\"><td>\(line.number)</td><td>\(e(l.pick(line.name))) <small>\(e(l.pick(line.levelLabel)))</small></td><td>\(e(line.operation.map(l.pick) ?? "—"))</td><td>\(e(cost))</td><td>\(e(l.pick(line.statusLabel)))</td></tr>"
                )
            }
            h.append(
                "</tbody></table><p>\(e(l.text(.offered))) \(e(l.money(v.offered, currency: v.currency ?? "CNY"))) · \(e(l.text(.approvedTotal))) \(e(Self.approved(v, l)))</p></section>"
            )
        }
        h.append("</main></body></html>")
        return h.joined(separator: "\n") + "\n"
    }

    /// A line's cost: an approved line's one price (its estimate beside it), else the estimate's range.
    static func cost(_ line: ServiceVisitOutput.Line, _ v: ServiceVisitOutput, _ l: ReportLanguage) -> String {
        let currency = v.currency ?? "CNY"
        guard let cost = line.cost else { return "—" }
        guard let price = line.price else { return l.money(cost, currency: currency) }
        let estimate = cost.min == cost.max ? "" : (l == .zh ? "（估价 " : " (estimate ") + l.money(cost, currency: currency) + (l == .zh ? "）" : ")")
        return l.money(.init(min: price, max: price), currency: currency) + estimate
    }

    /// The approved total: one amount.
    static func approved(_ v: ServiceVisitOutput, _ l: ReportLanguage) -> String {
        let total = v.approvedPrice ?? 0
        return l.money(.init(min: total, max: total), currency: v.currency ?? "CNY")
    }
}
