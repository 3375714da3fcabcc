import Common

extension DeliveryCheck {
    /// What the buyer must acknowledge at the handover and did not: each flag of the report (accident, flood, fire,
    /// not tradeable) and a vehicle use the report's template marks for disclosure (a former ride-hailing car), unless
    /// the delivery's `acknowledged` lists it. Each is a reason for attention: the car is not handed over unexplained.
    static func disclosures(basis: StoredInspection, delivery: Submission, template: ChecklistTemplate) -> [Reason] {
        let table = InspectionMessages.table
        let acknowledged = Set(delivery.acknowledged ?? [])
        var due: [(id: String, label: LocalizedText)] = basis.assessment.flags.map { ($0.id, $0.label) }
        if let use = basis.submission.vehicle.use, let term = template.vehicleUses.first(where: { $0.id == use }), term.disclose {
            due.append((term.id, term.label))
        }
        return due.filter { !acknowledged.contains($0.id) }.map { item in
            Reason(
                verdict: .attention, topic: "disclosure",
                notice: Notice("delivery.not_acknowledged", ["item": .text(item.id)], labels: ["item_name": item.label], table: table),
                customer: Notice("delivery.customer.not_acknowledged", ["item": .text(item.id)], labels: ["item_name": item.label], table: table))
        }
    }

    /// Papers the vehicle record marks missing while the delivery answers `ok` to the template's papers check (a check
    /// marked `documents: true`): the two cannot both be right, so a person must look.
    static func paperConflicts(record: CarRecord, delivery: Submission, template: ChecklistTemplate) -> [Reason] {
        let table = InspectionMessages.table
        let facts = VehicleFacts(inspections: record.vehicle.inspections.filter { $0.stage == .appraisal || $0.stage == .audit })
        let missing: [VehicleFacts.Field] = [.drivingLicence, .registrationCertificate, .compulsoryInsurance, .annualInspection, .purchaseInvoice]
            .filter { field in
                switch facts.values[field] {
                case .present(false)?, .expires(nil)?: true
                default: false
                }
            }
        guard !missing.isEmpty else { return [] }
        let params: [String: NoticeValue] = ["missing": .text(missing.map(\.rawValue).joined(separator: ","))]
        let documents = LocalizedText(zh: missing.map(\.label.zh).joined(separator: "、"), en: missing.map(\.label.en).joined(separator: ", "))
        return delivery.checks.filter { entry in entry.result == .ok && template.check(entry.id)?.check.coversDocuments == true }.map {
            entry in
            let checkName = template.check(entry.id)?.check.label ?? LocalizedText(zh: entry.id, en: entry.id)
            return Reason(
                verdict: .attention, topic: "documents",
                notice: Notice(
                    "delivery.documents_conflict", params.merging(["check": .text(entry.id)]) { a, _ in a },
                    labels: ["check_name": checkName, "documents": documents], table: table),
                customer: Notice("delivery.customer.documents_conflict", params, labels: ["documents": documents], table: table))
        }
    }
}
