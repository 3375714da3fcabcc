import Common
import Inspection

/// Who a condition report is for.
package enum ReportAudience: String, Sendable, CaseIterable {
    /// Staff: everything.
    case `internal`
    /// A buyer or seller: no staff ids or names, no appraiser-miss details, no internal notes.
    case customer
}

extension ConditionReport {
    /// The report as `audience` may see it. For customers: inspector ids and names, the appraiser-vs-auditor
    /// discrepancies and who saw each finding, the plate beyond its region, the history of fact corrections, finding and
    /// check notes (staff remarks), staff instructions and measurements, and the internal warnings are left out; the
    /// findings with their photos, scores, flags, the mileage ledger (a suspect reading "being verified"), the delivery
    /// check in the buyer's words, every safety finding, and whether the report stands on one inspection stay.
    package func `for`(_ audience: ReportAudience) -> ConditionReport {
        guard audience == .customer else { return self }
        var copy = self
        copy.audience = audience.rawValue
        for index in copy.inspections.indices {
            copy.inspections[index].inspectorID = nil
            copy.inspections[index].inspectorName = nil
        }
        copy.discrepancies = nil
        copy.vehicle.plate = copy.vehicle.plate.map(VehicleFactWording.maskedPlate)  // the region only
        for index in copy.vehicle.facts.indices where copy.vehicle.facts[index].field == VehicleFacts.Field.plate.rawValue {
            let masked = VehicleFactWording.maskedPlate(copy.vehicle.facts[index].value)
            copy.vehicle.facts[index].value = masked
            copy.vehicle.facts[index].text = LocalizedText(zh: masked, en: masked)
        }
        copy.vehicle.factChanges = nil  // who corrected what is internal
        for index in copy.findings.indices {
            copy.findings[index].note = nil
            copy.findings[index].seenBy = []
            copy.findings[index].appraisalCode = nil
        }
        for index in copy.checks.indices {
            copy.checks[index].note = nil
            copy.checks[index].seenBy = []
        }
        copy.warnings = customerWarnings
        copy.photos = photos.map(Self.customerPhoto)
        // Until a person has confirmed a rollback, a customer reads that a reading is being verified.
        for index in copy.mileage.flags.indices where copy.mileage.flags[index].kind != Inspection.MileageFlag.Kind.rollback.rawValue {
            copy.mileage.flags[index].notice = Notice("report.customer.reading_being_verified", table: ReportMessages.table)
        }
        copy.delivery = delivery.map(Self.customerDelivery)
        copy.estimate = nil  // pricing is internal
        copy.afterSale = nil  // the after-sale history is internal
        for index in copy.disputes.indices {  // staff names and remarks
            copy.disputes[index].resolvedBy = nil
            copy.disputes[index].approvedBy = nil
            copy.disputes[index].note = nil
            copy.disputes[index].resolutionNote = nil
        }
        return copy
    }

    /// What the customer is told beside the findings: that the report stands on one inspection, and each safety item.
    private var customerWarnings: [Notice] {
        warnings.compactMap { warning in
            switch warning.code {
            case "report.no_audit": Notice("report.customer.one_inspection", table: ReportMessages.table)
            case "report.safety_item", "report.structural_not_scored", "report.supersedes", "report.superseded": warning
            default: nil
            }
        }
    }

    /// A walkaround photo for the customer: no measurements, no other car's reference; one that must be retaken says so.
    private static func customerPhoto(_ photo: Photo) -> Photo {
        var copy = photo
        copy.problems = []
        copy.reusedFrom = nil
        if photo.verdict == "fail" || photo.verdict == "retake_required" { copy.verdictLabel = ReportMessages.label("photo.customer.retaking") }
        return copy
    }

    /// The delivery check in the buyer's words, each line once (two gates of one photo are one retake).
    private static func customerDelivery(_ delivery: Delivery) -> Delivery {
        var copy = delivery
        var seen = Set<String>()
        copy.reasons = delivery.reasons.compactMap { reason in
            var shown = reason
            shown.notice = reason.customerNotice ?? reason.notice
            shown.customerNotice = nil
            return seen.insert(shown.notice.message.en).inserted ? shown : nil
        }
        return copy
    }
}
