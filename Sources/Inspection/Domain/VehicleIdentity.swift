/// What a submission says about the car itself: identity and the vehicle-record facts a buyer asks about. Every fact
/// is optional; a later inspection may add or correct it (see ``VehicleFacts``).
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
    /// 出厂日期: the month the car was built.
    package var manufactured: YearMonth?
    /// 使用性质: an id of the template's `vehicle_facts.uses` (private, rental, taxi, ...).
    package var use: String?
    /// 过户次数: how many times ownership was transferred.
    package var registrationCount: Int?
    /// 推定里程: the appraiser's estimate, recorded when the odometer is not believed.
    package var estimatedKm: Int?
    /// The papers and keys.
    package var documents: VehicleDocuments?
    /// Trim as the seller or nameplate says it (free text), e.g. `1.4T 豪华版`.
    package var trim: String?
    /// Ids of the template's `vehicle_facts.equipment`; nil when not recorded, empty when none.
    package var equipment: [String]?

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
