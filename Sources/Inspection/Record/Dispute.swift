/// A dispute about a finding of the condition report, opened at delivery (the delivery's `disputes` list) or by hand,
/// and settled once on the record. Stored append-only: the resolution is a second record, never an edit.
package struct Dispute: Sendable, Hashable {
    /// Who raised it.
    package enum Party: String, Sendable, Hashable, CaseIterable {
        case customer
        case staff
    }

    /// How it was settled.
    package enum Decision: String, Sendable, Hashable, CaseIterable {
        /// The finding is worse than reported; accepted as it stands.
        case accepted
        /// Polished out.
        case polished
        /// Repaired.
        case repaired
        /// The price was adjusted.
        case priceAdjusted = "price_adjusted"
        /// The report stands.
        case refused

    }

    /// Who bore a settlement's cost.
    package enum Bearer: String, Sendable, Hashable, CaseIterable {
        case platform
        case customer
        case seller
    }

    /// The settlement.
    package struct Resolution: Sendable, Hashable {
        package var decision: Decision
        package var by: String
        package var at: Timestamp
        /// The finding's degree re-measured at the settlement (a new measurement of it; the report's finding stays).
        package var degree: Int?
        /// Whole currency units.
        package var cost: Int?
        package var bearer: Bearer?
        /// Who approved the cost (the special approval).
        package var approvedBy: String?
        package var note: String?

        /// Creates a resolution.
        package init(
            decision: Decision, by: String, at: Timestamp, degree: Int? = nil, cost: Int? = nil, bearer: Bearer? = nil, approvedBy: String? = nil,
            note: String? = nil
        ) {
            self.decision = decision
            self.by = by
            self.at = at
            self.degree = degree
            self.cost = cost
            self.bearer = bearer
            self.approvedBy = approvedBy
            self.note = note
        }
    }

    /// Store id (0 before it is stored).
    package var id: Int64
    package var vin: String
    /// The report finding's code, e.g. `27HH1`.
    package var finding: String
    package var openedBy: Party
    package var openedAt: Timestamp
    /// The delivery inspection whose `disputes` list opened it, if any.
    package var deliveryInspectionID: Int64?
    package var note: String?
    /// A normalised photo of the disputed finding (relative to the database folder).
    package var photoPath: String?
    /// The settlement, once there is one.
    package var resolution: Resolution?

    /// Creates a dispute.
    package init(
        id: Int64 = 0, vin: String, finding: String, openedBy: Party, openedAt: Timestamp, deliveryInspectionID: Int64? = nil, note: String? = nil,
        photoPath: String? = nil, resolution: Resolution? = nil
    ) {
        self.id = id
        self.vin = vin
        self.finding = finding
        self.openedBy = openedBy
        self.openedAt = openedAt
        self.deliveryInspectionID = deliveryInspectionID
        self.note = note
        self.photoPath = photoPath
        self.resolution = resolution
    }

    /// Still open.
    package var isOpen: Bool { resolution == nil }

    /// Whether the buyer's complaint was found right, which counts against the appraiser who reported the finding: a
    /// settlement other than a refusal, except polishing where the re-measured degree is no worse than the report's
    /// (the report was right; the polish is goodwill).
    package var upheld: Bool {
        guard let resolution, resolution.decision != .refused else { return false }
        if resolution.decision == .polished, let remeasured = resolution.degree, let reported = Defect.split(code: finding)?.degree {
            return remeasured > reported
        }
        return true
    }
}
