import Inspection
import ReportGen
import Store

/// The report use case: load a car's record, then build its condition report.
package struct ReportAssembly: Sendable {
    /// What turns a loaded record into the report.
    package var builder: ConditionReportBuilder

    /// Creates the use case.
    package init(
        catalog: TemplateCatalog, mileagePolicy: MileagePolicy, costTable: CostTable? = nil, afterSalePolicy: AfterSalePolicy? = nil,
        plausibility: PlausibilityPolicy? = nil
    ) {
        builder = ConditionReportBuilder(catalog: catalog, mileagePolicy: mileagePolicy, costTable: costTable, afterSalePolicy: afterSalePolicy)
        builder.plausibility = plausibility
    }

    /// Why a report cannot be made.
    package enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        /// Nothing is stored for the VIN.
        case unknownVehicle(String)
        /// The record cannot be turned into a report.
        case build(ConditionReportBuilder.Failure)
        /// The store failed.
        case store(String)

        package var description: String {
            switch self {
            case let .unknownVehicle(vin): "no inspections stored for VIN \(vin)"
            case let .build(failure): failure.description
            case let .store(message): message
            }
        }
    }

    /// The condition report of `vin` as the store holds it now.
    package func report(vin: String, store: InspectionStore, generatedAt: String) throws(Failure) -> ConditionReport {
        let record: CarRecord?
        do { record = try CarRecordLoader.load(vin: vin, from: store) } catch { throw .store(error.description) }
        guard let record else { throw .unknownVehicle(vin) }
        return try report(record, generatedAt: generatedAt)
    }

    /// The condition report of a loaded record.
    package func report(_ record: CarRecord, generatedAt: String) throws(Failure) -> ConditionReport {
        do {
            return try builder.build(record, generatedAt: generatedAt)
        } catch {
            throw .build(error)
        }
    }
}
