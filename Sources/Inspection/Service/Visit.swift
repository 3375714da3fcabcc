import Common

/// A service visit (VIN + work order): the reception walkaround, the health check, and the quote built from the
/// health check's `advise` and `urgent` items, each line with the customer's decision once there is one.
package struct Visit: Sendable, Hashable {
    /// One quote line.
    package struct Line: Sendable, Hashable {
        /// From 1, in the template's order.
        package var number: Int
        package var check: String
        package var name: LocalizedText
        /// `advise` or `urgent`.
        package var level: CheckResult
        package var levelLabel: LocalizedText
        /// The measured value and its unit, when the item measures one.
        package var value: Double?
        package var unit: String?
        /// The operation and its cost, when the cost table prices the item.
        package var operation: CostTable.Operation?
        package var cost: Quote.Amount?
        package var decision: QuoteDecision?
    }

    package var vin: String
    package var workOrder: String
    package var reception: StoredInspection?
    package var healthCheck: StoredInspection?
    package var lines: [Line]

    /// The visit `workOrder` of `record`'s car (the latest revision of each service stage with that work order), nil
    /// when neither stage has it. Lines are priced with `table` at the health check's site class.
    package static func of(
        record: CarRecord, workOrder: String, catalog: TemplateCatalog, table: CostTable?, decisions: [QuoteDecision]
    ) throws(TemplateError) -> Visit? {
        func latest(_ stage: Stage) -> StoredInspection? {
            record.vehicle.inspections.filter { $0.stage == stage && $0.submission.service?.workOrder == workOrder }.max { $0.revision < $1.revision }
        }
        let reception = latest(.reception), healthCheck = latest(.healthCheck)
        guard reception != nil || healthCheck != nil else { return nil }
        var lines: [Line] = []
        if let healthCheck {
            let template = try catalog.template(id: healthCheck.submission.templateID)
            let answers = Dictionary(healthCheck.submission.checks.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            let rate = table.map { $0.labourRates[$0.siteClass(for: healthCheck.submission.site)] ?? 0 } ?? 0
            for check in template.checkSections.flatMap(\.checks) {
                guard let answer = answers[check.id], answer.result == .advise || answer.result == .urgent else { continue }
                let operation = table?.checkRule(check.id).flatMap { table?.operations[$0.operation] }
                let number = lines.count + 1
                lines.append(
                    Line(
                        number: number, check: check.id, name: check.label, level: answer.result, levelLabel: template.label(for: answer.result),
                        value: answer.value, unit: check.measure?.unit, operation: operation, cost: operation.map { Quoter.cost($0, rate: rate) },
                        decision: decisions.first { $0.line == number }))
            }
        }
        return Visit(vin: record.vin, workOrder: workOrder, reception: reception, healthCheck: healthCheck, lines: lines)
    }
}
