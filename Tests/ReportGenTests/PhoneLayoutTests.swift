import Common
import ReportGen
import TestSupport
import Testing

/// The HTML report on a phone (390 px, an iPhone's width), laid out by a real browser: no table sticks out past the
/// screen's edge and no label or value is squeezed to a character a line, for every sample car, both languages and
/// both audiences.
@Suite struct PhoneLayoutTests {
    @Test func everyReportIsReadableAt390Pixels() throws {
        var pages: [(name: String, html: String)] = []
        for vin in ConditionReportTests.cars {
            let report = try ConditionReportTests.report(vin)
            for audience in [ReportAudience.internal, .customer] {
                for language in ReportLanguage.allCases {
                    let html = ConditionReportHTMLRenderer.render(report.for(audience), language: language, photos: .link(prefix: ""))
                    pages.append(("\(vin) \(audience.rawValue) \(language.rawValue)", html))
                }
            }
        }
        let layouts = try HeadlessChromium.layout(pages.map(\.html), width: 390)
        #expect(layouts.count == 20)
        for (page, layout) in zip(pages, layouts) {
            #expect(layout.viewport == 390, "\(page.name)")
            #expect(layout.cells > 20, "\(page.name): \(layout.cells) cells laid out")
            #expect(layout.scrollWidth <= 390, "\(page.name) scrolls sideways: \(layout.scrollWidth) px")
            #expect(layout.problems == [], "\(page.name)")
        }
    }
}
