/// What a submission says about the car itself.
package struct VehicleIdentity: Sendable, Hashable, Codable {
    /// The VIN (validated).
    package var vin: VIN
    /// Licence plate.
    package var plate: String?
    /// Make, e.g. `Volkswagen`.
    package var make: String?
    /// Model, e.g. `Lavida`.
    package var model: String?
    /// Body colour.
    package var color: String?
    /// Date of first registration.
    package var firstRegistered: CalendarDate?

    /// Creates an identity.
    package init(
        vin: VIN, plate: String? = nil, make: String? = nil, model: String? = nil, color: String? = nil,
        firstRegistered: CalendarDate? = nil
    ) {
        self.vin = vin
        self.plate = plate
        self.make = make
        self.model = model
        self.color = color
        self.firstRegistered = firstRegistered
    }

    /// The decoded model year of the car as inspected in `inspectionYear` (nil when position 10 cannot say).
    package func modelYear(inspectedIn inspectionYear: Int) -> Int? {
        if case let .year(year) = vin.modelYear(inspectedIn: inspectionYear, firstRegisteredYear: firstRegistered?.year) { return year }
        return nil
    }
}
