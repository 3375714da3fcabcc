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
    /// discrepancies, the plate beyond its region, the history of fact corrections, finding and check notes (staff remarks) and the warnings (internal bookkeeping, other cars'
    /// photos) are left out; findings, scores, flags, the mileage ledger, photos and the delivery check stay.
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
        for index in copy.findings.indices { copy.findings[index].note = nil }
        for index in copy.checks.indices { copy.checks[index].note = nil }
        copy.warnings = []
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
}
