import Batch
import Common
import Foundation
import ImageOps
import Inspection
import ReportGen
import Testing

/// Every coded message has both languages with the same placeholders, and the Chinese wording has no English prose
/// (units and symbols are allowed).
struct MessageTableTests {
    static let tables: [(String, MessageTable)] = [
        ("inspection", InspectionMessages.table), ("photo", PhotoMessages.table), ("report", ReportMessages.table), ("batch", BatchMessages.table),
    ]

    @Test(arguments: tables.map(\.0))
    func bothLanguagesSayTheSameThings(table name: String) throws {
        let table = try #require(Self.tables.first { $0.0 == name }?.1)
        #expect(Set(table.zh.keys) == Set(table.en.keys))
        for (code, english) in table.en {
            let chinese = try #require(table.zh[code])
            #expect(MessageTable.placeholders(chinese) == MessageTable.placeholders(english), "\(code)")
            #expect(code.allSatisfy { $0.isLowercase || $0.isNumber || "._+".contains($0) }, "\(code) is dotted snake_case")
            // Outside placeholders, only units and symbols may be in Latin letters.
            var prose = chinese
            for placeholder in MessageTable.placeholders(chinese) { prose = prose.replacingOccurrences(of: "{\(placeholder)}", with: "") }
            let words = prose.split { !($0.isASCII && $0.isLetter) }.map(String.init)
            #expect(Set(words).isSubset(of: ["km", "h", "yaml", "appraisal", "audit", "delivery", "return"]), "\(code): \(chinese)")
        }
    }

    @Test func placeholdersAreFilledPerLanguage() {
        let notice = Notice(
            "mileage.unexplained_growth", ["delta_km": 1200, "allowance_km": 15, "from_stage": "appraisal", "to_stage": "audit", "rule": "x"],
            labels: [
                "from_stage": LocalizedText(zh: "评估", en: "appraisal"), "to_stage": LocalizedText(zh: "稽查", en: "audit"),
                "rule": LocalizedText(zh: "规则", en: "rule"),
            ], table: InspectionMessages.table)
        #expect(notice.message.en == "unexplained growth: +1,200 km from appraisal to audit exceeds the allowance of 15 km (rule)")
        #expect(notice.message.zh == "里程增长无法解释：评估至稽查增加 1,200 km，超过允许的 15 km（规则）")
        #expect(notice.params["delta_km"] == 1200)
    }
}
