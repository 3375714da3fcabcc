import Common

/// The 7-day return held against the delivery state (the delivery inspection plus the report it was checked
/// against): accept (full refund), deduct (every item named, with its amount when priced), or refuse.
package struct ReturnCheck: Sendable, Hashable {
    /// What to do with the return.
    package enum Verdict: String, Sendable, Hashable, Comparable {
        case accept
        case deduct
        case refuse

        private var rank: Int {
            switch self {
            case .accept: 0
            case .deduct: 1
            case .refuse: 2
            }
        }

        package static func < (lhs: Verdict, rhs: Verdict) -> Bool { lhs.rank < rhs.rank }
    }

    /// One reason behind the verdict.
    package struct Item: Sendable, Hashable {
        /// The verdict it calls for.
        package var verdict: Verdict
        /// `no_delivery`, `outside_window`, `refusing_finding`, `rollback`, `new_damage`, `worse_damage`, `over_km`.
        package var kind: String
        /// The defect code, for damage.
        package var finding: String?
        package var notice: Notice
        /// What it costs the buyer, when priced: the estimate's range.
        package var amount: Quote.Amount?
        /// The one amount charged, chosen from ``amount`` by the cost table's agreed-price rule.
        package var charged: Int?
    }

    package var verdict: Verdict
    /// Refusals first, then deductions, each in the order found.
    package var items: [Item]
    /// When the car was delivered (nil without a delivery on record).
    package var deliveredAt: Timestamp?
    /// The last moment of the return window (nil without a delivery).
    package var deadline: Timestamp?
    /// Km at delivery and at the return, and the trial week's allowance.
    package var deliveryKm: Int?
    package var returnKm: Int
    package var allowanceKm: Int
    /// The currency of the amounts (nil when nothing could be priced: no cost table).
    package var currency: String?

    /// The sum of the priced deductions.
    package var total: Quote.Amount { items.compactMap(\.amount).reduce(.zero, +) }

    /// The sum of the amounts charged: the one figure the buyer signs (nil when nothing is priced).
    package var chargedTotal: Int? { items.contains { $0.charged != nil } ? items.compactMap(\.charged).reduce(0, +) : nil }

    /// Checks `returned` (a return inspection graded under `template`) against `delivery` and the report it was held
    /// against (`basis`, under `reportTemplate`). `rolledBack` says the ledger found the return's reading below an
    /// earlier one. With a cost table, new damage is priced at the table's rate for the return's site. A flag refuses
    /// the return only when the report (`basis`) did not raise it. `stoppedAttempts` counts handover attempts that were
    /// stopped, for the wording when no delivery gave the car to the buyer.
    package static func evaluate(
        returned: Submission, template: ChecklistTemplate, delivery: Submission?, basis: Submission?, reportTemplate: ChecklistTemplate?,
        rolledBack: Bool, policy: AfterSalePolicy, trialWeekKm: Int, costTable: CostTable?, stoppedAttempts: Int = 0
    ) -> ReturnCheck {
        let table = InspectionMessages.table
        var items: [Item] = []
        let returnKm = returned.odometer.kilometres
        var check = ReturnCheck(
            verdict: .accept, items: [], deliveredAt: delivery?.inspectedAt, deadline: nil, deliveryKm: delivery?.odometer.kilometres,
            returnKm: returnKm,
            allowanceKm: trialWeekKm, currency: costTable?.currency)
        guard let delivery else {
            let notice =
                stoppedAttempts > 0
                ? Notice("after_sale.handover_stopped", ["attempts": .int(stoppedAttempts)], table: table)
                : Notice("after_sale.no_delivery", table: table)
            items.append(Item(verdict: .refuse, kind: "no_delivery", finding: nil, notice: notice, amount: nil))
            check.items = items
            check.verdict = .refuse
            return check
        }
        let deadline = delivery.inspectedAt.adding(seconds: Int64(policy.windowDays) * 86_400)
        check.deadline = deadline
        if returned.inspectedAt.epochSeconds > deadline.epochSeconds {
            let notice = Notice(
                "after_sale.outside_window",
                [
                    "delivered_at": .text(delivery.inspectedAt.text), "returned_at": .text(returned.inspectedAt.text),
                    "window_days": .int(policy.windowDays),
                    "deadline": .text(deadline.text),
                ], table: table)
            items.append(Item(verdict: .refuse, kind: "outside_window", finding: nil, notice: notice, amount: nil))
        }
        // Only what the buyer was not told refuses: a flag the report disclosed at the sale is not news at the return.
        let disclosed = Set(basis.map { Grader.assess($0, template: reportTemplate ?? template).flags.map(\.id) } ?? [])
        for flag in Grader.assess(returned, template: template).flags where policy.refuseFlags.contains(flag.id) && !disclosed.contains(flag.id) {
            let notice = Notice(
                "after_sale.refusing_finding", ["flag": .text(flag.id), "causes": .text(flag.causes.joined(separator: ", "))],
                labels: ["flag_name": flag.label], table: table)
            items.append(Item(verdict: .refuse, kind: "refusing_finding", finding: flag.causes.first, notice: notice, amount: nil))
        }
        if rolledBack {
            let notice = Notice(
                "after_sale.rollback", ["delivery_km": .int(delivery.odometer.kilometres), "return_km": .int(returnKm)], table: table)
            items.append(Item(verdict: .refuse, kind: "rollback", finding: nil, notice: notice, amount: nil))
        }
        // New damage against the delivery state: the worst degree the report or the handover recorded per part and type.
        var known: [String: Int] = [:]
        for defect in (basis?.defects ?? []) + delivery.defects {
            known["\(defect.part)\(defect.type)"] = max(known["\(defect.part)\(defect.type)"] ?? 0, defect.degree ?? 0)
        }
        let namer = reportTemplate ?? template
        let rate = costTable.map { $0.labourRates[$0.siteClass(for: returned.site)] ?? 0 } ?? 0
        for defect in returned.defects {
            let before = known["\(defect.part)\(defect.type)"]
            if let before, (defect.degree ?? 0) <= before { continue }
            let part = namer.part(defect.part)?.part.label ?? LocalizedText(zh: defect.part, en: defect.part)
            var amount: Quote.Amount?
            if let costTable, case let .priced(line)? = Quoter.price(defect, template: namer, table: costTable, rate: rate) { amount = line.cost }
            let kind = before == nil ? "new_damage" : "worse_damage"
            let notice = Notice(
                "after_sale.\(kind)", ["code": .text(defect.code), "part_code": .text(defect.part)], labels: ["part": part], table: table)
            let charged = costTable.flatMap { table in amount.map { table.agreedPrice.amount(of: $0) } }
            items.append(Item(verdict: .deduct, kind: kind, finding: defect.code, notice: notice, amount: amount, charged: charged))
        }
        let driven = returnKm - delivery.odometer.kilometres
        if driven > trialWeekKm {
            let over = driven - trialWeekKm
            let notice = Notice(
                "after_sale.over_km", ["driven_km": .int(driven), "allowance_km": .int(trialWeekKm), "over_km": .int(over)], table: table)
            let amount = costTable.map { _ in Quote.Amount(min: over * policy.excessKmCharge, max: over * policy.excessKmCharge) }
            items.append(Item(verdict: .deduct, kind: "over_km", finding: nil, notice: notice, amount: amount, charged: amount?.max))
        }
        check.items = items.enumerated().sorted { ($1.element.verdict, $0.offset) < ($0.element.verdict, $1.offset) }.map(\.element)
        check.verdict = items.map(\.verdict).max() ?? .accept
        return check
    }
}
