/// What the batch did with one car (stored with its progress, so a later run can summarise it without redoing it).
package struct CarOutcome: Sendable, Hashable, Codable {
    /// How a car went.
    package enum Status: String, Sendable, Hashable, Codable {
        /// Every step went through.
        case ok
        /// At least one step failed (see the reasons).
        case failed
    }

    /// How it went.
    package var status: Status
    /// The car folder's name.
    package var car: String
    /// The VIN, when a submission could be read.
    package var vin: String?
    /// Why it failed (every problem).
    package var reasons: [String]
    /// Photos normalised in this run.
    package var photos: Int
    /// The final grade (zh and en), when graded.
    package var grade: String?
    /// Appraiser vs auditor discrepancies.
    package var discrepancies: Int
    /// Critical discrepancies.
    package var critical: Int
    /// Mileage flags.
    package var mileageFlags: Int
    /// The appraiser's id.
    package var appraiser: String?
    /// The delivery verdict, when there is a delivery.
    package var delivery: String?
    /// Photos matching other cars.
    package var reuse: Int
    /// Step durations in milliseconds, in order.
    package var steps: [Step]
    /// True when this run found the car unchanged and reused the recorded outcome.
    package var unchanged: Bool

    /// A step and its duration.
    package struct Step: Sendable, Hashable, Codable {
        package var name: String
        package var ms: Int
    }

    /// A fresh outcome for `car`.
    package init(car: String) {
        status = .ok
        self.car = car
        reasons = []
        photos = 0
        discrepancies = 0
        critical = 0
        mileageFlags = 0
        reuse = 0
        steps = []
        unchanged = false
    }
}
