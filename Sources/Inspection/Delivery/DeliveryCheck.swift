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
        /// `odometer`, `new-damage`, `dispute`, `photo` or `ledger`.
        package var topic: String
        /// What to tell people, coded (`delivery.new_damage`, `mileage.rollback`, ...).
        package var notice: Notice
        /// What to tell the buyer: what was found, with no staff instruction, measurement or suspicion before a person
        /// has confirmed it (`delivery.customer.new_damage`, `delivery.customer.odometer_verifying`, ...).
        package var customer: Notice

        /// A reason with its staff and buyer wordings.
        package init(verdict: Verdict, topic: String, notice: Notice, customer: Notice) {
            self.verdict = verdict
            self.topic = topic
            self.notice = notice
            self.customer = customer
        }

        /// The English wording (terminal output).
        package var message: String { notice.message.en }

        /// The tag a reason is shown with: its verdict, except a dispute, which calls for no verdict of its own and
        /// is shown as what it is (`[dispute]`, never `[ok]`).
        package var tag: String { topic == "dispute" ? "dispute" : verdict.rawValue }
    }

    /// The worst verdict of the reasons (ok without reasons).
    package var verdict: Verdict
    /// Everything found, stop first.
    package var reasons: [Reason]
    /// The odometer in one sentence: "report 48,210 km, now 48,236 km, +26 km, driven 24 km route, within allowance".
    package var odometer: Notice
    /// Report odometer and delivery odometer in km.
    package var reportKm: Int
    /// See ``reportKm``.
    package var deliveryKm: Int
    /// Defect codes found at delivery that the report does not have (or has with a lower degree).
    package var newDamage: [String]
    /// Report defects the buyer disputes.
    package var disputed: [String]
    /// Ids of the car's disputes still open (see ``name(disputes:)``).
    package var openDisputes: [Int64] = []

    /// Names the stored disputes: a report defect the buyer disputes reads as its dispute (`#3 on 27HH1 is open`, or how
    /// it was settled) instead of "recorded", and every open dispute is listed in ``openDisputes`` and needs attention
    /// (call ``add(_:)`` after it to order the reasons and take the verdict).
    package mutating func name(disputes: [Dispute]) {
        let table = InspectionMessages.table
        openDisputes = disputes.filter(\.isOpen).map(\.id)
        for dispute in disputes {
            let code: String
            var params: [String: NoticeValue] = ["id": .int(Int(dispute.id)), "code": .text(dispute.finding)]
            var labels: [String: LocalizedText] = [:]
            if let resolution = dispute.resolution {
                code = "dispute_settled"
                params["decision"] = .text(resolution.decision.rawValue)
                labels["decision_name"] = InspectionMessages.decision(resolution.decision)
            } else {
                code = "dispute_open"
            }
            // A finding the buyer still disputes is not settled at the handover: someone must look.
            let reason = Reason(
                verdict: dispute.isOpen ? .attention : .ok, topic: "dispute",
                notice: Notice("delivery.\(code)", params, labels: labels, table: table),
                customer: Notice("delivery.customer.\(code)", params, labels: labels, table: table))
            if let index = reasons.firstIndex(where: {
                $0.notice.code == "delivery.dispute_recorded" && $0.notice.params["code"] == .text(dispute.finding)
            }) {
                reasons[index] = reason
            } else {
                reasons.append(reason)
            }
        }
    }

    /// Adds reasons found beside the handover itself (ledger flags, disclosures, papers), keeping the reasons ordered
    /// (stop first) and the verdict the worst of them.
    package mutating func add(_ more: [Reason]) {
        reasons = (reasons + more).enumerated().sorted { ($1.element.verdict, $0.offset) < ($0.element.verdict, $1.offset) }.map(\.element)
        verdict = reasons.map(\.verdict).max() ?? .ok
    }

    /// Checks `delivery` against `report` (the inspection the condition report stands on: the latest audit, else the
    /// appraisal). `photoProblems` are the delivery photos' gate results (a failing gate on a required angle is a
    /// reason for attention: a night photo too dark to show the paint must be retaken).
    package static func evaluate(
        report: Submission, delivery: Submission, reportTemplate: ChecklistTemplate, photoProblems: [PhotoGateProblem], policy: MileagePolicy
    ) -> DeliveryCheck {
        var reasons: [Reason] = []
        let table = InspectionMessages.table
        let reportKm = report.odometer.kilometres, deliveryKm = delivery.odometer.kilometres
        let delta = DistanceUnit.kilometresBetween(
            (report.odometer.reading, report.odometer.unit), (delivery.odometer.reading, delivery.odometer.unit))
        let leg: LegKind
        let route: Notice
        switch delivery.transport?.mode {
        case .flatbed?:
            leg = .flatbed
            route = Notice("route.flatbed", table: table)
        case .driven?:
            leg = .driven(routeKm: delivery.transport?.routeKm)
            route =
                delivery.transport?.routeKm.map { Notice("route.driven", ["route_km": .int($0)], table: table) }
                ?? Notice("route.driven_no_route", table: table)
        case nil:
            leg = .other
            route = Notice("route.not_recorded", table: table)
        }
        let (allowance, rule) = policy.allowance(for: leg)
        let reportRecord = OdometerRecord(
            id: 0, vin: "", stage: .report, reading: report.odometer.reading, unit: report.odometer.unit, at: report.inspectedAt, source: .submission)
        let deliveryRecord = OdometerRecord(
            id: 1, vin: "", stage: .delivery, reading: delivery.odometer.reading, unit: delivery.odometer.unit, at: delivery.inspectedAt,
            source: .submission)
        var odometer: [String: NoticeValue] = [
            "report_reading": .text(reportRecord.display), "delivery_reading": .text(deliveryRecord.display), "delta_km": .int(delta),
            "delta": .text(delta >= 0 ? "+" + NoticeValue.grouped(delta) : NoticeValue.grouped(delta)),
            "allowance_km": .int(allowance), "route": .text(route.code),
        ]
        let status: String
        let mismatch = UnitMismatch(reportRecord, deliveryRecord, policy: policy)
        if deliveryRecord.exactKilometres + deliveryRecord.resolutionKilometres <= reportRecord.exactKilometres {
            // Below the report is always a stop, even when a unit mix-up would explain it (that is a hint).
            status = mismatch == nil ? "odometer_status.below" : "odometer_status.below_unit"
            let below = Int((reportRecord.exactKilometres - deliveryRecord.exactKilometres).rounded())
            var params: [String: NoticeValue] = ["below_km": .int(below)]
            if let mismatch { params["ratio"] = .text(mismatch.ratio) }
            let notice = Notice(
                "delivery.odometer_below", variant: mismatch == nil ? nil : "delivery.odometer_below+unit_hint", params, table: table)
            reasons.append(
                Reason(
                    verdict: .stop, topic: "odometer", notice: notice, customer: Notice("delivery.customer.odometer_verifying", table: table)))
        } else if let mismatch {
            status = "odometer_status.unit"
            var params = odometer
            params["ratio"] = .text(mismatch.ratio)
            params["direction"] = .text(mismatch.direction)
            reasons.append(
                Reason(
                    verdict: .attention, topic: "odometer", notice: Notice("delivery.unit_mismatch", params, table: table),
                    customer: Notice("delivery.customer.odometer_verifying", table: table)))
        } else if delta > allowance {
            status = "odometer_status.over"
            let notice = Notice(
                "delivery.over_allowance", ["delta_km": .int(delta), "allowance_km": .int(allowance), "rule": .text(rule.code)],
                labels: ["rule": rule.message], table: table)
            let customer = Notice(
                "delivery.customer.over_allowance", ["delta_km": .int(delta), "allowance_km": .int(allowance)], table: table)
            reasons.append(Reason(verdict: .attention, topic: "odometer", notice: notice, customer: customer))
        } else {
            status = "odometer_status.within"
        }
        odometer["status"] = .text(String(status.dropFirst("odometer_status.".count)))
        let statusText = Notice(status, ["allowance_km": .int(allowance)], table: table).message
        let odometerNotice = Notice("delivery.odometer", odometer, labels: ["route": route.message, "status": statusText], table: table)

        var newDamage: [String] = []
        for defect in delivery.defects {
            let before = report.defects.first { $0.part == defect.part && $0.type == defect.type }
            let part = reportTemplate.part(defect.part)?.part.label ?? LocalizedText(zh: "部位 \(defect.part)", en: "part \(defect.part)")
            if let before {
                guard (defect.degree ?? 0) > (before.degree ?? 0) else { continue }
                newDamage.append(defect.code)
                let params: [String: NoticeValue] = [
                    "code": .text(defect.code), "part_code": .text(defect.part), "report_code": .text(before.code),
                ]
                reasons.append(
                    Reason(
                        verdict: .stop, topic: "new-damage", notice: Notice("delivery.worse_damage", params, labels: ["part": part], table: table),
                        customer: Notice("delivery.customer.worse_damage", params, labels: ["part": part], table: table)))
            } else {
                newDamage.append(defect.code)
                let params: [String: NoticeValue] = ["code": .text(defect.code), "part_code": .text(defect.part)]
                reasons.append(
                    Reason(
                        verdict: .stop, topic: "new-damage", notice: Notice("delivery.new_damage", params, labels: ["part": part], table: table),
                        customer: Notice("delivery.customer.new_damage", params, labels: ["part": part], table: table)))
            }
        }
        var disputed: [String] = []
        for code in delivery.disputes ?? [] {
            if report.defects.contains(where: { $0.code == code }) {
                disputed.append(code)
                reasons.append(
                    Reason(
                        verdict: .ok, topic: "dispute", notice: Notice("delivery.dispute_recorded", ["code": .text(code)], table: table),
                        customer: Notice("delivery.customer.dispute_recorded", ["code": .text(code)], table: table)))
            } else {
                reasons.append(
                    Reason(
                        verdict: .attention, topic: "dispute", notice: Notice("delivery.dispute_unlisted", ["code": .text(code)], table: table),
                        customer: Notice("delivery.customer.dispute_recorded", ["code": .text(code)], table: table)))
            }
        }
        for problem in photoProblems where problem.gate.fails {
            let notice = Notice(
                "delivery.photo_retake",
                ["angle": .text(problem.angle), "gate": .text(problem.gate.gate), "problem": .text(problem.gate.notice.code)],
                labels: ["angle": problem.angleLabel, "problem": problem.gate.notice.message], table: table)
            let customer = Notice(
                "delivery.customer.photo_retake", ["angle": .text(problem.angle)], labels: ["angle": problem.angleLabel], table: table)
            reasons.append(Reason(verdict: .attention, topic: "photo", notice: notice, customer: customer))
        }
        let ordered = reasons.enumerated().sorted { ($1.element.verdict, $0.offset) < ($0.element.verdict, $1.offset) }.map(\.element)
        return DeliveryCheck(
            verdict: reasons.map(\.verdict).max() ?? .ok, reasons: ordered, odometer: odometerNotice, reportKm: reportKm, deliveryKm: deliveryKm,
            newDamage: newDamage, disputed: disputed)
    }
}
