import Common
import Inspection

/// `inspect deliver --format json`: `format: delivery-check/2` (schema `schemas/delivery-check-2.schema.json`).
package struct DeliveryCheckOutput: Sendable, Encodable {
    /// The contract's name and version.
    package static let formatName = "delivery-check/2"

    /// One reason behind the verdict.
    package struct Reason: Sendable, Encodable {
        package var verdict: String
        package var topic: String
        package var tag: String
        package var notice: Notice
    }

    package var format = Self.formatName
    package var vin: String
    /// The inspection the report stands on, e.g. `audit r1`.
    package var report: String
    /// `ok`, `attention` or `stop`.
    package var verdict: String
    package var odometer: Notice
    package var reportKm: Int
    package var deliveryKm: Int
    package var newDamage: [String]
    package var disputed: [String]
    /// Ids of the car's disputes still open.
    package var openDisputes: [Int64]
    package var reasons: [Reason]

    /// The output for one delivery check.
    package init(vin: String, report: String, check: DeliveryCheck) {
        self.vin = vin
        self.report = report
        verdict = check.verdict.rawValue
        odometer = check.odometer
        reportKm = check.reportKm
        deliveryKm = check.deliveryKm
        newDamage = check.newDamage
        disputed = check.disputed
        openDisputes = check.openDisputes
        reasons = check.reasons.map { Reason(verdict: $0.verdict.rawValue, topic: $0.topic, tag: $0.tag, notice: $0.notice) }
    }
}
