import Common
import Inspection
import ReportGen
import Store

/// `inspect find`: answers "which car is this?" from the lookup index: by full VIN, by the VIN's last six characters,
/// by plate, or by words of make, model, trim, equipment and use ("Jetta sunroof", "天窗"). One line per car, newest
/// first; a single hit also gets its fact sheet.
package struct CarFinder: Sendable {
    /// Builds index rows and lines.
    package let indexer: CarIndexer
    /// At most this many lines (the total still counts every match).
    package var limit = 50

    /// Why a query cannot be answered.
    package enum Problem: Error, Sendable, CustomStringConvertible {
        case emptyQuery
        package var description: String {
            switch self {
            case .emptyQuery: "the query has no letters or digits: give a VIN, its last 6 characters, a plate, or words such as \"Jetta sunroof\""
            }
        }
    }

    /// Creates a finder.
    package init(catalog: TemplateCatalog) { indexer = CarIndexer(catalog: catalog) }

    /// Brings the index up to date, then answers `query`.
    package func find(_ query: String, in store: InspectionStore, now: String) throws -> FindOutput {
        try indexer.refresh(store, indexedAt: now)
        return try lookup(query, in: store)
    }

    /// Answers `query` from the index as it is (no refresh: for measuring the lookup alone).
    package func lookup(_ query: String, in store: InspectionStore) throws -> FindOutput {
        let compact = CarIndexer.plateKey(query)
        guard !SearchText.words(query).isEmpty else { throw Problem.emptyQuery }
        var matchedBy = "text"
        var rows: [CarIndexRow] = []
        var total = 0
        if compact.count == 17, VIN.problem(in: compact) == nil || compact.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) {
            matchedBy = "vin"
            rows = try store.indexedCars(vin: compact)
            total = rows.count
        } else if (5...10).contains(compact.count) {  // a VIN tail or a plate, however it was spaced
            let byTail = compact.count == 6 ? try store.indexedCars(vinTail: compact) : []
            let byPlate = try store.indexedCars(plateKey: compact)
            rows = byTail + byPlate.filter { plate in !byTail.contains { $0.vin == plate.vin } }
            matchedBy = byTail.isEmpty ? "plate" : "vin_tail"
            total = rows.count
        }
        if matchedBy != "vin" && rows.isEmpty {
            let terms = SearchText.terms(query)
            guard !terms.isEmpty else { throw Problem.emptyQuery }
            matchedBy = "text"
            (total, rows) = try store.searchCars(terms, limit: limit)
        }
        let lines = rows.prefix(limit).compactMap(CarIndexer.line(of:))
        var facts: FindOutput.FactSheet?
        if total == 1, let vin = lines.first?.vin, let record = try CarRecordLoader.load(vin: vin, from: store) {
            facts = factSheet(record)
        }
        return FindOutput(query: query, matchedBy: matchedBy, total: total, cars: lines, facts: facts)
    }

    /// The whole vehicle record of one car.
    func factSheet(_ record: CarRecord) -> FindOutput.FactSheet? {
        guard let latest = record.vehicle.inspections.max(by: { CarIndexer.order($0) < CarIndexer.order($1) }) else { return nil }
        let basis = record.reportBasis ?? latest
        guard let template = try? indexer.catalog.template(id: basis.submission.templateID) else { return nil }
        return .init(
            vehicle: ConditionReport.Vehicle.of(record, basis: basis.submission, template: template),
            latestOdometer: (latest.submission.odometer.reading, latest.submission.odometer.unit.rawValue, latest.submission.odometer.kilometres))
    }
}
