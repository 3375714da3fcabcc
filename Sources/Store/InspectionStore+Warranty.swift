import Foundation
import ImageOps
import Inspection

extension InspectionStore {
    /// Stores a warranty claim and returns its id.
    package func recordClaim(_ claim: WarrantyClaim, photo: (path: String, sha256: String)?, recordedAt: String) throws(StoreError) -> Int64 {
        try database.write { sql in
            guard try sql.row("SELECT vin FROM vehicle WHERE vin = ?", [claim.vin]) != nil else { throw StoreError.unknownVehicle(claim.vin) }
            var check: String?, part: String?
            switch claim.item {
            case let .check(id): check = id
            case let .part(code): part = code
            }
            return try sql.insert(
                """
                INSERT INTO warranty_claim (vin, check_id, part_code, symptom, cost, claimed_at, claimed_at_epoch, note, photo_path, photo_sha256,
                    recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
                """,
                [
                    claim.vin, check, part, claim.symptom, claim.cost, claim.claimedAt.text, claim.claimedAt.epochSeconds, claim.note, photo?.path,
                    photo?.sha256, recordedAt,
                ])
        }
    }

    /// The warranty claims of a car, oldest first.
    package func claims(vin: String) throws(StoreError) -> [WarrantyClaim] {
        try database.read { sql in
            try sql.rows(
                """
                SELECT id, vin, check_id, part_code, symptom, cost, claimed_at, note, photo_path
                FROM warranty_claim WHERE vin = ? ORDER BY claimed_at_epoch, id
                """, [vin]
            ).compactMap { row -> WarrantyClaim? in
                guard let at = try? Timestamp.parse(row.text("claimed_at") ?? "").get() else { return nil }
                let item: WarrantyClaim.Item = row.text("check_id").map { .check($0) } ?? .part(row.text("part_code") ?? "")
                return WarrantyClaim(
                    id: row.integer("id") ?? 0, vin: row.text("vin") ?? "", item: item, symptom: row.text("symptom") ?? "",
                    cost: row.int("cost") ?? 0,
                    claimedAt: at, note: row.text("note"), photoPath: row.text("photo_path"))
            }
        }
    }

    /// Stores a claim's photo (normalised) and returns its path relative to the database folder.
    package func storeClaimPhoto(_ photo: NormalisedPhoto) throws(StoreError) -> String {
        try photoFiles.write(photo, for: "warranty photo").image
    }
}
