import Common
import Foundation

/// The condition report as Markdown, for chat and ticket systems and terminals.
package enum ConditionReportMarkdownRenderer {
    /// Renders `report` in `language`.
    package static func render(_ report: ConditionReport, language l: ReportLanguage) -> String {
        var out = header(report, language: l)
        out += vehicle(report, language: l)
        out += scoresAndFindings(report, language: l)
        out += ledgerPhotosAndAfter(report, language: l)
        return out.joined(separator: "\n") + "\n"
    }

    /// Pipes escaped and line breaks flattened, for a table cell or a list line.
    private static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }

    /// The title, the headline, the flags and the report id.
    private static func header(_ report: ConditionReport, language l: ReportLanguage) -> [String] {
        var out: [String] = []
        let v = report.vehicle
        out.append("# \(l.text(.title)) · \(v.vin)")
        out.append("")
        if let score = report.score {
            let headline = report.headline.map { l.pick($0.label) } ?? l.pick(score.grade.name)
            let informationOnly = l == .zh ? "（\(l.text(.informationOnly))）" : " (\(l.text(.informationOnly)))"
            let note = report.headline?.scoreIsInformationOnly == true ? informationOnly : ""
            let total = "\(l.text(.score)) \(ReportLanguage.number(score.total)) / \(ReportLanguage.number(score.maximum))\(note)"
            out.append("**\(l.text(.grade)): \(headline)**" + (report.headline?.showsScore == false ? "" : " · " + total))
        }
        let rollback = report.mileage.flags.contains { $0.severity == "critical" }
        if rollback { out.append("**\(l.text(ConditionReportHTMLRenderer.rollbackKey(report)))**") }
        // "No accident, flood, fire..." never stands next to a rollback.
        if !report.flags.isEmpty {
            out.append(
                "\(l.text(.flags)): "
                    + report.flags.map {
                        "**\(l.pick($0.name))** (\($0.causes.map { cell(report.cause($0, zh: l == .zh)) }.joined(separator: l == .zh ? "；" : "; ")))"
                    }.joined(separator: " · "))
        } else if !rollback {
            out.append("\(l.text(.flags)): \(l.text(.noFlags))")
        }
        out.append("")
        out.append("\(l.text(.report)) `\(report.reportID)` · \(l.text(.generated)) \(report.generatedAt)")
        return out
    }

    /// The vehicle record and the inspections used.
    private static func vehicle(_ report: ConditionReport, language l: ReportLanguage) -> [String] {
        var out: [String] = []
        let v = report.vehicle
        out.append("")
        out.append("## \(l.text(.vehicle))")
        out.append("")
        out.append("| | |")
        out.append("|---|---|")
        for row in v.rows(l) { out.append("| \(row.label) | \(cell(row.value)) |") }
        let changes = v.changeLines(l)
        if !changes.isEmpty {
            out.append("")
            out.append("\(l.text(.factChanges)):")
            out.append("")
            out.append(contentsOf: changes.map { "- \($0)" })
        }
        out.append("")
        out.append("## \(l.text(.inspections))")
        out.append("")
        // The inspector column only where the report names them (not in a customer's report).
        let named = report.inspections.contains { $0.inspectorID != nil || $0.inspectorName != nil }
        out.append("| \(l.text(.stage)) |\(named ? " \(l.text(.inspector)) |" : "") \(l.text(.time)) | \(l.text(.site)) | \(l.text(.odometer)) |")
        out.append(named ? "|---|---|---|---|---|" : "|---|---|---|---|")
        for i in report.inspections {
            let odometer = i.odometer.unit == "km" ? "\(i.odometer.reading) km" : "\(i.odometer.reading) \(i.odometer.unit) (\(i.odometer.km) km)"
            let inspector = named ? " \(cell([i.inspectorID, i.inspectorName].compactMap { $0 }.joined(separator: " "))) |" : ""
            out.append("| \(l.pick(i.stageLabel)) r\(i.revision) |\(inspector) \(i.inspectedAt) | \(cell(i.site ?? "")) | \(odometer) |")
        }
        return out
    }

    /// Scores, findings, checks not ok, the estimate and the discrepancies.
    private static func scoresAndFindings(_ report: ConditionReport, language l: ReportLanguage) -> [String] {
        var out: [String] = []
        if let score = report.score {
            out.append("")
            out.append("## \(l.text(.score))")
            out.append("")
            if report.headline?.showsScore == false {
                out.append(l.text(.scoreSetsNoGrade))
                out.append("")
            }
            out.append("| \(l.text(.section)) | \(l.text(.score)) |")
            out.append("|---|---|")
            for s in score.sections {
                out.append("| \(l.pick(s.name)) | \(ReportLanguage.number(s.score)) / \(ReportLanguage.number(s.allowance)) |")
            }
            out.append("| **\(l.text(.total))** | **\(ReportLanguage.number(score.total)) / \(ReportLanguage.number(score.maximum))** |")
        }
        out.append("")
        out.append("## \(l.text(.findings))")
        out.append("")
        if report.findings.isEmpty {
            out.append(l.text(.noFindings))
        } else {
            // Who saw what is the staff's: on the customer's copy it would be a discrepancy by another name.
            let staff = report.audience != ReportAudience.customer.rawValue
            let seenByHeader = staff ? " \(l.text(.seenBy)) |" : ""
            out.append(
                "| | \(l.text(.part)) | \(l.text(.defect)) | \(l.text(.degree)) |\(seenByHeader) \(l.text(.deduction)) | \(l.text(.note)) |")
            out.append(staff ? "|---|---|---|---|---|---|---|" : "|---|---|---|---|---|---|")
            for f in report.findings {
                let part = l.pick(f.place) + (f.structural ? " (\(l.text(.structural)))" : "")
                let degree = (f.degree.map { "\($0)" } ?? "-") + (f.safety ? " **\(l.text(.safety))**" : "")
                let seenBy = staff ? " \(l.seenBy(f)) |" : ""
                out.append(
                    "| \(f.code) | \(cell(part)) | \(cell(l.pick(f.what))) | \(degree) |\(seenBy) \(ReportLanguage.number(f.deduction)) | \(cell(f.note ?? "")) |"
                )
            }
        }
        if !report.checks.isEmpty {
            out.append("")
            out.append("## \(l.text(.checks))")
            out.append("")
            for c in report.checks {
                out.append("- \(c.id) \(cell(l.pick(c.name))): **\(l.pick(c.resultLabel))**" + (c.note.map { " · \(cell($0))" } ?? ""))
            }
        }
        if let estimate = report.estimate {
            out.append("")
            out += QuoteRenderer.markdown(estimate, language: l)
        }
        if let d = report.discrepancies {
            out.append("")
            out.append("## \(l.text(.discrepancies))")
            out.append("")
            out.append(d.count == 0 ? l.text(.noDiscrepancies) : "\(d.count) · \(l.severity("critical")) \(d.critical) · \(l.between(d))")
            for item in d.items { out.append("- [\(l.severity(item.severity))] \(cell(l.discrepancy(item)))") }
        }
        return out
    }

    /// The mileage ledger, the walkaround photos, the handovers, disputes, after-sale and warnings.
    private static func ledgerPhotosAndAfter(_ report: ConditionReport, language l: ReportLanguage) -> [String] {
        var out: [String] = []
        out.append("")
        out.append("## \(l.text(.mileage))")
        out.append("")
        out.append("| # | \(l.text(.stage)) | \(l.text(.time)) | \(l.text(.reading)) | \(l.text(.delta)) | \(l.text(.allowance)) |")
        out.append("|---|---|---|---|---|---|")
        // Readings are numbered 1, 2, 3 ... in the table (database row ids are not for readers).
        let position = Dictionary(report.mileage.readings.enumerated().map { ($1.id, $0 + 1) }, uniquingKeysWith: { first, _ in first })
        for (index, r) in report.mileage.readings.enumerated() {
            let reading =
                (r.unit == "km" ? "\(r.reading) km" : "\(r.reading) \(r.unit) (\(r.km) km)")
                + (r.supersededBy.map { " ~~\(l.text(.supersededBy)) \(position[$0].map(String.init) ?? "?")~~" } ?? "")
            let delta = r.deltaKm.map { ($0 >= 0 ? "+" : "") + "\($0) km" } ?? ""
            out.append("| \(index + 1) | \(l.stage(r.stage)) | \(r.at) | \(reading) | \(delta) | \(r.allowanceKm.map { "\($0) km" } ?? "") |")
        }
        out.append("")
        if report.mileage.flags.isEmpty { out.append(l.text(.noMileageFlags)) }
        for flag in report.mileage.flags { out.append("- [\(l.flagSeverity(flag.severity))] \(cell(l.say(flag.notice)))") }
        if !report.photos.isEmpty {
            out.append("")
            out.append("## \(l.text(.walkaround))")
            out.append("")
            for p in report.photos {
                let image = p.image.map { "`\($0)`" } ?? "—"
                out.append(
                    "- \(l.pick(p.name)): \(image)" + (p.verdictLabel.map { " · \(l.text(.quality)) \(l.pick($0))" } ?? "")
                        + (p.problems.isEmpty ? "" : " · " + cell(l.say(p.problems))))
            }
        }
        out += HandoverRenderer.markdown(report, language: l)
        out += DisputeRenderer.markdown(report, language: l)
        out += AfterSaleRenderer.markdown(report, language: l)
        if !report.warnings.isEmpty {
            out.append("")
            out.append("## \(l.text(.warnings))")
            out.append("")
            for warning in report.warnings { out.append("- \(cell(l.say(warning)))") }
        }
        return out
    }
}
