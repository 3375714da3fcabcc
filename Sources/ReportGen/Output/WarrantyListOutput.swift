import Common
import Inspection

/// `inspect warranty list VIN --format json`, and the report's claims: `format: warranty-list/1` (schema
/// `schemas/warranty-list-1.schema.json`).
package struct WarrantyListOutput: Sendable, Hashable, Codable {
    /// The contract's name and version.
    package static let formatName = "warranty-list/1"

    /// One claim and how its item stood in the inspections.
    package struct Claim: Sendable, Hashable, Codable {
        package var id: Int64
        /// `check` or `part`.
        package var kind: String
        package var item: String
        package var name: LocalizedText?
        package var symptom: String
        package var cost: Int
        package var claimedAt: String
        package var note: String?
        package var photo: String?
        /// `disclosed` (the inspections recorded it) or `missed` (the appraiser and the auditor passed it).
        package var attribution: String
        package var attributionNotice: Notice
    }

    package var format = Self.formatName
    package var vin: String
    package var claims: [Claim]
    /// The sum of the claims' costs.
    package var totalCost: Int

    /// The output for `record`'s claims.
    package init(record: CarRecord, catalog: TemplateCatalog) {
        vin = record.vin
        let template = record.reportBasis.flatMap { try? catalog.template(id: $0.submission.templateID) }
        let appraisal = record.latest(.appraisal)?.submission, audit = record.latest(.audit)?.submission
        claims = record.claims.map { claim in
            let name: LocalizedText?
            let kind: String
            switch claim.item {
            case let .check(id):
                kind = "check"
                name = template?.check(id)?.check.label
            case let .part(code):
                kind = "part"
                name = template?.part(code)?.part.label
            }
            let attribution = claim.attribution(appraisal: appraisal, audit: audit)
            let notice = Notice(
                "warranty.\(attribution.rawValue)", ["item": .text(claim.item.code)],
                labels: [
                    "item": name.map { LocalizedText(zh: "\(claim.item.code) \($0.zh)", en: "\(claim.item.code) \($0.en)") }
                        ?? LocalizedText(zh: claim.item.code, en: claim.item.code)
                ], table: InspectionMessages.table)
            return Claim(
                id: claim.id, kind: kind, item: claim.item.code, name: name, symptom: claim.symptom, cost: claim.cost,
                claimedAt: claim.claimedAt.text,
                note: claim.note, photo: claim.photoPath, attribution: attribution.rawValue, attributionNotice: notice)
        }
        totalCost = claims.reduce(0) { $0 + $1.cost }
    }

    /// The list as text, ending with a newline.
    package var text: String {
        guard !claims.isEmpty else { return "no warranty claims for \(vin)\n" }
        return claims.map { "#\($0.id) \($0.claimedAt) \($0.kind) \($0.item): \($0.symptom) · cost \($0.cost) · \($0.attributionNotice.message.en)" }
            .joined(separator: "\n") + "\n"
    }
}
