/// How a car reached the buyer (delivery stage only).
package struct Transport: Sendable, Hashable, Codable {
    /// How the car was moved.
    package enum Mode: String, Sendable, Hashable, Codable, CaseIterable {
        /// On a truck: only loading and unloading add distance.
        case flatbed
        /// Driven on its own wheels.
        case driven
    }

    /// Flatbed or driven.
    package var mode: Mode
    /// The route length in km, when known.
    package var routeKm: Int?

    /// Creates a transport record.
    package init(mode: Mode, routeKm: Int?) {
        self.mode = mode
        self.routeKm = routeKm
    }
}
