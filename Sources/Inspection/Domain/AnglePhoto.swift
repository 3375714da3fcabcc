/// A walkaround photo of a named angle, e.g. `front_left_45`.
package struct AnglePhoto: Sendable, Hashable, Codable {
    /// Angle id from the template.
    package var angle: String
    /// Path relative to the submission's folder.
    package var path: String

    /// Creates a photo reference.
    package init(angle: String, path: String) {
        self.angle = angle
        self.path = path
    }
}
