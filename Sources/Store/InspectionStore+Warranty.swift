import Foundation
import GRDB
import ImageOps
import Inspection

extension InspectionStore {
    /// Stores a warranty claim and returns its id.
    package func recordClaim(_ claim: WarrantyClaim, photo: (path: String, sha256: String)?, recordedAt: String) throws(StoreError) -> Int64 {
        do {
            return try pool.write { db in
                guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM vehicle WHERE vin = ?)", arguments: [claim.vin]) == true else {
                    throw StoreError.unknownVehicle(claim.vin)
                }
                var check: String?, part: String?
                switch claim.item {
                case let .check(id): check = id
                case let .part(code): part = code
                }
                try db.execute(
                    sql: """
                        INSERT INTO warranty_claim (vin, check_id, part_code, symptom, cost, claimed_at, claimed_at_epoch, note, photo_path, photo_sha256,
                            recorded_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        claim.vin, check, part, claim.symptom, claim.cost, claim.claimedAt.text, claim.claimedAt.epochSeconds, claim.note,
                        photo?.path,
                        photo?.sha256, recordedAt,
                    ])
                return db.lastInsertedRowID
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw .database(Self.describe(error))
        }
    }

    /// The warranty claims of a car, oldest first.
    package func claims(vin: String) throws(StoreError) -> [WarrantyClaim] {
        do {
            return try pool.read { db in
                try Row.fetchAll(
                    db,
                    sql: """
                        SELECT id, vin, check_id, part_code, symptom, cost, claimed_at, note, photo_path
                        FROM warranty_claim WHERE vin = ? ORDER BY claimed_at_epoch, id
                        """,
                    arguments: [vin]
                ).compactMap { row -> WarrantyClaim? in
                    guard let at = try? Timestamp.parse(row["claimed_at"]).get() else { return nil }
                    let item: WarrantyClaim.Item
                    if let check: String = row["check_id"] { item = .check(check) } else { item = .part(row["part_code"] ?? "") }
                    return WarrantyClaim(
                        id: row["id"], vin: row["vin"], item: item, symptom: row["symptom"], cost: row["cost"], claimedAt: at, note: row["note"],
                        photoPath: row["photo_path"])
                }
            }
        } catch {
            throw .database(Self.describe(error))
        }
    }

    /// Stores a claim's photo (normalised) and returns its path relative to the database folder.
    package func storeClaimPhoto(_ photo: NormalisedPhoto) throws(StoreError) -> String {
        try photoFiles.write(photo, for: "warranty photo").image
    }
}
