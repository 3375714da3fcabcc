/// The person who inspected the car.
package struct Inspector: Sendable, Hashable, Codable {
    /// Staff id, e.g. `APR-0117`.
    package var id: String
    /// Display name.
    package var name: String?

    /// Creates an inspector.
    package init(id: String, name: String?) {
        self.id = id
        self.name = name
    }
}
