/// One inspection as submitted (`format: inspection/1`): who looked at which car, when, and what they found.
///
/// The contract is documented in `docs/submission-format.md`.
package struct Submission: Sendable, Hashable, Codable {
    /// The format line this build reads.
    package static let format = "inspection/1"

    /// The checklist template id, e.g. `gbt30323-2013`.
    package var templateID: String
    /// Appraisal, audit or delivery.
    package var stage: Stage
    /// The car.
    package var vehicle: VehicleIdentity
    /// Who inspected it.
    package var inspector: Inspector
    /// When, with the inspector's zone.
    package var inspectedAt: Timestamp
    /// Where (site code).
    package var site: String?
    /// The odometer.
    package var odometer: OdometerReading
    /// How the car travelled (delivery only).
    package var transport: Transport?
    /// Structural and body findings, in file order.
    package var defects: [Defect]
    /// Answered checks, in file order.
    package var checks: [CheckEntry]
    /// Walkaround photos, in file order.
    package var photos: [AnglePhoto]
    /// Free text for the whole inspection.
    package var notes: String?
    /// Delivery only: defect codes of the condition report the buyer disputes (nil when none were given).
    package var disputes: [String]?
    /// Service stages only (reception, health check): the work order and the reception's extras.
    package var service: ServiceVisit?
    /// Delivery only: what the buyer acknowledged at the handover, by id: the report's flags (`flood`, `accident`) and
    /// a vehicle use the template marks for disclosure (`ride_hailing`). Nil when nothing was recorded.
    package var acknowledged: [String]?

    /// Creates a submission.
    package init(
        templateID: String, stage: Stage, vehicle: VehicleIdentity, inspector: Inspector, inspectedAt: Timestamp, site: String?,
        odometer: OdometerReading, transport: Transport?, defects: [Defect], checks: [CheckEntry], photos: [AnglePhoto], notes: String?,
        disputes: [String]? = nil, service: ServiceVisit? = nil
    ) {
        self.service = service
        self.templateID = templateID
        self.stage = stage
        self.vehicle = vehicle
        self.inspector = inspector
        self.inspectedAt = inspectedAt
        self.site = site
        self.odometer = odometer
        self.transport = transport
        self.defects = defects
        self.checks = checks
        self.photos = photos
        self.notes = notes
        self.disputes = disputes
    }

    /// Every referenced photo path (odometer, walkaround, defects), each once, in file order.
    package var allPhotoPaths: [String] {
        var seen = Set<String>()
        var result: [String] = []
        for path in [odometer.photo].compactMap({ $0 }) + photos.map(\.path) + defects.flatMap(\.photos) where seen.insert(path).inserted {
            result.append(path)
        }
        return result
    }
}
