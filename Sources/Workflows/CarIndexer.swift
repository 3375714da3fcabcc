import Common
import Foundation
import Inspection
import ReportGen
import Store

/// Keeps the car lookup index in step with the store: builds each car's result line and searchable words from its
/// record, and re-indexes the cars the store marked stale (a new inspection marks its car).
package struct CarIndexer: Sendable {
    /// Templates, for headlines and vocabulary labels.
    package let catalog: TemplateCatalog

    /// Creates an indexer.
    package init(catalog: TemplateCatalog) { self.catalog = catalog }

    /// The result line of `record`: identity and facts (latest value wins), the report headline, the latest stage.
    package func line(_ record: CarRecord) -> FindOutput.CarLine? {
        guard let latest = record.vehicle.inspections.max(by: { Self.order($0) < Self.order($1) }) else { return nil }
        let basis = record.reportBasis ?? latest
        let template = try? catalog.template(id: basis.submission.templateID)
        let vehicle = template.map { ConditionReport.Vehicle.of(record, basis: basis.submission, template: $0) }
        let facts = VehicleFacts(inspections: record.vehicle.inspections)
        // After a return the headline is the returned car's, as its report has it.
        let headline = record.reportBasis.flatMap { inspection in
            template.map { Headline.of(ReturnedCondition.of(record, template: $0, asOf: nil)?.assessment ?? inspection.assessment, template: $0) }
        }
        return FindOutput.CarLine(
            vin: record.vin, plate: facts.text(.plate), make: facts.text(.make), model: facts.text(.model), modelYear: vehicle?.modelYear,
            trim: facts.text(.trim),
            equipment: facts.terms(.equipment).map { id in
                .init(code: id, name: template?.equipmentItem(id)?.label ?? LocalizedText(zh: id, en: id))
            },
            headline: headline?.label, headlineKind: headline.map(\.kind), latestStage: latest.stage.rawValue, latestStageLabel: latest.stage.label,
            latestSite: latest.submission.site, latestAt: latest.submission.inspectedAt.text)
    }

    /// The index row of `record`: its line as JSON and the words a text query matches.
    package func row(_ record: CarRecord) throws -> CarIndexRow? {
        guard let line = line(record), let latest = record.vehicle.inspections.max(by: { Self.order($0) < Self.order($1) }) else { return nil }
        let facts = VehicleFacts(inspections: record.vehicle.inspections)
        let template = record.reportBasis.flatMap { try? catalog.template(id: $0.submission.templateID) }
        let use = facts.terms(.use).map { id in template?.vehicleUse(id)?.label ?? LocalizedText(zh: id, en: id) }
        return try Self.row(line, color: facts.text(.color), use: use, latestEpoch: latest.submission.inspectedAt.epochSeconds)
    }

    /// The index row of a line: what it shows, and the words of its VIN, plate, make, model, trim, colour, year, equipment
    /// (id and both names) and use (both names).
    package static func row(_ line: FindOutput.CarLine, color: String?, use: [LocalizedText], latestEpoch: Int64) throws -> CarIndexRow {
        let words =
            [line.vin, line.plate ?? "", line.make ?? "", line.model ?? "", line.trim ?? "", color ?? ""]
            + [line.modelYear.map(String.init) ?? ""] + line.equipment.flatMap { [$0.code, $0.name.zh, $0.name.en] } + use.flatMap { [$0.zh, $0.en] }
        return CarIndexRow(
            vin: line.vin, plateKey: line.plate.map(Self.plateKey), latestEpoch: latestEpoch,
            summary: String(decoding: try JSONEncoder().encode(line), as: UTF8.self), searchText: SearchText.document(words))
    }

    /// Re-indexes every car marked stale, `chunk` cars a transaction; returns how many.
    @discardableResult
    package func refresh(_ store: InspectionStore, indexedAt: String, chunk: Int = 500) throws -> Int {
        let stale = try store.staleCars()
        var done = 0
        while done < stale.count {
            let slice = stale[done..<min(stale.count, done + chunk)]
            var rows: [(row: CarIndexRow, generation: Int64)] = []
            for car in slice {
                guard let record = try CarRecordLoader.load(vin: car.vin, from: store), let row = try row(record) else { continue }
                rows.append((row, car.generation))
            }
            try store.index(rows, indexedAt: indexedAt)
            done += slice.count
        }
        return stale.count
    }

    /// A plate as the index keeps it: upper case, without spaces, dots or dashes (京N·8P2Q1 and 京n 8p2q1 are one plate).
    package static func plateKey(_ plate: String) -> String {
        String(plate.uppercased().filter { !$0.isWhitespace && !"·.-•".contains($0) })
    }

    /// The line a row keeps (nil for a row written by another version that cannot be read: it is re-indexed).
    package static func line(of row: CarIndexRow) -> FindOutput.CarLine? {
        try? JSONDecoder().decode(FindOutput.CarLine.self, from: Data(row.summary.utf8))
    }

    static func order(_ inspection: StoredInspection) -> (Int64, Int64) { (inspection.submission.inspectedAt.epochSeconds, inspection.id) }
}
