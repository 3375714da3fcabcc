import Common
import Foundation
import Inspection

/// The condition report as one self-contained HTML page (inline CSS and SVG) a buyer or delivery specialist reads on
/// a phone or prints on A4. Everything user-provided is escaped.
package enum ConditionReportHTMLRenderer {
    /// How photos appear in the page.
    package enum Photos: Sendable {
        /// `<img src>` links: the stored path (relative to the database's folder) with this prefix.
        case link(prefix: String)
        /// Thumbnails embedded as data: URLs, read through `load` (stored path -> bytes).
        case embed(load: @Sendable (String) -> [UInt8]?)
    }

    /// Renders `report` in `language`.
    package static func render(_ report: ConditionReport, language l: ReportLanguage, photos: Photos) -> String {
        func src(_ path: String?) -> String? {
            guard let path else { return nil }
            switch photos {
            case let .link(prefix): return e(prefix + path)
            case let .embed(load):
                guard let bytes = load(path) else { return nil }
                return "data:image/jpeg;base64," + Data(bytes).base64EncodedString()
            }
        }
        var h: [String] = []
        h.append("<!DOCTYPE html>")
        h.append("<html lang=\"\(l == .zh ? "zh-CN" : "en")\">")
        h.append("<head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        h.append("<title>\(e(l.text(.title))) \(e(report.vehicle.vin))</title>")
        h.append("<style>\(style)</style></head>")
        h.append("<body><main>")
        h += header(report, language: l)
        if let handover = HandoverRenderer.html(report, language: l) { h.append(handover) }
        h += vehicle(report, language: l)
        h += damageAndFindings(report, language: l, src: src)
        h += scoresAndDiscrepancies(report, language: l)
        h += timelineAndPhotos(report, language: l, src: src)
        if let disputes = DisputeRenderer.html(report, language: l, src: src) { h.append(disputes) }
        if let afterSale = AfterSaleRenderer.html(report, language: l) { h.append(afterSale) }
        if !report.warnings.isEmpty {
            h.append(
                "<section><h2>\(e(l.text(.warnings)))</h2><ul>" + report.warnings.map { "<li>\(e(l.say($0)))</li>" }.joined() + "</ul></section>")
        }
        h.append("</main></body></html>")
        return h.joined(separator: "\n") + "\n"
    }

    private static func e(_ text: String) -> String { HTML.escape(text) }

    /// The grade badge, the title, the flags and the report id.
    private static func header(_ report: ConditionReport, language l: ReportLanguage) -> [String] {
        var h: [String] = []
        let v = report.vehicle
        // Header: grade badge and flags.
        // Any flag (accident, flood, fire, not tradeable) turns the badge red, whatever the score.
        let rollback = report.mileage.flags.contains { $0.severity == "critical" }
        let gradeClass =
            !report.flags.isEmpty || rollback ? "grade bad" : (report.score.map { $0.grade.id == "1" ? "grade good" : "grade" } ?? "grade")
        h.append("<header>")
        // The headline is the band, or why there is none (五级（事故车）, 泡水车 · 不评级, 不可交易); then the score is
        // information only and says so.
        h.append("<div class=\"\(gradeClass)\">\(e(report.headline.map { l.pick($0.label) } ?? report.score.map { l.pick($0.grade.name) } ?? "—"))")
        if let score = report.score, report.headline?.showsScore != false {
            let note = report.headline?.scoreIsInformationOnly == true ? "<br>\(e(l.text(.informationOnly)))" : ""
            h.append(
                "<small>\(e(l.text(.score))) \(ReportLanguage.number(score.total)) / \(ReportLanguage.number(score.maximum))\(note)</small>")
        }
        h.append("</div><div class=\"head\"><h1>\(e(l.text(.title)))</h1>")
        let makeModel = [v.make, v.model].compactMap { $0 }.joined(separator: " ")
        h.append(
            "<p class=\"vin\">\(e(v.vin))\(v.modelYear.map { " · \($0)" } ?? "")\(makeModel.isEmpty ? "" : " · " + e(makeModel))\(v.plate.map { " · " + e($0) } ?? "")</p>"
        )
        if rollback { h.append("<p class=\"flags\"><span class=\"flag\">\(e(l.text(Self.rollbackKey(report))))</span></p>") }
        if report.flags.isEmpty {
            // "No accident, flood, fire..." never stands next to a rollback: the rollback line above says it all.
            if !rollback { h.append("<p class=\"flags ok\">\(e(l.text(.noFlags)))</p>") }
        } else {
            h.append(
                "<p class=\"flags\">"
                    + report.flags.map {
                        "<span class=\"flag\">\(e(l.pick($0.name)))</span> <small>\(e($0.causes.map { report.cause($0, zh: l == .zh) }.joined(separator: l == .zh ? "；" : "; ")))</small>"
                    }
                    .joined(separator: " ") + "</p>")
        }
        h.append("<p class=\"meta\">\(e(l.text(.report))) \(e(report.reportID)) · \(e(l.text(.generated))) \(e(report.generatedAt))</p>")
        h.append("</div></header>")
        return h
    }

    /// The vehicle record, two facts a row, and the inspections used.
    private static func vehicle(_ report: ConditionReport, language l: ReportLanguage) -> [String] {
        var h: [String] = []
        let v = report.vehicle
        // Vehicle and inspections.
        // The vehicle record two facts a row, so the page does not open on a long list.
        h.append("<section><h2>\(e(l.text(.vehicle)))</h2><table class=\"kv kv2\">")
        let rows = v.rows(l)
        for start in stride(from: 0, to: rows.count, by: 2) {
            h.append(
                "<tr>" + rows[start..<min(rows.count, start + 2)].map { "<th>\(e($0.label))</th><td>\(e($0.value))</td>" }.joined() + "</tr>")
        }
        h.append("</table>")
        let changes = v.changeLines(l)
        if !changes.isEmpty {
            h.append(
                "<p class=\"meta\">\(e(l.text(.factChanges)))</p><ul class=\"changes\">" + changes.map { "<li>\(e($0))</li>" }.joined() + "</ul>")
        }
        // The inspector column only where the report names them (not in a customer's report).
        let named = report.inspections.contains { $0.inspectorID != nil || $0.inspectorName != nil }
        h.append(
            "<table class=\"stack\"><thead><tr><th>\(e(l.text(.stage)))</th>\(named ? "<th>\(e(l.text(.inspector)))</th>" : "")<th>\(e(l.text(.time)))</th><th>\(e(l.text(.site)))</th><th>\(e(l.text(.odometer)))</th></tr></thead><tbody>"
        )
        for i in report.inspections {
            let odometer = i.odometer.unit == "km" ? "\(i.odometer.reading) km" : "\(i.odometer.reading) \(i.odometer.unit) (\(i.odometer.km) km)"
            func cell(_ key: ReportLanguage.Key, _ text: String) -> String { "<td data-label=\"\(e(l.text(key)))\">\(e(text))</td>" }
            let inspector = named ? cell(.inspector, [i.inspectorID, i.inspectorName].compactMap { $0 }.joined(separator: " ")) : ""
            h.append(
                "<tr><td class=\"code\"><b>\(e(l.pick(i.stageLabel))) r\(i.revision)</b></td>\(inspector)\(cell(.time, i.inspectedAt))"
                    + "\(cell(.site, i.site ?? ""))\(cell(.odometer, odometer))</tr>")
        }
        h.append("</tbody></table></section>")
        return h
    }

    /// The damage diagram with its legend, the findings table and the checks not ok.
    private static func damageAndFindings(_ report: ConditionReport, language l: ReportLanguage, src: (String?) -> String?) -> [String] {
        var h: [String] = []
        // Diagram and findings.
        let (diagram, unplaced) = DamageDiagram.svg(findings: report.findings, language: l)
        h.append("<section class=\"damage\"><h2>\(e(l.text(.diagram)))</h2><div class=\"diagram-wrap\">\(diagram)")
        h.append("<div class=\"legend\"><strong>\(e(l.text(.legend)))</strong>")
        for degree in 1...4 {
            h.append("<span><i style=\"background:\(DamageDiagram.degreeColours[degree - 1])\"></i>\(e(l.text(.degree))) \(degree)</span>")
        }
        h.append("<span><i class=\"struct\"></i>\(e(l.text(.structural)))</span>")
        if !unplaced.isEmpty { h.append("<p>" + unplaced.map { e($0.code + " " + l.pick($0.part.name)) }.joined(separator: "<br>") + "</p>") }
        h.append("</div></div></section>")
        h.append("<section><h2>\(e(l.text(.findings)))</h2>")
        h.append(FindingsTableRenderer.html(report, language: l, src: src))
        if !report.checks.isEmpty {
            h.append("<h3>\(e(l.text(.checks)))</h3><ul>")
            for c in report.checks {
                h.append("<li>\(e(c.id)) \(e(l.pick(c.name))): <b>\(e(l.pick(c.resultLabel)))</b>\(c.note.map { " · " + e($0) } ?? "")</li>")
            }
            h.append("</ul>")
        }
        h.append("</section>")
        return h
    }

    /// Section scores, the estimate and appraiser-vs-auditor discrepancies.
    private static func scoresAndDiscrepancies(_ report: ConditionReport, language l: ReportLanguage) -> [String] {
        var h: [String] = []
        if let score = report.score {
            let setsNoGrade = report.headline?.showsScore == false ? "<p class=\"note\">\(e(l.text(.scoreSetsNoGrade)))</p>" : ""
            h.append("<section><h2>\(e(l.text(.score)))</h2>\(setsNoGrade)<table><tbody>")
            for s in score.sections {
                let percent = s.allowance > 0 ? Int((s.score / s.allowance * 100).rounded()) : 0
                h.append(
                    "<tr><th>\(e(l.pick(s.name)))</th><td class=\"bar\"><span style=\"width:\(percent)%\"></span></td><td>\(ReportLanguage.number(s.score)) / \(ReportLanguage.number(s.allowance))</td></tr>"
                )
            }
            h.append(
                "<tr><th>\(e(l.text(.total)))</th><td></td><td><b>\(ReportLanguage.number(score.total)) / \(ReportLanguage.number(score.maximum))</b></td></tr>"
            )
            h.append("</tbody></table></section>")
        }
        if let estimate = report.estimate { h.append(QuoteRenderer.html(estimate, language: l)) }
        if let d = report.discrepancies {
            h.append("<section><h2>\(e(l.text(.discrepancies)))</h2>")
            h.append(
                "<p>\(d.count == 0 ? e(l.text(.noDiscrepancies)) : "\(d.count) · \(e(l.severity("critical"))) \(d.critical)") · <small>\(e(l.between(d)))</small></p>"
            )
            if !d.items.isEmpty {
                h.append("<ul class=\"discrepancies\">")
                for item in d.items {
                    h.append("<li class=\"\(e(item.severity))\"><b>\(e(l.severity(item.severity)))</b> \(e(l.discrepancy(item)))</li>")
                }
                h.append("</ul>")
            }
            h.append("</section>")
        }
        return h
    }

    /// The mileage timeline and the walkaround grid.
    private static func timelineAndPhotos(_ report: ConditionReport, language l: ReportLanguage, src: (String?) -> String?) -> [String] {
        var h: [String] = []
        // Mileage timeline.
        h.append("<section><h2>\(e(l.text(.mileage)))</h2><ol class=\"timeline\">")
        for r in report.mileage.readings {
            let reading = r.unit == "km" ? "\(r.reading) km" : "\(r.reading) \(r.unit) (\(r.km) km)"
            let delta = r.deltaKm.map { ($0 >= 0 ? "+" : "") + "\($0) km" + (r.allowanceKm.map { " / \($0) km" } ?? "") } ?? ""
            let flagged = report.mileage.flags.contains { $0.readingID == r.id }
            h.append(
                "<li class=\"\(r.supersededBy != nil ? "superseded" : "")\(flagged ? " flagged" : "")\"><b>\(e(reading))</b> <span>\(e(l.stage(r.stage)))\(r.mode.map { " · " + e(l.mode($0)) } ?? "") · \(e(r.at))</span> <small>\(e(delta))</small></li>"
            )
        }
        h.append("</ol>")
        if report.mileage.flags.isEmpty { h.append("<p>\(e(l.text(.noMileageFlags)))</p>") }
        for flag in report.mileage.flags {
            h.append("<p class=\"mflag \(e(flag.severity))\">[\(e(l.flagSeverity(flag.severity)))] \(e(l.say(flag.notice)))</p>")
        }
        h.append("</section>")
        // Walkaround grid.
        if !report.photos.isEmpty {
            h.append("<section><h2>\(e(l.text(.walkaround)))</h2><div class=\"grid\">")
            for p in report.photos {
                let image = src(p.thumbnail ?? p.image).map { "<img src=\"\($0)\" alt=\"\(e(l.pick(p.name)))\" loading=\"lazy\">" } ?? ""
                var problems = p.problems.isEmpty ? "" : "<small class=\"warn\">\(e(l.say(p.problems)))</small>"
                if p.reusedFrom != nil, let verdict = p.verdictLabel { problems = "<small class=\"warn\">\(e(l.pick(verdict)))</small>" }
                h.append("<figure class=\"\(e(p.verdict ?? "ok"))\">\(image)<figcaption>\(e(l.pick(p.name)))\(problems)</figcaption></figure>")
            }
            h.append("</div></section>")
        }
        return h
    }

    static let style = """
        @page{size:A4;margin:12mm}*{box-sizing:border-box}body{margin:0;font:15px/1.45 -apple-system,"Noto Sans CJK SC","PingFang SC",\
        "Microsoft YaHei",sans-serif;color:#1d2329;background:#eef1f4}main{max-width:860px;margin:0 auto;padding:12px;background:#fff}\
        header{display:flex;gap:14px;align-items:center;border-bottom:3px solid #1d2329;padding-bottom:10px}h1{margin:0;font-size:22px}\
        h2{font-size:17px;margin:20px 0 8px;border-left:4px solid #2b6cb0;padding-left:8px}.grade{min-width:86px;padding:10px;border-radius:10px;\
        background:#2b6cb0;color:#fff;font-size:24px;font-weight:700;text-align:center}.grade small{display:block;font-size:13px;font-weight:400}\
        .grade.good{background:#2f855a}.grade.bad{background:#c0161d}.vin{margin:2px 0;font-family:monospace;font-size:14px}\
        .flags .flag{display:inline-block;background:#c0161d;color:#fff;border-radius:4px;padding:1px 8px;font-weight:700}.flags.ok{color:#2f855a}\
        .meta{margin:2px 0;color:#5b6670;font-size:12px}table{width:100%;border-collapse:collapse;margin:6px 0}th,td{border-bottom:1px solid #dde2e7;\
        padding:5px 6px;text-align:left;vertical-align:top}thead th{background:#f4f6f8;font-size:13px}.kv th{width:35%;color:#5b6670;font-weight:400}.kv2 th{width:15%}.kv2 td{width:35%}\
        tr.structural td{background:#fdecec}.thumbs img{width:72px;height:54px;object-fit:cover;border-radius:3px;margin:1px}\
        .diagram-wrap{display:flex;gap:16px;flex-wrap:wrap;align-items:flex-start}.diagram{width:260px;height:auto}.mark{font:bold 12px monospace;\
        fill:#111}.mark.structural{fill:#c0161d}.mark.dark{fill:#fff}.axis{font-size:12px;fill:#5b6670}.legend span{display:block;margin:3px 0}.legend i{display:inline-block;\
        width:14px;height:14px;margin-right:6px;border:1px solid #8a949e;vertical-align:middle}.legend i.struct{border:2px solid #fff;background:#c0161d;border-radius:50%;box-shadow:0 0 0 1px #c0161d}\
        .bar{width:45%}.bar span{display:block;height:10px;background:#2b6cb0;border-radius:5px}.discrepancies .critical{color:#c0161d}\
        .discrepancies .major{color:#b7791f}.timeline{list-style:none;padding:0;border-left:3px solid #2b6cb0;margin-left:6px}.timeline li{padding:3px 10px}\
        .timeline li.superseded b{text-decoration:line-through;color:#8a949e}.timeline li.flagged b{color:#c0161d}.mflag.critical{color:#c0161d}\
        .grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(150px,1fr));gap:8px}figure{margin:0;border:1px solid #dde2e7;border-radius:6px;\
        overflow:hidden}figure img{display:block;width:100%;height:auto}figcaption{padding:4px 6px;font-size:13px}figure.warn{border-color:#d69e2e}\
        figure.fail,figure.retake_required{border:2px solid #c0161d}.safety{color:#c0161d;font-weight:700}.dispute{border:1px solid #dde2e7;border-radius:6px;padding:4px 10px;\
        margin:6px 0}.dispute.open{border-color:#d69e2e}.pair{display:flex;gap:8px}.pair figure{width:200px}.warn{display:block;color:#b7791f}.delivery{border:2px solid #2f855a;border-radius:8px;padding:4px 12px;\
        margin-top:12px}.delivery.attention{border-color:#d69e2e}.delivery.stop{border-color:#c0161d;background:#fdecec}\
        @media (max-width:640px){main{padding:10px}header{flex-wrap:wrap}.kv2 tr{display:grid;grid-template-columns:34% 66%}.kv2 th,.kv2 td{width:auto}.kv th{width:auto}\
        .stack thead{display:none}.stack,.stack tbody,.stack tr,.stack td{display:block}.stack tr{border-bottom:1px solid #dde2e7;padding:6px 0}\
        .stack td{border:0;padding:2px 6px}.stack td:empty{display:none}.stack td[data-label]::before{content:attr(data-label);display:inline-block;\
        min-width:6.5em;margin-right:6px;color:#5b6670;font-size:13px}.stack td.code{font-size:16px}.thumbs img{width:96px;height:72px}\
        .diagram{width:100%;max-width:360px}.diagram-wrap{display:block}.legend span{display:inline-block;margin:3px 10px 3px 0}\
        .pair{flex-wrap:wrap}.pair figure{width:calc(50% - 4px)}.bar{width:40%}}\
        @media print{body{background:#fff}main{max-width:none;padding:0}section{break-inside:avoid}.grid{grid-template-columns:repeat(4,1fr)}}
        """

    /// The odometer badge of a critical mileage flag: a rollback a person confirmed says so to everyone; readings that
    /// disagree are a conflict to resolve for staff and "being verified" for a customer (never tampering before a
    /// person has confirmed it).
    static func rollbackKey(_ report: ConditionReport) -> ReportLanguage.Key {
        if report.mileage.flags.contains(where: { $0.kind == MileageFlag.Kind.rollback.rawValue }) { return .odometerRollback }
        return report.audience == ReportAudience.customer.rawValue ? .odometerBeingVerified : .odometerConflict
    }
}
