import Inspection
import ReportGen
import Store

/// The quote use case: load a car's record and price the findings its condition report stands on.
package struct QuoteWorkflow: Sendable {
    /// Templates by id.
    package var catalog: TemplateCatalog
    /// The repair cost table.
    package var table: CostTable

    /// Creates the use case.
    package init(catalog: TemplateCatalog, table: CostTable) {
        self.catalog = catalog
        self.table = table
    }

    /// Why there is no quote.
    package enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        case unknownVehicle(String)
        case nothingToQuote(String)
        case template(String)
        case store(String)

        package var description: String {
            switch self {
            case let .unknownVehicle(vin): "no inspections stored for VIN \(vin)"
            case let .nothingToQuote(vin): "VIN \(vin) has no appraisal or audit: there is nothing to quote"
            case let .template(message): message
            case let .store(message): message
            }
        }
    }

    /// The estimate of `vin` at `siteClass` (default: the class of the inspection's site).
    package func quote(vin: String, store: InspectionStore, siteClass: String? = nil) throws(Failure) -> QuoteOutput {
        let record: CarRecord?
        do { record = try CarRecordLoader.load(vin: vin, from: store) } catch { throw .store(error.description) }
        guard let record else { throw .unknownVehicle(vin) }
        let output: QuoteOutput?
        do { output = try QuoteOutput(record: record, catalog: catalog, table: table, siteClass: siteClass) } catch {
            throw .template(error.description)
        }
        guard let output else { throw .nothingToQuote(vin) }
        return output
    }
}
