import Common

/// The findings table of the HTML report. Each cell carries its column's name (`data-label`), so that on a phone,
/// where the table is stacked one finding a card, every value still says what it is.
enum FindingsTableRenderer {
    /// The table, or the "no findings" line; `src` turns a stored photo path into an `<img src>` (nil: not shown).
    static func html(_ report: ConditionReport, language l: ReportLanguage, src: (String?) -> String?) -> String {
        func e(_ text: String) -> String { HTML.escape(text) }
        guard !report.findings.isEmpty else { return "<p>\(e(l.text(.noFindings)))</p>" }
        // Who saw what is the staff's: on the customer's copy it would be a discrepancy by another name.
        let staff = report.audience != ReportAudience.customer.rawValue
        let columns: [ReportLanguage.Key?] = [nil, .part, .defect, .degree, staff ? .seenBy : nil, .deduction, .photos]
        let names = columns.map { $0.map { l.text($0) } }
        var h = ["<table class=\"stack findings\"><thead><tr>"]
        h.append(
            names.enumerated().compactMap { index, name in
                index == 0 ? "<th></th>" : name.map { "<th>\(e($0))</th>" }
            }.joined() + "</tr></thead><tbody>")
        for f in report.findings {
            let photos = f.photos.compactMap { src($0.thumbnail ?? $0.image).map { "<img src=\"\($0)\" alt=\"\(e(f.code))\" loading=\"lazy\">" } }
            let degree =
                (f.degree.map { "\($0)" } ?? "—") + (f.degreeLabel.map { "<br><small>\(e(l.pick($0)))</small>" } ?? "")
                + (f.safety ? "<br><em class=\"safety\">\(e(l.text(.safety)))</em>" : "")
            let cells: [(column: Int, html: String)?] = [
                (0, "<b>\(e(f.code))</b>"),
                (1, e(l.pick(f.place)) + (f.structural ? " <em>\(e(l.text(.structural)))</em>" : "")),
                (2, e(l.pick(f.what)) + (f.note.map { "<br><small>\(e($0))</small>" } ?? "")),
                (3, degree), staff ? (4, e(l.seenBy(f))) : nil, (5, ReportLanguage.number(f.deduction)),
                (6, photos.joined()),
            ]
            let row = cells.compactMap { $0 }.map { cell -> String in
                let label = names[cell.column].map { " data-label=\"\(e($0))\"" } ?? ""
                let kind = cell.column == 0 ? " class=\"code\"" : cell.column == 6 ? " class=\"thumbs\"" : ""
                return "<td\(kind)\(label)>\(cell.html)</td>"
            }
            h.append("<tr\(f.structural ? " class=\"structural\"" : "")>" + row.joined() + "</tr>")
        }
        h.append("</tbody></table>")
        return h.joined(separator: "\n")
    }
}
