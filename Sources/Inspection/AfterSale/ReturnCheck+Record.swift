import Common

extension ReturnCheck {
    /// The return verdict, in one place for `return`, the condition report and `batch`: the stored return inspection
    /// held against the car's latest delivery before it and the report basis, with the ledger's rollback or conflict flag on the
    /// return's own reading.
    package static func evaluate(
        returned: StoredInspection, record: CarRecord, catalog: TemplateCatalog, policy: AfterSalePolicy, mileagePolicy: MileagePolicy,
        costTable: CostTable?
    ) throws(TemplateError) -> ReturnCheck {
        let template = try catalog.template(id: returned.submission.templateID)
        let basis = record.reportBasis
        let reportTemplate = try basis.map { b throws(TemplateError) in try catalog.template(id: b.submission.templateID) }
        // Held against the handover that gave the car to the buyer; a stopped attempt gave nothing.
        let attempts = record.handovers(catalog: catalog, policy: mileagePolicy)
        let before = attempts.filter { $0.at <= returned.submission.inspectedAt }
        let delivery = before.last(where: \.handedOver)?.inspection
        let ledger = record.mileageLedger(policy: mileagePolicy)
        let at = returned.submission.inspectedAt
        let reading = ledger.effective.last { $0.stage == .return && $0.source == .submission && $0.at == at }
        let rolledBack = reading.map { r in ledger.flags.contains { $0.recordID == r.id && ($0.kind == .rollback || $0.kind == .conflict) } } ?? false
        return evaluate(
            returned: returned.submission, template: template, delivery: delivery?.submission, basis: basis?.submission,
            reportTemplate: reportTemplate, rolledBack: rolledBack, policy: policy, trialWeekKm: mileagePolicy.trialWeekKm,
            costTable: costTable, stoppedAttempts: before.count)
    }
}
