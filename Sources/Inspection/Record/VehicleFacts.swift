/// The car's vehicle record: every fact as the latest inspection that recorded it says it, where that value came from,
/// and every change a later inspection made (the history is kept: nothing is overwritten in the store, and the record
/// says which inspection corrected what).
package struct VehicleFacts: Sendable, Hashable {
    /// The current value of each recorded fact.
    package var values: [Field: FactValue]
    /// The inspection each current value comes from.
    package var sources: [Field: Source]
    /// Values a later inspection changed, oldest first.
    package var changes: [Change]

    /// A fact of the record, in the order a fact sheet lists them.
    package enum Field: String, Sendable, Hashable, CaseIterable, Codable {
        case plate, make, model, trim, color, manufactured, firstRegistered = "first_registered", use
        case registrationCount = "registration_count", estimatedKm = "estimated_km", equipment
        case drivingLicence = "driving_licence", registrationCertificate = "registration_certificate"
        case compulsoryInsurance = "compulsory_insurance", annualInspection = "annual_inspection"
        case purchaseInvoice = "purchase_invoice", keys
    }

    /// A fact's value, typed so each renderer words it in its own language.
    package enum FactValue: Sendable, Hashable {
        case text(String)
        case number(Int)
        case date(String)
        case present(Bool)
        /// An expiring document: valid until the date, or missing (nil).
        case expires(String?)
        /// Ids of one of the template's vocabularies (`use` is one id, `equipment` any number).
        case terms([String])

        /// The value as one machine-readable string (dates as written, `missing`, ids separated by spaces).
        package var plain: String {
            switch self {
            case let .text(text), let .date(text): text
            case let .number(number): String(number)
            case let .present(flag): flag ? "true" : "false"
            case let .expires(date): date ?? "missing"
            case let .terms(ids): ids.joined(separator: " ")
            }
        }
    }

    /// Which inspection said it.
    package struct Source: Sendable, Hashable {
        package var stage: Stage
        package var revision: Int
        package var inspectedAt: String
    }

    /// A value a later inspection changed.
    package struct Change: Sendable, Hashable {
        package var field: Field
        package var previous: FactValue
        package var value: FactValue
        /// The inspection that recorded the previous value.
        package var previousSource: Source
        /// The inspection that changed it.
        package var source: Source
    }

    /// Merges what `inspections` say, in the order they were made (inspection time, then store order): the latest
    /// value of each fact wins; a value an inspection leaves out is kept, not erased.
    package init(inspections: [StoredInspection]) {
        values = [:]
        sources = [:]
        changes = []
        let ordered = inspections.sorted { ($0.submission.inspectedAt.epochSeconds, $0.id) < ($1.submission.inspectedAt.epochSeconds, $1.id) }
        for inspection in ordered {
            let source = Source(stage: inspection.stage, revision: inspection.revision, inspectedAt: inspection.submission.inspectedAt.text)
            for (field, value) in Self.values(of: inspection.submission.vehicle) {
                if let previous = values[field], let previousSource = sources[field] {
                    guard previous != value else { continue }
                    changes.append(Change(field: field, previous: previous, value: value, previousSource: previousSource, source: source))
                }
                values[field] = value
                sources[field] = source
            }
        }
    }

    /// The facts one submission records, in field order.
    package static func values(of vehicle: VehicleIdentity) -> [(Field, FactValue)] {
        let documents = vehicle.documents
        func expiring(_ value: VehicleDocuments.Expiring?) -> FactValue? { value.map { .expires($0.expires?.description) } }
        let all: [(Field, FactValue?)] = [
            (.plate, vehicle.plate.map(FactValue.text)), (.make, vehicle.make.map(FactValue.text)), (.model, vehicle.model.map(FactValue.text)),
            (.trim, vehicle.trim.map(FactValue.text)), (.color, vehicle.color.map(FactValue.text)),
            (.manufactured, vehicle.manufactured.map { .date($0.description) }),
            (.firstRegistered, vehicle.firstRegistered.map { .date($0.description) }), (.use, vehicle.use.map { .terms([$0]) }),
            (.registrationCount, vehicle.registrationCount.map(FactValue.number)), (.estimatedKm, vehicle.estimatedKm.map(FactValue.number)),
            (.equipment, vehicle.equipment.map(FactValue.terms)),
            (.drivingLicence, documents?.drivingLicence.map(FactValue.present)),
            (.registrationCertificate, documents?.registrationCertificate.map(FactValue.present)),
            (.compulsoryInsurance, expiring(documents?.compulsoryInsurance)), (.annualInspection, expiring(documents?.annualInspection)),
            (.purchaseInvoice, documents?.purchaseInvoice.map(FactValue.present)), (.keys, documents?.keys.map(FactValue.number)),
        ]
        return all.compactMap { field, value in value.map { (field, $0) } }
    }

    /// The current value of a text fact.
    package func text(_ field: Field) -> String? {
        switch values[field] {
        case let .text(text)?, let .date(text)?: text
        default: nil
        }
    }

    /// The current ids of `use` or `equipment`.
    package func terms(_ field: Field) -> [String] {
        if case let .terms(ids)? = values[field] { return ids }
        return []
    }
}
