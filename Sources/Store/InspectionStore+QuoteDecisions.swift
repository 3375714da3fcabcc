import Inspection

extension InspectionStore {
    /// Stores a quote line's decision; a line is decided once.
    package func recordDecision(_ decision: QuoteDecision, recordedAt: String) throws(StoreError) {
        try database.write { sql in
            if let row = try sql.row(
                "SELECT decision, decided_by, decided_at FROM quote_decision WHERE vin = ? AND work_order = ? AND line = ?",
                [decision.vin, decision.workOrder, decision.line])
            {
                throw StoreError.alreadyDecided(
                    line: decision.line, workOrder: decision.workOrder, at: row.text("decided_at") ?? "", by: row.text("decided_by") ?? "",
                    decision: row.text("decision") ?? "")
            }
            try sql.execute(
                """
                INSERT INTO quote_decision (vin, work_order, line, decision, decided_by, decided_at, decided_at_epoch, note, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [
                    decision.vin, decision.workOrder, decision.line, decision.decision.rawValue, decision.by.rawValue, decision.at.text,
                    decision.at.epochSeconds, decision.note, recordedAt,
                ])
        }
    }

    /// The decisions of one visit, by line.
    package func decisions(vin: String, workOrder: String) throws(StoreError) -> [QuoteDecision] {
        try database.read { sql in
            try sql.rows("SELECT * FROM quote_decision WHERE vin = ? AND work_order = ? ORDER BY line", [vin, workOrder]).compactMap { row in
                guard let at = try? Timestamp.parse(row.text("decided_at") ?? "").get(),
                    let decision = QuoteDecision.Decision(rawValue: row.text("decision") ?? ""),
                    let party = QuoteDecision.Party(rawValue: row.text("decided_by") ?? "")
                else { return nil }
                return QuoteDecision(
                    vin: row.text("vin") ?? "", workOrder: row.text("work_order") ?? "", line: row.int("line") ?? 0, decision: decision, by: party,
                    at: at, note: row.text("note"))
            }
        }
    }
}
