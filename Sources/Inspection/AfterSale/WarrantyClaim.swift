import Common

/// A warranty claim against a delivered car: a check item or a body part, the symptom and what the repair cost.
/// Stored append-only; held against the inspections to see whether the item was disclosed or missed.
package struct WarrantyClaim: Sendable, Hashable {
    /// What the claim is about.
    package enum Item: Sendable, Hashable {
        /// A check of the template, e.g. `chassis.7` (springs).
        case check(String)
        /// A body part code, e.g. `28` (left front wheel).
        case part(String)

        /// The id or code.
        package var code: String {
            switch self {
            case let .check(id), let .part(id): id
            }
        }
    }

    /// How the claimed item stood in the inspections.
    package enum Attribution: String, Sendable, Hashable {
        /// Recorded as a finding by the appraisal or the audit: found and disclosed.
        case disclosed
        /// Marked ok (or not recorded) by the appraiser and the auditor: missed.
        case missed
    }

    /// Store id (0 before it is stored).
    package var id: Int64
    package var vin: String
    package var item: Item
    package var symptom: String
    /// What the repair cost, whole currency units.
    package var cost: Int
    package var claimedAt: Timestamp
    package var note: String?
    package var photoPath: String?

    /// Creates a claim.
    package init(
        id: Int64 = 0, vin: String, item: Item, symptom: String, cost: Int, claimedAt: Timestamp, note: String? = nil, photoPath: String? = nil
    ) {
        self.id = id
        self.vin = vin
        self.item = item
        self.symptom = symptom
        self.cost = cost
        self.claimedAt = claimedAt
        self.note = note
        self.photoPath = photoPath
    }

    /// Disclosed when the appraisal or the audit recorded the item (a check answered minor or major, a defect on the
    /// part); missed when both passed it.
    package func attribution(appraisal: Submission?, audit: Submission?) -> Attribution {
        let inspections = [appraisal, audit].compactMap { $0 }
        switch item {
        case let .check(id):
            let flagged = inspections.contains { $0.checks.contains { $0.id == id && $0.result.isFinding } }
            return flagged ? .disclosed : .missed
        case let .part(code):
            return inspections.contains { $0.defects.contains { $0.part == code } } ? .disclosed : .missed
        }
    }

    /// Why a claim cannot be accepted for a car handed over at `delivered` (nil: accepted), under `policy`;
    /// `stoppedAttempts` counts handover attempts that were stopped (the car never changed hands at those).
    package static func refusal(at claimedAt: Timestamp, delivered: Timestamp?, stoppedAttempts: Int = 0, policy: AfterSalePolicy) -> Notice? {
        let table = InspectionMessages.table
        guard let delivered else {
            return stoppedAttempts > 0
                ? Notice("warranty.handover_stopped", ["attempts": .int(stoppedAttempts)], table: table)
                : Notice("warranty.no_delivery", table: table)
        }
        if claimedAt.epochSeconds < delivered.epochSeconds {
            return Notice("warranty.before_delivery", ["claimed_at": .text(claimedAt.text), "delivered_at": .text(delivered.text)], table: table)
        }
        let end = delivered.adding(seconds: Int64(policy.warrantyDays) * 86_400)
        if claimedAt.epochSeconds > end.epochSeconds {
            return Notice(
                "warranty.expired", ["claimed_at": .text(claimedAt.text), "period_days": .int(policy.warrantyDays), "ended_at": .text(end.text)],
                table: table)
        }
        return nil
    }
}
