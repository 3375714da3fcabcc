/// What a submission's photo is for (the `role` column of stored photos).
package enum PhotoRole: String, Sendable, Hashable, Codable, CaseIterable {
    /// A walkaround angle of the template (`front_left_45`, `dashboard_odometer`, ...).
    case angle
    /// A close-up of one defect.
    case defect
    /// The odometer reading's photo.
    case odometer
}
