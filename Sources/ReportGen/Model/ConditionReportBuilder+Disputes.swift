import Common
import Inspection

extension ConditionReportBuilder {
    /// The after-sale history on the record at `generated` (nil: everything): the latest return inspection with its
    /// verdict (when the after-sale policy is known), and the warranty claims. Nil when there is neither.
    func afterSale(_ record: CarRecord, generated: Int64?) -> ConditionReport.AfterSale? {
        func onRecord(_ time: Timestamp) -> Bool { generated.map { time.epochSeconds <= $0 } ?? true }
        var returned: ReturnCheckOutput?
        if let inspection = record.latest(.return), onRecord(inspection.submission.inspectedAt), let afterSalePolicy,
            let check = try? ReturnCheck.evaluate(
                returned: inspection, record: record, catalog: catalog, policy: afterSalePolicy, mileagePolicy: mileagePolicy, costTable: costTable)
        {
            returned = ReturnCheckOutput(vin: record.vin, returned: inspection, check: check)
        }
        var shown = record
        shown.claims = record.claims.filter { onRecord($0.claimedAt) }
        let claims = shown.claims.isEmpty ? nil : WarrantyListOutput(record: shown, catalog: catalog)
        return returned == nil && claims == nil ? nil : ConditionReport.AfterSale(returned: returned, claims: claims)
    }

    /// The disputes of `record` as the report shows them: the report's close-up of the finding beside the photo taken
    /// when it was disputed, and the settlement.
    /// Only what was on the record at `generated` (epoch seconds; nil: everything): a dispute opened later is left out,
    /// a settlement made later is not shown.
    static func disputes(_ record: CarRecord, basis: StoredInspection, template: ChecklistTemplate, generated: Int64?) -> [ConditionReport
        .DisputeItem]
    {
        func closeUp(_ inspection: StoredInspection, code: String) -> ConditionReport.PhotoRef? {
            guard let index = inspection.submission.defects.firstIndex(where: { $0.code == code }) else { return nil }
            return record.photos(of: inspection).first { $0.role == .defect && $0.findingSeq == index + 1 }.map {
                ConditionReport.PhotoRef(image: $0.storedPath, thumbnail: $0.thumbnailPath)
            }
        }
        let delivery = record.latest(.delivery)
        return record.disputes.filter { generated == nil || $0.openedAt.epochSeconds <= generated ?? 0 }.map { dispute in
            let resolution = dispute.resolution.flatMap { generated == nil || $0.at.epochSeconds <= generated ?? 0 ? $0 : nil }
            let part = Defect.split(code: dispute.finding).flatMap { template.part($0.part)?.part.label }
            var disputePhoto = dispute.photoPath.map { ConditionReport.PhotoRef(image: $0, thumbnail: nil) }
            if disputePhoto == nil, let delivery, delivery.id == dispute.deliveryInspectionID {
                disputePhoto = closeUp(delivery, code: dispute.finding)
            }
            let status = resolution == nil ? "open" : "settled"
            let statusLabel =
                resolution.map { InspectionMessages.decision($0.decision) } ?? LocalizedText(zh: "未处理", en: "open")
            return ConditionReport.DisputeItem(
                id: dispute.id, finding: dispute.finding, part: part, openedBy: dispute.openedBy.rawValue, openedAt: dispute.openedAt.text,
                note: dispute.note, reportPhoto: closeUp(basis, code: dispute.finding), disputePhoto: disputePhoto, status: status,
                statusLabel: statusLabel, decision: resolution?.decision.rawValue, resolvedBy: resolution?.by, resolvedAt: resolution?.at.text,
                degree: resolution?.degree, cost: resolution?.cost, bearer: resolution?.bearer?.rawValue,
                bearerLabel: resolution?.bearer.map(InspectionMessages.bearer), approvedBy: resolution?.approvedBy, resolutionNote: resolution?.note)
        }
    }
}
