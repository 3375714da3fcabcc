import Common
import Inspection

/// `inspect return VIN --format json`, and the report's after-sale section: `format: return-check/1` (schema
/// `schemas/return-check-1.schema.json`).
package struct ReturnCheckOutput: Sendable, Hashable, Codable {
    /// The contract's name and version.
    package static let formatName = "return-check/1"

    /// One reason behind the verdict.
    package struct Item: Sendable, Hashable, Codable {
        package var verdict: String
        package var kind: String
        package var finding: String?
        package var notice: Notice
        /// The estimate's range, when priced.
        package var amount: Quote.Amount?
        /// The one amount charged (the cost table's agreed-price rule), when priced.
        package var charged: Int?
    }

    package var format = Self.formatName
    package var vin: String
    /// `accept` (full refund), `deduct` or `refuse`.
    package var verdict: String
    package var verdictLabel: LocalizedText
    package var returnedAt: String
    package var returnRevision: Int
    /// The delivery it was held against (absent when there is none).
    package var deliveredAt: String?
    /// The last moment of the return window.
    package var deadline: String?
    package var deliveryKm: Int?
    package var returnKm: Int
    package var drivenKm: Int?
    package var allowanceKm: Int
    package var items: [Item]
    /// The sum of the priced deductions' ranges, when any item is priced.
    package var total: Quote.Amount?
    /// The one amount the buyer is charged, when any item is priced.
    package var chargedTotal: Int?
    package var currency: String?

    /// The output for a stored return and its check.
    package init(vin: String, returned: StoredInspection, check: ReturnCheck) {
        self.vin = vin
        verdict = check.verdict.rawValue
        verdictLabel = Self.label(check.verdict)
        returnedAt = returned.submission.inspectedAt.text
        returnRevision = returned.revision
        deliveredAt = check.deliveredAt?.text
        deadline = check.deadline?.text
        deliveryKm = check.deliveryKm
        returnKm = check.returnKm
        drivenKm = check.deliveryKm.map { check.returnKm - $0 }
        allowanceKm = check.allowanceKm
        items = check.items.map {
            Item(verdict: $0.verdict.rawValue, kind: $0.kind, finding: $0.finding, notice: $0.notice, amount: $0.amount, charged: $0.charged)
        }
        total = check.items.contains { $0.amount != nil } ? check.total : nil
        chargedTotal = check.chargedTotal
        currency = total == nil ? nil : check.currency
    }

    /// A verdict in both languages.
    package static func label(_ verdict: ReturnCheck.Verdict) -> LocalizedText {
        switch verdict {
        case .accept: LocalizedText(zh: "同意退车（全额退款）", en: "accept: full refund")
        case .deduct: LocalizedText(zh: "扣款退车", en: "deduct")
        case .refuse: LocalizedText(zh: "不予退车", en: "refuse")
        }
    }

    /// The check as text, ending with a newline.
    /// Plain text in `l`.
    package func text(_ l: ReportLanguage) -> String {
        let zh = l == .zh
        var lines = [zh ? "退车检查 \(vin)：\(verdictLabel.zh)" : "return of \(vin): \(verdict.uppercased())"]
        if let deliveredAt, let deadline {
            lines.append(
                zh
                    ? "  交付 \(deliveredAt)，退车期限 \(deadline)，退回 \(returnedAt)"
                    : "  delivered \(deliveredAt), window until \(deadline), returned \(returnedAt)")
        }
        let delivered = deliveryKm.map { zh ? "交付时 \($0) km，" : "\($0) km at delivery, " } ?? ""
        lines.append(
            zh
                ? "  表显里程：\(delivered)现在 \(returnKm) km（允许 \(allowanceKm) km）"
                : "  odometer: \(delivered)\(returnKm) km now (allowance \(allowanceKm) km)")
        for item in items {
            let price = item.charged.map { charged in
                let money = l.money(.init(min: charged, max: charged), currency: currency ?? "CNY")
                let estimate =
                    item.amount.map { $0.min == $0.max ? "" : (zh ? "，估价 " : ", estimate ") + l.money($0, currency: currency ?? "CNY") } ?? ""
                return zh ? "（\(money)\(estimate)）" : " (\(money)\(estimate))"
            }
            let tag = zh ? (Self.itemLabels[item.verdict] ?? item.verdict) : item.verdict
            lines.append("  [\(tag)] \(l.say(item.notice))" + (price ?? ""))
        }
        if let chargedTotal {
            lines.append((zh ? "  扣款合计：" : "  deductions: ") + l.money(.init(min: chargedTotal, max: chargedTotal), currency: currency ?? "CNY"))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static let itemLabels = ["accept": "接受", "deduct": "扣款", "refuse": "拒绝"]
}
