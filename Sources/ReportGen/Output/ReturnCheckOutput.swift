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
    package var text: String {
        var lines = ["return of \(vin): \(verdict.uppercased())"]
        if let deliveredAt, let deadline { lines.append("  delivered \(deliveredAt), window until \(deadline), returned \(returnedAt)") }
        lines.append("  odometer: \(deliveryKm.map { "\($0) km at delivery, " } ?? "")\(returnKm) km now (allowance \(allowanceKm) km)")
        for item in items {
            let price = item.charged.map { charged in
                " (\(currency ?? "") \(charged)" + (item.amount.map { $0.min == $0.max ? "" : ", estimate \($0.min)-\($0.max)" } ?? "") + ")"
            }
            lines.append("  [\(item.verdict)] \(item.notice.message.en)" + (price ?? ""))
        }
        if let chargedTotal { lines.append("  deductions: \(currency ?? "") \(chargedTotal)") }
        return lines.joined(separator: "\n") + "\n"
    }
}
