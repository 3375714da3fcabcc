import Common

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
    /// Why it failed (every problem), coded.
    package var reasons: [Notice]
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
    /// The return verdict (accept, deduct, refuse), when the car was brought back.
    package var returned: String?
    /// Photos matching another car's earlier inspection: the reuse this car is the suspect of.
    package var reuse: Int
    /// Other cars whose stored photos this car's photos matched in this run: each learns of the match only now (as the
    /// suspect, or as the original with a note), so their outcomes and reports are made again at the end of the run.
    /// Not recorded.
    package var matchedCars: Set<String> = []
    /// Step durations in milliseconds, in order.
    package var steps: [Step]
    /// True when this run found the car unchanged and reused the recorded outcome.
    package var unchanged: Bool

    /// A step and its duration.
    package struct Step: Sendable, Hashable, Codable {
        package var name: String
        package var ms: Int
    }

    private enum CodingKeys: String, CodingKey {
        case status, car, vin, reasons, photos, grade, discrepancies, critical, mileageFlags, appraiser, delivery, returned, reuse, steps, unchanged
    }

    /// Reads a recorded outcome; outcomes recorded before reasons were coded carry them as plain text.
    package init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        status = try c.decode(Status.self, forKey: .status)
        car = try c.decode(String.self, forKey: .car)
        vin = try c.decodeIfPresent(String.self, forKey: .vin)
        if let coded = try? c.decode([Notice].self, forKey: .reasons) {
            reasons = coded
        } else {
            reasons = try c.decode([String].self, forKey: .reasons).map {
                Notice("batch.recorded", ["detail": .text($0)], table: BatchMessages.table)
            }
        }
        photos = try c.decode(Int.self, forKey: .photos)
        grade = try c.decodeIfPresent(String.self, forKey: .grade)
        discrepancies = try c.decode(Int.self, forKey: .discrepancies)
        critical = try c.decode(Int.self, forKey: .critical)
        mileageFlags = try c.decode(Int.self, forKey: .mileageFlags)
        appraiser = try c.decodeIfPresent(String.self, forKey: .appraiser)
        delivery = try c.decodeIfPresent(String.self, forKey: .delivery)
        returned = try c.decodeIfPresent(String.self, forKey: .returned)
        reuse = try c.decode(Int.self, forKey: .reuse)
        steps = try c.decode([Step].self, forKey: .steps)
        unchanged = try c.decode(Bool.self, forKey: .unchanged)
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
