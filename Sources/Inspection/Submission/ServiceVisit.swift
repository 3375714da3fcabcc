import Common

/// What a service visit's submissions carry beyond an inspection: the work order, and at reception the fuel level,
/// valuables left in the car and the customer's acknowledgement of the walkaround (环检单).
package struct ServiceVisit: Sendable, Hashable, Codable {
    /// The customer's signature on the reception walkaround.
    package struct Acknowledgement: Sendable, Hashable, Codable {
        package var name: String
        package var at: Timestamp

        /// Creates an acknowledgement.
        package init(name: String, at: Timestamp) {
            self.name = name
            self.at = at
        }
    }

    /// The workshop's work order; a visit is VIN + work order.
    package var workOrder: String
    /// Reception: fuel level in percent.
    package var fuelLevel: Int?
    /// Reception: valuables left in the car.
    package var valuables: [String]?
    /// Reception: the customer's acknowledgement.
    package var acknowledgement: Acknowledgement?

    /// Creates the visit data.
    package init(workOrder: String, fuelLevel: Int? = nil, valuables: [String]? = nil, acknowledgement: Acknowledgement? = nil) {
        self.workOrder = workOrder
        self.fuelLevel = fuelLevel
        self.valuables = valuables
        self.acknowledgement = acknowledgement
    }
}
