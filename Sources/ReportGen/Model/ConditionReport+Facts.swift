import Common
import Inspection

extension ConditionReport {
    /// One fact of the vehicle record: `value` machine-readable (dates as written, ids, numbers, true/false/missing).
    package struct Fact: Sendable, Hashable, Codable {
        package var field: String
        package var label: Label
        package var value: String
        package var text: Label
    }

    /// A fact a later inspection changed.
    package struct FactChange: Sendable, Hashable, Codable {
        package var field: String
        package var label: Label
        package var previous: String
        package var previousText: Label
        package var value: String
        package var text: Label
        package var stage: String
        package var stageLabel: Label
        package var revision: Int
        package var inspectedAt: String
    }
}

extension ConditionReport.Vehicle {
    /// The vehicle section of a report on `record`: identity and facts merged from every inspection (the latest value
    /// wins), the model year from the VIN and the first registration, the corrections later inspections made.
    package static func of(_ record: CarRecord, basis: Submission, template: ChecklistTemplate) -> Self {
        let facts = VehicleFacts(inspections: record.vehicle.inspections)
        var identity = basis.vehicle
        if let first = facts.text(.firstRegistered) { identity.firstRegistered = CalendarDate(parsing: first) }
        let items = VehicleFacts.Field.allCases.compactMap { field -> ConditionReport.Fact? in
            guard let value = facts.values[field] else { return nil }
            return .init(
                field: field.rawValue, label: VehicleFactWording.label(field), value: value.plain,
                text: VehicleFactWording.text(value, field: field, template: template))
        }
        let changes = facts.changes.map { change in
            ConditionReport.FactChange(
                field: change.field.rawValue, label: VehicleFactWording.label(change.field), previous: change.previous.plain,
                previousText: VehicleFactWording.text(change.previous, field: change.field, template: template), value: change.value.plain,
                text: VehicleFactWording.text(change.value, field: change.field, template: template), stage: change.source.stage.rawValue,
                stageLabel: change.source.stage.label, revision: change.source.revision, inspectedAt: change.source.inspectedAt)
        }
        return .init(
            vin: identity.vin.value, modelYear: identity.modelYear(inspectedIn: basis.inspectedAt.localYear), plate: facts.text(.plate),
            make: facts.text(.make),
            model: facts.text(.model), color: facts.text(.color), firstRegistered: facts.text(.firstRegistered), facts: items,
            factChanges: changes)
    }

    /// The rows a reader sees, in `language`: VIN, model year, make and model, then every other fact.
    package func rows(_ language: ReportLanguage) -> [(label: String, value: String)] {
        var rows: [(label: String, value: String)] = [(language.text(.vin), vin)]
        if let modelYear { rows.append((language.text(.modelYear), "\(modelYear)")) }
        let makeModel = [make, model].compactMap { $0 }.joined(separator: " ")
        if !makeModel.isEmpty { rows.append((language.text(.makeModel), makeModel)) }
        for fact in facts where fact.field != "make" && fact.field != "model" {
            rows.append((language.pick(fact.label), language.pick(fact.text)))
        }
        return rows
    }

    /// The corrections, one line each in `language`: `车牌: 京A12345 → 京A54321（稽查 r1, 2026-11-20T15:10:00+08:00）`.
    package func changeLines(_ language: ReportLanguage) -> [String] {
        (factChanges ?? []).map { change in
            let source = "\(language.pick(change.stageLabel)) r\(change.revision), \(change.inspectedAt)"
            let said = "\(language.pick(change.label)): \(language.pick(change.previousText)) → \(language.pick(change.text))"
            return language == .zh ? "\(said)（\(source)）" : "\(said) (\(source))"
        }
    }
}
