import Common
import Inspection

/// `inspect dispute list VIN --format json`: `format: dispute-list/1` (schema `schemas/dispute-list-1.schema.json`).
package struct DisputeListOutput: Sendable, Encodable {
    /// The contract's name and version.
    package static let formatName = "dispute-list/1"

    /// One dispute.
    package struct Item: Sendable, Encodable {
        package var id: Int64
        package var finding: String
        package var openedBy: String
        package var openedAt: String
        package var deliveryInspectionId: Int64?
        package var note: String?
        package var photo: String?
        /// `open` or `settled`.
        package var status: String
        package var resolution: Resolution?
    }

    /// A settlement.
    package struct Resolution: Sendable, Encodable {
        package var decision: String
        package var decisionName: LocalizedText
        package var by: String
        package var at: String
        package var degree: Int?
        package var cost: Int?
        package var bearer: String?
        package var approvedBy: String?
        package var note: String?
        /// Whether it counts against the appraiser who reported the finding.
        package var upheld: Bool
    }

    package var format = Self.formatName
    package var vin: String
    package var disputes: [Item]

    /// The output for one car's disputes.
    package init(vin: String, disputes: [Dispute]) {
        self.vin = vin
        self.disputes = disputes.map { d in
            Item(
                id: d.id, finding: d.finding, openedBy: d.openedBy.rawValue, openedAt: d.openedAt.text, deliveryInspectionId: d.deliveryInspectionID,
                note: d.note, photo: d.photoPath, status: d.isOpen ? "open" : "settled",
                resolution: d.resolution.map {
                    Resolution(
                        decision: $0.decision.rawValue, decisionName: InspectionMessages.decision($0.decision), by: $0.by, at: $0.at.text,
                        degree: $0.degree, cost: $0.cost, bearer: $0.bearer?.rawValue, approvedBy: $0.approvedBy, note: $0.note,
                        upheld: d.upheld)
                })
        }
    }

    /// The list as text, one line per dispute.
    package var text: String {
        guard !disputes.isEmpty else { return "no disputes for \(vin)\n" }
        return disputes.map { d in
            var line = "#\(d.id) \(d.finding) opened by \(d.openedBy) at \(d.openedAt): \(d.status)"
            if let r = d.resolution {
                line += " · \(r.decisionName.en) by \(r.by) at \(r.at)"
                if let degree = r.degree { line += " · re-measured degree \(degree)" }
                if let cost = r.cost { line += " · cost \(cost) borne by \(r.bearer ?? "?"), approved by \(r.approvedBy ?? "?")" }
            }
            return line
        }.joined(separator: "\n") + "\n"
    }
}
