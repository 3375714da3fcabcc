import Common
import Inspection

/// `inspect service summary --format json`: `format: service-summary/1` (schema `schemas/service-summary-1.schema.json`).
package struct ServiceSummaryOutput: Sendable, Hashable, Codable {
    /// The contract's name and version.
    package static let formatName = "service-summary/1"

    package struct System: Sendable, Hashable, Codable {
        package var id: String
        package var name: LocalizedText
        package var advise: Int
        package var urgent: Int
    }

    package var format = Self.formatName
    package var from: String
    package var to: String
    package var site: String?
    package var visits: Int
    /// Health-check items by level.
    package var levels: [String: Int]
    package var systems: [System]
    package var linesOffered: Int
    package var linesApproved: Int
    package var linesDeclined: Int
    package var offeredAmount: Quote.Amount
    package var approvedAmount: Quote.Amount
    package var approvalRate: Double?
    package var averageMinutesToDecision: Double?

    /// The output for `summary` over `from`...`to`.
    package init(_ summary: ServiceSummary, from: String, to: String, site: String?) {
        self.from = from
        self.to = to
        self.site = site
        visits = summary.visits
        levels = summary.levels
        systems = summary.systems.map { System(id: $0.id, name: $0.name, advise: $0.advise, urgent: $0.urgent) }
        linesOffered = summary.linesOffered
        linesApproved = summary.linesApproved
        linesDeclined = summary.linesDeclined
        offeredAmount = summary.offeredAmount
        approvedAmount = summary.approvedAmount
        approvalRate = summary.approvalRate
        averageMinutesToDecision = summary.averageMinutesToDecision
    }

    /// The summary as text.
    package var text: String {
        var lines = ["service summary \(from) .. \(to)\(site.map { " at \($0)" } ?? ""): \(visits) visits"]
        lines.append("  items: " + ["ok", "advise", "urgent"].map { "\($0) \(levels[$0] ?? 0)" }.joined(separator: " · "))
        for system in systems where system.advise + system.urgent > 0 {
            lines.append("  \(system.id) \(system.name.en): advise \(system.advise), urgent \(system.urgent)")
        }
        lines.append("  quote lines: offered \(linesOffered) · approved \(linesApproved) · declined \(linesDeclined)")
        lines.append("  amounts: offered \(offeredAmount.min)-\(offeredAmount.max) · approved \(approvedAmount.min)-\(approvedAmount.max)")
        lines.append(
            "  approval rate \(approvalRate.map { "\(Int(($0 * 100).rounded()))%" } ?? "—") · average time to decision \(averageMinutesToDecision.map { "\($0) min" } ?? "—")"
        )
        return lines.joined(separator: "\n") + "\n"
    }
}
