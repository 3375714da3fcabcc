import Common

/// A delivery-stage submission held against the car's condition report: odometer with the transport allowance,
/// new damage, disputed report defects and the handover photos, with a verdict a delivery specialist can act on.
package struct DeliveryCheck: Sendable, Hashable, Codable {
    /// What to do with the handover.
    package enum Verdict: String, Sendable, Hashable, Codable, Comparable {
        /// Hand the car over.
        case ok
        /// Look first (over the allowance, a photo to retake, a dispute about something not in the report).
        case attention
        /// Do not hand over: escalate (new damage, odometer rollback).
        case stop

        private var rank: Int {
            switch self {
            case .ok: 0
            case .attention: 1
            case .stop: 2
            }
        }

        package static func < (lhs: Verdict, rhs: Verdict) -> Bool { lhs.rank < rhs.rank }
    }

    /// One reason behind the verdict.
    package struct Reason: Sendable, Hashable, Codable {
        /// The verdict this reason calls for.
        package var verdict: Verdict
        /// `odometer`, `new-damage`, `dispute` or `photo`.
        package var topic: String
        /// What to tell people.
        package var message: String

        /// The tag a reason is shown with: its verdict, except a dispute, which calls for no verdict of its own and
        /// is shown as what it is (`[dispute]`, never `[ok]`).
        package var tag: String { topic == "dispute" ? "dispute" : verdict.rawValue }
    }

    /// The worst verdict of the reasons (ok without reasons).
    package var verdict: Verdict
    /// Everything found, stop first.
    package var reasons: [Reason]
    /// The odometer in one sentence: "report 48,210 km, now 48,236 km, +26 km, driven 24 km route, within allowance".
    package var odometer: String
    /// Report odometer and delivery odometer in km.
    package var reportKm: Int
    /// See ``reportKm``.
    package var deliveryKm: Int
    /// Defect codes found at delivery that the report does not have (or has with a lower degree).
    package var newDamage: [String]
    /// Report defects the buyer disputes.
    package var disputed: [String]

    /// Adds the ledger's flags on the delivery reading (a rollback against any earlier reading stops the handover;
    /// anything else needs attention), keeping the reasons ordered and the verdict the worst of them.
    package mutating func add(ledgerFlags: [MileageFlag]) {
        for flag in ledgerFlags {
            reasons.append(Reason(verdict: flag.kind == .rollback ? .stop : .attention, topic: "ledger", message: flag.message))
        }
        reasons = reasons.enumerated().sorted { ($1.element.verdict, $0.offset) < ($0.element.verdict, $1.offset) }.map(\.element)
        verdict = reasons.map(\.verdict).max() ?? .ok
    }

    /// Checks `delivery` against `report` (the inspection the condition report stands on: the latest audit, else the
    /// appraisal). `photoProblems` are the delivery photos' gate results (a failing gate on a required angle is a
    /// reason for attention: a night photo too dark to show the paint must be retaken).
    package static func evaluate(
        report: Submission, delivery: Submission, reportTemplate: ChecklistTemplate, photoProblems: [Diagnostic], policy: MileagePolicy
    ) -> DeliveryCheck {
        var reasons: [Reason] = []
        let reportKm = report.odometer.kilometres, deliveryKm = delivery.odometer.kilometres
        let delta = DistanceUnit.kilometresBetween(
            (report.odometer.reading, report.odometer.unit), (delivery.odometer.reading, delivery.odometer.unit))
        let leg: LegKind
        var route = ""
        switch delivery.transport?.mode {
        case .flatbed?:
            leg = .flatbed
            route = "flatbed"
        case .driven?:
            leg = .driven(routeKm: delivery.transport?.routeKm)
            route = delivery.transport?.routeKm.map { "driven \($0) km route" } ?? "driven, route unknown"
        case nil:
            leg = .other
            route = "transport not recorded"
        }
        let (allowance, rule) = policy.allowance(for: leg)
        let deltaText = delta >= 0 ? "+\(OdometerRecord.grouped(delta)) km" : "\(OdometerRecord.grouped(delta)) km"
        let reportRecord = OdometerRecord(
            id: 0, vin: "", stage: .report, reading: report.odometer.reading, unit: report.odometer.unit, at: report.inspectedAt, source: .submission)
        let deliveryRecord = OdometerRecord(
            id: 1, vin: "", stage: .delivery, reading: delivery.odometer.reading, unit: delivery.odometer.unit, at: delivery.inspectedAt,
            source: .submission)
        var odometer = "report \(reportRecord.display), now \(deliveryRecord.display), \(deltaText), \(route)"
        let mismatch = MileageLedger.unitMismatch(reportRecord, deliveryRecord, policy: policy)
        if deliveryRecord.exactKilometres + deliveryRecord.resolutionKilometres <= reportRecord.exactKilometres {
            // Below the report is always a stop, even when a unit mix-up would explain it (that is a hint).
            odometer += ", below the report" + (mismatch == nil ? "" : " (km and miles mixed up?)")
            let below = Int((reportRecord.exactKilometres - deliveryRecord.exactKilometres).rounded())
            reasons.append(
                Reason(
                    verdict: .stop, topic: "odometer",
                    message:
                        "the odometer reads \(OdometerRecord.grouped(below)) km less than the condition report (rule: an odometer never goes back; 调表 suspicion): stop and escalate"
                        + (mismatch.map { "; possibly recorded in the wrong unit: \($0)" } ?? "")))
        } else if let mismatch {
            odometer += ", km and miles mixed up?"
            reasons.append(Reason(verdict: .attention, topic: "odometer", message: "unit mismatch suspicion: \(mismatch)"))
        } else if delta > allowance {
            odometer += ", over the allowance of \(allowance) km"
            reasons.append(
                Reason(
                    verdict: .attention, topic: "odometer",
                    message: "\(deltaText) since the report is more than the allowance of \(allowance) km (\(rule))"))
        } else {
            odometer += ", within allowance"
        }

        var newDamage: [String] = []
        for defect in delivery.defects {
            let before = report.defects.first { $0.part == defect.part && $0.type == defect.type }
            let label = reportTemplate.part(defect.part).map { "\($0.part.label.zh) (\($0.part.label.en))" } ?? "part \(defect.part)"
            if let before {
                guard (defect.degree ?? 0) > (before.degree ?? 0) else { continue }
                newDamage.append(defect.code)
                reasons.append(
                    Reason(
                        verdict: .stop, topic: "new-damage",
                        message: "\(defect.code) \(label): worse than the report's \(before.code): stop and escalate"))
            } else {
                newDamage.append(defect.code)
                reasons.append(
                    Reason(
                        verdict: .stop, topic: "new-damage",
                        message: "\(defect.code) \(label): not in the condition report: new damage, stop and escalate"))
            }
        }
        var disputed: [String] = []
        for code in delivery.disputes ?? [] {
            if report.defects.contains(where: { $0.code == code }) {
                disputed.append(code)
                reasons.append(Reason(verdict: .ok, topic: "dispute", message: "the buyer disputes report defect \(code) (recorded)"))
            } else {
                reasons.append(
                    Reason(verdict: .attention, topic: "dispute", message: "the buyer disputes \(code), which the condition report does not list"))
            }
        }
        for problem in photoProblems {
            let failing =
                problem.message.contains(": blur fail") || problem.message.contains(": exposure fail")
                || problem.message.contains(": resolution fail")
            guard failing else { continue }
            reasons.append(
                Reason(verdict: .attention, topic: "photo", message: "\(problem.item.map { "\($0): " } ?? "")\(problem.message); retake it"))
        }
        let ordered = reasons.enumerated().sorted { ($1.element.verdict, $0.offset) < ($0.element.verdict, $1.offset) }.map(\.element)
        return DeliveryCheck(
            verdict: reasons.map(\.verdict).max() ?? .ok, reasons: ordered, odometer: odometer, reportKm: reportKm, deliveryKm: deliveryKm,
            newDamage: newDamage, disputed: disputed)
    }
}
