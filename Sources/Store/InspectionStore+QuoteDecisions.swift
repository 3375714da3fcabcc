import Foundation
import GRDB
import Inspection

extension InspectionStore {
    /// Stores a quote line's decision; a line is decided once.
    package func recordDecision(_ decision: QuoteDecision, recordedAt: String) throws(StoreError) {
        do {
            try pool.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    if let row = try Row.fetchOne(
                        db, sql: "SELECT decision, decided_by, decided_at FROM quote_decision WHERE vin = ? AND work_order = ? AND line = ?",
                        arguments: [decision.vin, decision.workOrder, decision.line])
                    {
                        throw StoreError.alreadyDecided(
                            line: decision.line, workOrder: decision.workOrder, at: row["decided_at"], by: row["decided_by"],
                            decision: row["decision"])
                    }
                    try db.execute(
                        sql: """
                            INSERT INTO quote_decision (vin, work_order, line, decision, decided_by, decided_at, decided_at_epoch, note, recorded_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                            """,
                        arguments: [
                            decision.vin, decision.workOrder, decision.line, decision.decision.rawValue, decision.by.rawValue, decision.at.text,
                            decision.at.epochSeconds, decision.note, recordedAt,
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

    /// The decisions of one visit, by line.
    package func decisions(vin: String, workOrder: String) throws(StoreError) -> [QuoteDecision] {
        do {
            return try pool.read { db in
                try Row.fetchAll(
                    db, sql: "SELECT * FROM quote_decision WHERE vin = ? AND work_order = ? ORDER BY line", arguments: [vin, workOrder]
                ).compactMap { row in
                    guard let at = try? Timestamp.parse(row["decided_at"]).get(), let decision = QuoteDecision.Decision(rawValue: row["decision"]),
                        let party = QuoteDecision.Party(rawValue: row["decided_by"])
                    else { return nil }
                    return QuoteDecision(
                        vin: row["vin"], workOrder: row["work_order"], line: row["line"], decision: decision, by: party, at: at, note: row["note"])
                }
            }
        } catch {
            throw .database(Self.describe(error))
        }
    }
}
