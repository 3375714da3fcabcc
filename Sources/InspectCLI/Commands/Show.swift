import ArgumentParser
import Foundation
import Inspection
import ReportGen
import Store

extension InspectCommand {
    /// `inspect show VIN`: everything stored for a car.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print what is stored for a car: stages, revisions, odometer readings, scores and grade.")

        @OptionGroup var database: DatabaseOptions

        @OptionGroup var templates: TemplateOptions

        @Argument(help: "The car's VIN.")
        var vin: String

        func run() throws {
            let store = try database.existingStore()
            let vehicle: StoredVehicle?
            do { vehicle = try store.vehicle(vin: vin.uppercased()) } catch { throw CLIFailure.store(error) }
            guard let vehicle else { throw CLIFailure.invalid("no inspections stored for VIN \(vin)") }
            let catalog = templates.catalog()
            var templates: [String: ChecklistTemplate] = [:]
            for id in Set(vehicle.inspections.map(\.submission.templateID)) {
                templates[id] = try? catalog.template(id: id)
            }
            print(VehicleSummaryRenderer(templates: templates).render(vehicle), terminator: "")
        }
    }
}
