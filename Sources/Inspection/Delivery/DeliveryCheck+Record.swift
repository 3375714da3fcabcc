import Common

extension DeliveryCheck {
    /// The delivery verdict, in one place for `deliver`, the condition report and `batch`: the stored `delivery` held
    /// against the car's report basis (the latest audit, else the appraisal; see ``CarRecord/reportBasis``) by
    /// ``evaluate(report:delivery:reportTemplate:photoProblems:policy:)``, with the quality problems of its stored
    /// photos, plus the ledger's flags on the delivery's own reading (the one its submission recorded; unexplained
    /// growth is left to the odometer sentence, which already weighs the leg's allowance), what the buyer had to
    /// acknowledge, the papers the record marks missing, and the car's disputes (an open one needs attention). Nil when
    /// the car has no appraisal or audit, or its templates are not in `catalog`.
    package static func evaluate(delivery: StoredInspection, record: CarRecord, catalog: TemplateCatalog, policy: MileagePolicy) -> DeliveryCheck? {
        guard let basis = record.reportBasis, let reportTemplate = try? catalog.template(id: basis.submission.templateID) else { return nil }
        let problems = photoProblems(of: delivery, rows: record.photos(of: delivery), template: reportTemplate)
        var check = evaluate(
            report: basis.submission, delivery: delivery.submission, reportTemplate: reportTemplate, photoProblems: problems, policy: policy)
        let ledger = record.mileageLedger(policy: policy)
        let inspectedAt = delivery.submission.inspectedAt
        let reading = ledger.effective.last { $0.stage == .delivery && $0.source == .submission && $0.at == inspectedAt }
        var added: [Reason] = []
        if let reading {
            // A confirmed rollback stops the handover; readings that disagree need a person first.
            added += ledger.flags.filter { $0.recordID == reading.id && $0.kind != .unexplainedGrowth }.map {
                Reason(
                    verdict: $0.kind == .rollback ? .stop : .attention, topic: "ledger", notice: $0.notice,
                    customer: Notice("delivery.customer.odometer_verifying", table: InspectionMessages.table))
            }
        }
        added += disclosures(basis: basis, delivery: delivery.submission, template: reportTemplate)
        if let deliveryTemplate = try? catalog.template(id: delivery.submission.templateID) {
            added += paperConflicts(record: record, delivery: delivery.submission, template: deliveryTemplate)
        }
        check.name(disputes: record.disputes)
        check.add(added)
        return check
    }

    /// The quality problems of a stored inspection's photos, one per gate that did not pass, named by what the photo
    /// shows (its angle in `template`, the odometer, or the defect's code).
    package static func photoProblems(of inspection: StoredInspection, rows: [StoredPhoto], template: ChecklistTemplate) -> [PhotoGateProblem] {
        rows.flatMap { row -> [PhotoGateProblem] in
            let angle: String
            let label: LocalizedText
            switch row.role {
            case .odometer:
                angle = "odometer"
                label = LocalizedText(zh: "里程表照片", en: "odometer photo")
            case .defect:
                let code = row.findingSeq.flatMap {
                    inspection.submission.defects.indices.contains($0 - 1) ? inspection.submission.defects[$0 - 1].code : nil
                }
                angle = code ?? "defect"
                label = LocalizedText(zh: "缺陷 \(code ?? "?") 照片", en: "defect \(code ?? "?") photo")
            case .angle:
                angle = row.angle ?? "?"
                label = template.angles.first { $0.id == row.angle }?.label ?? LocalizedText(zh: angle, en: angle)
            }
            return row.problems.map { PhotoGateProblem(angle: angle, angleLabel: label, gate: $0) }
        }
    }
}
