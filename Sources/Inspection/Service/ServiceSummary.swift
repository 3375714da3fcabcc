import Common

/// The workshop's BI view over visits: items found per level and system, quote lines offered / approved / declined,
/// the approved amount, the approval rate and the time from reception to the customer's decision.
package struct ServiceSummary: Sendable, Hashable {
    /// Items of one system found at advise and urgent.
    package struct System: Sendable, Hashable {
        package var id: String
        package var name: LocalizedText
        package var advise: Int
        package var urgent: Int
    }

    package var visits: Int
    /// Health-check items by level (`ok`, `advise`, `urgent`).
    package var levels: [String: Int]
    package var systems: [System]
    package var linesOffered: Int
    package var linesApproved: Int
    package var linesDeclined: Int
    package var offeredAmount: Quote.Amount
    package var approvedAmount: Quote.Amount
    /// Approved over decided lines, two decimals (nil before any decision).
    package var approvalRate: Double?
    /// Mean minutes from the reception to the last decision of the visit, over visits with a decision.
    package var averageMinutesToDecision: Double?

    /// Aggregates `visits` (their templates from `catalog`, for the systems' names and order).
    package init(visits: [Visit], catalog: TemplateCatalog) {
        self.visits = visits.count
        var levels: [String: Int] = [:]
        var systems: [String: System] = [:]
        var order: [String] = []
        var minutes: [Double] = []
        for visit in visits {
            if let health = visit.healthCheck, let template = try? catalog.template(id: health.submission.templateID) {
                for section in template.checkSections {
                    if systems[section.id] == nil {
                        systems[section.id] = System(id: section.id, name: section.label, advise: 0, urgent: 0)
                        order.append(section.id)
                    }
                    for check in section.checks {
                        guard let answer = health.submission.checks.first(where: { $0.id == check.id }) else { continue }
                        levels[answer.result.rawValue, default: 0] += 1
                        if answer.result == .advise { systems[section.id]?.advise += 1 }
                        if answer.result == .urgent { systems[section.id]?.urgent += 1 }
                    }
                }
            }
            let decided = visit.lines.compactMap(\.decision).map(\.at.epochSeconds)
            if let start = (visit.reception ?? visit.healthCheck)?.submission.inspectedAt.epochSeconds, let last = decided.max() {
                minutes.append(Double(last - start) / 60)
            }
        }
        self.levels = levels
        self.systems = order.compactMap { systems[$0] }
        let lines = visits.flatMap(\.lines)
        linesOffered = lines.count
        linesApproved = lines.filter { $0.decision?.decision == .approved }.count
        linesDeclined = lines.filter { $0.decision?.decision == .declined }.count
        offeredAmount = lines.compactMap(\.cost).reduce(.zero, +)
        approvedAmount = lines.filter { $0.decision?.decision == .approved }.compactMap(\.cost).reduce(.zero, +)
        let decidedCount = linesApproved + linesDeclined
        approvalRate = decidedCount == 0 ? nil : (Double(linesApproved) / Double(decidedCount) * 100).rounded() / 100
        averageMinutesToDecision = minutes.isEmpty ? nil : (minutes.reduce(0, +) / Double(minutes.count) * 10).rounded() / 10
    }
}
