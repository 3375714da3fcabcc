import Foundation
import GRDB
import ImageOps
import Inspection

extension InspectionStore {
    /// Stores a new dispute and returns its id. A delivery's dispute about the same finding is stored once (re-running
    /// the same delivery opens nothing new; the existing id is returned).
    package func openDispute(_ dispute: Dispute, photo: (path: String, sha256: String)?, recordedAt: String) throws(StoreError) -> Int64 {
        do {
            return try pool.writeWithoutTransaction { db in
                var id: Int64 = 0
                try db.inTransaction(.immediate) {
                    guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM vehicle WHERE vin = ?)", arguments: [dispute.vin]) == true else {
                        throw StoreError.unknownVehicle(dispute.vin)
                    }
                    if let delivery = dispute.deliveryInspectionID,
                        let existing = try Int64.fetchOne(
                            db, sql: "SELECT id FROM dispute WHERE delivery_inspection_id = ? AND finding_code = ?",
                            arguments: [delivery, dispute.finding])
                    {
                        id = existing
                        return .commit
                    }
                    try db.execute(
                        sql: """
                            INSERT INTO dispute (vin, finding_code, opened_by, opened_at, opened_at_epoch, delivery_inspection_id, note, photo_path,
                                photo_sha256, recorded_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                            """,
                        arguments: [
                            dispute.vin, dispute.finding, dispute.openedBy.rawValue, dispute.openedAt.text, dispute.openedAt.epochSeconds,
                            dispute.deliveryInspectionID, dispute.note, photo?.path, photo?.sha256, recordedAt,
                        ])
                    id = db.lastInsertedRowID
                    return .commit
                }
                return id
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw .database(Self.describe(error))
        }
    }

    /// Stores the settlement of dispute `id`; a dispute is settled once.
    package func resolveDispute(_ id: Int64, _ resolution: Dispute.Resolution, recordedAt: String) throws(StoreError) {
        do {
            try pool.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM dispute WHERE id = ?)", arguments: [id]) == true else {
                        throw StoreError.unknownDispute(id)
                    }
                    if let row = try Row.fetchOne(
                        db, sql: "SELECT resolved_at, resolved_by, decision FROM dispute_resolution WHERE dispute_id = ?", arguments: [id])
                    {
                        throw StoreError.alreadyResolved(id: id, at: row["resolved_at"], by: row["resolved_by"], decision: row["decision"])
                    }
                    try db.execute(
                        sql: """
                            INSERT INTO dispute_resolution (dispute_id, decision, resolved_by, resolved_at, degree, cost, bearer, approved_by, note,
                                recorded_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                            """,
                        arguments: [
                            id, resolution.decision.rawValue, resolution.by, resolution.at.text, resolution.degree, resolution.cost,
                            resolution.bearer?.rawValue, resolution.approvedBy, resolution.note, recordedAt,
                        ])
                    return .commit
                }
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw .database(Self.describe(error))
        }
    }

    /// The disputes of a car with their settlements, oldest first.
    package func disputes(vin: String) throws(StoreError) -> [Dispute] {
        try disputes(where: "d.vin = ?", arguments: [vin])
    }

    /// One dispute, or nil.
    package func dispute(id: Int64) throws(StoreError) -> Dispute? {
        try disputes(where: "d.id = ?", arguments: [id]).first
    }

    private func disputes(where condition: String, arguments: StatementArguments) throws(StoreError) -> [Dispute] {
        do {
            return try pool.read { db in
                try Row.fetchAll(
                    db,
                    sql: """
                        SELECT d.id, d.vin, d.finding_code, d.opened_by, d.opened_at, d.delivery_inspection_id, d.note, d.photo_path,
                            r.decision, r.resolved_by, r.resolved_at, r.degree, r.cost, r.bearer, r.approved_by, r.note AS resolution_note
                        FROM dispute d LEFT JOIN dispute_resolution r ON r.dispute_id = d.id
                        WHERE \(condition) ORDER BY d.opened_at_epoch, d.id
                        """,
                    arguments: arguments
                ).compactMap(Self.dispute)
            }
        } catch {
            throw .database(Self.describe(error))
        }
    }

    private static func dispute(_ row: Row) -> Dispute? {
        guard let openedAt = try? Timestamp.parse(row["opened_at"]).get(), let party = Dispute.Party(rawValue: row["opened_by"]) else { return nil }
        var resolution: Dispute.Resolution?
        if let decision = (row["decision"] as String?).flatMap(Dispute.Decision.init(rawValue:)),
            let at = try? Timestamp.parse(row["resolved_at"]).get()
        {
            resolution = Dispute.Resolution(
                decision: decision, by: row["resolved_by"], at: at, degree: row["degree"], cost: row["cost"],
                bearer: (row["bearer"] as String?).flatMap(Dispute.Bearer.init(rawValue:)), approvedBy: row["approved_by"],
                note: row["resolution_note"])
        }
        return Dispute(
            id: row["id"], vin: row["vin"], finding: row["finding_code"], openedBy: party, openedAt: openedAt,
            deliveryInspectionID: row["delivery_inspection_id"], note: row["note"], photoPath: row["photo_path"], resolution: resolution)
    }

    /// Stores a dispute's photo (normalised) and returns its path relative to the database folder.
    package func storeDisputePhoto(_ photo: NormalisedPhoto) throws(StoreError) -> String {
        try photoFiles.write(photo, for: "dispute photo").image
    }
}
