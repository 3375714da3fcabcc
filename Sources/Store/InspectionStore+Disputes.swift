import ImageOps
import Inspection

extension InspectionStore {
    /// Stores a new dispute and returns its id. A delivery's dispute about the same finding is stored once (re-running
    /// the same delivery opens nothing new; the existing id is returned).
    package func openDispute(_ dispute: Dispute, photo: (path: String, sha256: String)?, recordedAt: String) throws(StoreError) -> Int64 {
        try database.write { sql in
            guard try sql.row("SELECT vin FROM vehicle WHERE vin = ?", [dispute.vin]) != nil else { throw StoreError.unknownVehicle(dispute.vin) }
            if let delivery = dispute.deliveryInspectionID,
                let existing = try sql.row(
                    "SELECT id FROM dispute WHERE delivery_inspection_id = ? AND finding_code = ?", [delivery, dispute.finding])?
                    .integer("id")
            {
                return existing
            }
            return try sql.insert(
                """
                INSERT INTO dispute (vin, finding_code, opened_by, opened_at, opened_at_epoch, delivery_inspection_id, note, photo_path,
                    photo_sha256, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
                """,
                [
                    dispute.vin, dispute.finding, dispute.openedBy.rawValue, dispute.openedAt.text, dispute.openedAt.epochSeconds,
                    dispute.deliveryInspectionID, dispute.note, photo?.path, photo?.sha256, recordedAt,
                ])
        }
    }

    /// Stores the settlement of dispute `id`; a dispute is settled once.
    package func resolveDispute(_ id: Int64, _ resolution: Dispute.Resolution, recordedAt: String) throws(StoreError) {
        try database.write { sql in
            guard try sql.row("SELECT id FROM dispute WHERE id = ?", [id]) != nil else { throw StoreError.unknownDispute(id) }
            if let row = try sql.row("SELECT resolved_at, resolved_by, decision FROM dispute_resolution WHERE dispute_id = ?", [id]) {
                throw StoreError.alreadyResolved(
                    id: id, at: row.text("resolved_at") ?? "", by: row.text("resolved_by") ?? "", decision: row.text("decision") ?? "")
            }
            try sql.execute(
                """
                INSERT INTO dispute_resolution (dispute_id, decision, resolved_by, resolved_at, degree, cost, bearer, approved_by, note,
                    recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [
                    id, resolution.decision.rawValue, resolution.by, resolution.at.text, resolution.degree, resolution.cost,
                    resolution.bearer?.rawValue, resolution.approvedBy, resolution.note, recordedAt,
                ])
        }
    }

    /// The disputes of a car with their settlements, oldest first.
    package func disputes(vin: String) throws(StoreError) -> [Dispute] { try disputes(where: "d.vin = ?", [vin]) }

    /// One dispute, or nil.
    package func dispute(id: Int64) throws(StoreError) -> Dispute? { try disputes(where: "d.id = ?", [id]).first }

    private func disputes(where condition: String, _ values: [any SQLBindable]) throws(StoreError) -> [Dispute] {
        try database.read { sql in
            try sql.rows(
                """
                SELECT d.id, d.vin, d.finding_code, d.opened_by, d.opened_at, d.delivery_inspection_id, d.note, d.photo_path,
                    r.decision, r.resolved_by, r.resolved_at, r.degree, r.cost, r.bearer, r.approved_by, r.note AS resolution_note
                FROM dispute d LEFT JOIN dispute_resolution r ON r.dispute_id = d.id
                WHERE \(condition) ORDER BY d.opened_at_epoch, d.id
                """, values
            ).compactMap(Self.dispute)
        }
    }

    private static func dispute(_ row: SQLRow) -> Dispute? {
        guard let openedAt = try? Timestamp.parse(row.text("opened_at") ?? "").get(), let party = Dispute.Party(rawValue: row.text("opened_by") ?? "")
        else { return nil }
        var resolution: Dispute.Resolution?
        if let decision = row.text("decision").flatMap(Dispute.Decision.init(rawValue:)),
            let at = try? Timestamp.parse(row.text("resolved_at") ?? "").get()
        {
            resolution = Dispute.Resolution(
                decision: decision, by: row.text("resolved_by") ?? "", at: at, degree: row.int("degree"), cost: row.int("cost"),
                bearer: row.text("bearer").flatMap(Dispute.Bearer.init(rawValue:)), approvedBy: row.text("approved_by"),
                note: row.text("resolution_note"))
        }
        return Dispute(
            id: row.integer("id") ?? 0, vin: row.text("vin") ?? "", finding: row.text("finding_code") ?? "", openedBy: party, openedAt: openedAt,
            deliveryInspectionID: row.integer("delivery_inspection_id"), note: row.text("note"), photoPath: row.text("photo_path"),
            resolution: resolution)
    }

    /// Stores a dispute's photo (normalised) and returns its path relative to the database folder.
    package func storeDisputePhoto(_ photo: NormalisedPhoto) throws(StoreError) -> String {
        try photoFiles.write(photo, for: "dispute photo").image
    }
}
