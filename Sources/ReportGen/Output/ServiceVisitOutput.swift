import Common
import Inspection

/// `inspect service report --format json`: `format: service-visit/1` (schema `schemas/service-visit-1.schema.json`):
/// the reception (photos, existing damage, fuel, valuables, acknowledgement), the health chart by system, and the
/// quote lines with their status. The customer audience carries no staff ids, names or notes.
package struct ServiceVisitOutput: Sendable, Hashable, Codable {
    /// The contract's name and version.
    package static let formatName = "service-visit/1"

    package struct Reception: Sendable, Hashable, Codable {
        package var inspectedAt: String
        package var inspector: String?
        package var odometerKm: Int
        package var fuelLevel: Int?
        package var valuables: [String]
        package var acknowledgedBy: String?
        package var acknowledgedAt: String?
        /// Existing damage: code, part and degree.
        package var damage: [Damage]
        package var photos: [Photo]
    }

    package struct Damage: Sendable, Hashable, Codable {
        package var code: String
        package var part: LocalizedText
        package var degree: LocalizedText?
    }

    package struct Photo: Sendable, Hashable, Codable {
        package var angle: String
        package var name: LocalizedText
        package var image: String
        package var thumbnail: String?
    }

    package struct Health: Sendable, Hashable, Codable {
        package var inspectedAt: String
        package var inspector: String?
        package var systems: [System]
    }

    package struct System: Sendable, Hashable, Codable {
        package var id: String
        package var name: LocalizedText
        package var items: [Item]
    }

    package struct Item: Sendable, Hashable, Codable {
        package var check: String
        package var name: LocalizedText
        package var level: String
        package var levelLabel: LocalizedText
        package var value: Double?
        package var unit: String?
        package var note: String?
    }

    package struct Line: Sendable, Hashable, Codable {
        package var number: Int
        package var check: String
        package var name: LocalizedText
        package var level: String
        package var levelLabel: LocalizedText
        package var operation: LocalizedText?
        package var cost: Quote.Amount?
        /// `open`, `approved` (released for work) or `declined` (advised and declined).
        package var status: String
        package var statusLabel: LocalizedText
        package var decidedAt: String?
        package var decidedBy: String?
        /// An approved line's one price, chosen from ``cost`` by the cost table's agreed-price rule: what the customer
        /// approved and is charged.
        package var price: Int?
    }

    package var format = Self.formatName
    package var vin: String
    package var workOrder: String
    package var audience: String
    package var reception: Reception?
    package var health: Health?
    package var lines: [Line]
    package var currency: String?
    /// Sum of the priced lines, and of the approved ones.
    package var offered: Quote.Amount
    package var approved: Quote.Amount
    /// The one amount the customer approved (the approved lines' prices), when any approved line is priced.
    package var approvedPrice: Int?

    /// The page model of `visit` for `audience` (`internal` or `customer`); photos are the reception's stored rows.
    package init(
        visit: Visit, record: CarRecord, catalog: TemplateCatalog, currency: String?, customer: Bool, agreedPrice: CostTable.AgreedPrice = .upperBound
    ) throws(TemplateError) {
        vin = visit.vin
        workOrder = visit.workOrder
        audience = customer ? "customer" : "internal"
        func inspector(_ s: Submission) -> String? { customer ? nil : [s.inspector.id, s.inspector.name].compactMap { $0 }.joined(separator: " ") }
        if let r = visit.reception {
            let template = try catalog.template(id: r.submission.templateID)
            let s = r.submission
            reception = Reception(
                inspectedAt: s.inspectedAt.text, inspector: inspector(s), odometerKm: s.odometer.kilometres, fuelLevel: s.service?.fuelLevel,
                valuables: s.service?.valuables ?? [], acknowledgedBy: s.service?.acknowledgement?.name,
                acknowledgedAt: s.service?.acknowledgement?.at.text,
                damage: s.defects.map { d in
                    let located = template.part(d.part)
                    return Damage(
                        code: d.code, part: located?.part.label ?? LocalizedText(zh: d.part, en: d.part),
                        degree: d.degree.flatMap { degree in located?.group.degrees.first { $0.value == degree }?.label })
                },
                photos: template.angles.compactMap { angle in
                    record.photos(of: r).first { $0.role == .angle && $0.angle == angle.id }.map {
                        Photo(angle: angle.id, name: angle.label, image: $0.storedPath, thumbnail: $0.thumbnailPath)
                    }
                })
        }
        if let h = visit.healthCheck {
            let template = try catalog.template(id: h.submission.templateID)
            let answers = Dictionary(h.submission.checks.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            health = Health(
                inspectedAt: h.submission.inspectedAt.text, inspector: inspector(h.submission),
                systems: template.checkSections.map { section in
                    System(
                        id: section.id, name: section.label,
                        items: section.checks.compactMap { check in
                            answers[check.id].map {
                                Item(
                                    check: check.id, name: check.label, level: $0.result.rawValue, levelLabel: template.label(for: $0.result),
                                    value: $0.value,
                                    unit: check.measure?.unit, note: customer ? nil : $0.note)
                            }
                        })
                })
        }
        lines = visit.lines.map { line in
            let status = line.decision?.decision.rawValue ?? "open"
            return Line(
                number: line.number, check: line.check, name: line.name, level: line.level.rawValue, levelLabel: line.levelLabel,
                operation: line.operation?.label, cost: line.cost, status: status, statusLabel: Self.statusLabel(status),
                decidedAt: line.decision?.at.text, decidedBy: line.decision?.by.rawValue,
                price: status == "approved" ? line.cost.map(agreedPrice.amount(of:)) : nil)
        }
        self.currency = lines.contains { $0.cost != nil } ? currency : nil
        offered = lines.compactMap(\.cost).reduce(.zero, +)
        approved = lines.filter { $0.status == "approved" }.compactMap(\.cost).reduce(.zero, +)
        approvedPrice = lines.contains { $0.price != nil } ? lines.compactMap(\.price).reduce(0, +) : nil
    }

    /// A line's status in both languages.
    package static func statusLabel(_ status: String) -> LocalizedText {
        switch status {
        case "approved": LocalizedText(zh: "已确认，开始施工", en: "approved: released for work")
        case "declined": LocalizedText(zh: "客户暂不施工（下次提醒）", en: "advised and declined (reminder next visit)")
        default: LocalizedText(zh: "待客户确认", en: "awaiting the customer's decision")
        }
    }
}
