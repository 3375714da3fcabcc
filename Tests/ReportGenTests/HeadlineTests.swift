import Foundation
import ReportGen
import TestSupport
import Testing

/// A car with no band (flood, fire, not tradeable) leads with the exclusion alone; its score stays in the scores
/// section, which says it sets no grade. A graded car keeps its score beside the band.
@Suite struct HeadlineTests {
    @Test func anUngradedCarsHeadlineShowsNoScore() throws {
        let flood = try ConditionReportTests.report("JHMCM56557C404453")
        #expect(flood.headline?.kind == "not_graded")
        for language in [ReportLanguage.zh, .en] {
            let markdown = ConditionReportMarkdownRenderer.render(flood, language: language)
            let headline = try #require(markdown.split(separator: "\n").first { $0.hasPrefix("**") })
            #expect(headline.contains(language == .zh ? "泡水车" : "Flood-damaged"), "\(headline)")
            #expect(!headline.contains("98.5") && !headline.contains("/ 100"), "\(headline)")
            #expect(markdown.contains(language == .zh ? "本车不评级：得分仅供参考，不决定等级" : "This car is not graded"))
            let html = ConditionReportHTMLRenderer.render(flood, language: language, photos: .link(prefix: ""))
            let header = try #require(
                html.range(of: "<header>").flatMap { start in html.range(of: "</header>").map { html[start.lowerBound..<$0.upperBound] } })
            #expect(!header.contains("98.5"), "\(header)")
            #expect(html.contains("98.5"))  // in the scores section
        }
    }

    @Test func aGradedCarKeepsItsScoreInTheHeadline() throws {
        let graded = try ConditionReportTests.report("LSVAM4189C2184526")
        let markdown = ConditionReportMarkdownRenderer.render(graded, language: .zh)
        let headline = try #require(markdown.split(separator: "\n").first { $0.hasPrefix("**") })
        #expect(headline.contains("一级") && headline.contains("/ 100"), "\(headline)")
        #expect(!markdown.contains("本车不评级"))
    }
}
