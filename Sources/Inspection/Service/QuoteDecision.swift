/// The customer's decision on one line of a service visit's quote: work starts only on `approved`. Stored once per
/// line, append-only.
package struct QuoteDecision: Sendable, Hashable {
    /// Approved (released for work) or declined (advised and declined: the next visit's reminder).
    package enum Decision: String, Sendable, Hashable, CaseIterable {
        case approved
        case declined
    }

    /// Who recorded it.
    package enum Party: String, Sendable, Hashable, CaseIterable {
        case customer
        case staff
    }

    package var vin: String
    package var workOrder: String
    /// The quote line, from 1.
    package var line: Int
    package var decision: Decision
    package var by: Party
    package var at: Timestamp
    package var note: String?

    /// Creates a decision.
    package init(vin: String, workOrder: String, line: Int, decision: Decision, by: Party, at: Timestamp, note: String? = nil) {
        self.vin = vin
        self.workOrder = workOrder
        self.line = line
        self.decision = decision
        self.by = by
        self.at = at
        self.note = note
    }
}
