import Common

/// Prices the findings of a graded inspection with a ``CostTable``: the one rule of quoting, used by `inspect quote`
/// and the condition report.
package enum Quoter {
    /// The estimate for `submission` (graded as `assessment` under `template`), at `siteClass` (default: the table's
    /// class of the submission's site).
    package static func quote(
        _ submission: Submission, assessment: Assessment, template: ChecklistTemplate, table: CostTable, siteClass override: String? = nil
    ) -> Quote {
        let siteClass = table.siteClass(for: submission.site, override: override)
        let rate = table.labourRates[siteClass] ?? table.labourRates[table.defaultSiteClass] ?? 0
        var quote = Quote(currency: table.currency, siteClass: siteClass, labourRate: rate, lines: [], notQuoted: [], excluded: nil)
        let messages = InspectionMessages.table
        // Flood, fire, not tradeable: not reconditioned, not quoted (most decisive first, as the headline).
        for flag in template.scoring?.ungradedFlags ?? [] {
            guard let raised = assessment.flags.first(where: { $0.id == flag }) else { continue }
            let reason = Notice(
                "quote.excluded", ["flag": .text(flag), "causes": .text(raised.causes.joined(separator: ", "))], labels: ["flag_name": raised.label],
                table: messages)
            quote.excluded = Quote.Exclusion(flag: flag, label: raised.label, causes: raised.causes, reason: reason)
            return quote
        }
        for defect in submission.defects {
            switch price(defect, template: template, table: table, rate: rate) {
            case let .priced(line)?: quote.lines.append(line)
            case let .notPriced(item)?: quote.notQuoted.append(item)
            case nil: continue
            }
        }
        for answer in submission.checks where answer.result.isFinding {
            let name = template.check(answer.id)?.check.label ?? LocalizedText(zh: answer.id, en: answer.id)
            guard let rule = table.checkRule(answer.id), let operation = table.operations[rule.operation] else {
                let reason = Notice("quote.check_not_priced", ["check": .text(answer.id)], table: messages)
                quote.notQuoted.append(Quote.NotQuoted(finding: answer.id, name: name, reason: reason))
                continue
            }
            quote.lines.append(
                Quote.Line(
                    finding: answer.id, item: answer.id, name: name, defect: nil, degree: nil, operation: operation, hours: operation.hours,
                    cost: cost(operation, rate: rate), rule: rule.name))
        }
        return quote
    }

    /// What pricing one finding gives.
    package enum Priced: Sendable, Hashable {
        case priced(Quote.Line)
        case notPriced(Quote.NotQuoted)
    }

    /// One defect priced at `rate`: the operation of the most specific rule, or why it is not priced (structural, a
    /// rule's `not_priced`, no rule). Nil for a part the template does not know.
    package static func price(_ defect: Defect, template: ChecklistTemplate, table: CostTable, rate: Int) -> Priced? {
        guard let (group, part) = template.part(defect.part) else { return nil }
        let messages = InspectionMessages.table
        func notPriced(_ code: String, _ params: [String: NoticeValue]) -> Priced {
            .notPriced(Quote.NotQuoted(finding: defect.code, name: part.label, reason: Notice(code, params, table: messages)))
        }
        if group.raises != nil, group.raises == template.scoring?.accidentFlag { return notPriced("quote.structural", ["code": .text(defect.code)]) }
        guard let rule = table.rule(group: group.id, part: defect.part, defect: defect.type, degree: defect.degree) else {
            return notPriced("quote.no_rule", ["code": .text(defect.code)])
        }
        switch rule.outcome {
        case let .notPriced(why): return notPriced("quote.\(why.rawValue)", ["code": .text(defect.code), "rule": .text(rule.name)])
        case let .operation(id):
            guard let operation = table.operations[id] else { return notPriced("quote.no_rule", ["code": .text(defect.code)]) }
            return .priced(
                Quote.Line(
                    finding: defect.code, item: defect.part, name: part.label, defect: group.defectTypes.first { $0.code == defect.type }?.label,
                    degree: defect.degree, operation: operation, hours: operation.hours, cost: cost(operation, rate: rate), rule: rule.name))
        }
    }

    /// Labour at `rate` plus the material range.
    package static func cost(_ operation: CostTable.Operation, rate: Int) -> Quote.Amount {
        let labour = Int((operation.hours * Double(rate)).rounded())
        return Quote.Amount(min: labour + operation.materialMin, max: labour + operation.materialMax)
    }
}
