import GRDB

/// Progress of `inspect batch`: one row per day folder, car folder and step (bookkeeping, replaced when redone).
extension InspectionStore {
    /// Records (or replaces) a batch step.
    package func recordBatchStep(_ step: BatchStep) throws(StoreError) {
        do {
            try pool.write { db in
                try db.execute(
                    sql: """
                        INSERT OR REPLACE INTO batch_step (day, car, step, fingerprint, status, detail, duration_ms, recorded_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [step.day, step.car, step.step, step.fingerprint, step.status.rawValue, step.detail, step.durationMs, step.recordedAt])
            }
        } catch {
            throw .database(Self.describe(error))
        }
    }

    /// Every recorded step of a day folder.
    package func batchSteps(day: String) throws(StoreError) -> [BatchStep] {
        do {
            return try pool.read { db in
                try Row.fetchAll(db, sql: "SELECT * FROM batch_step WHERE day = ? ORDER BY car, step", arguments: [day]).map { row in
                    BatchStep(
                        day: row["day"], car: row["car"], step: row["step"], fingerprint: row["fingerprint"],
                        status: BatchStep.Status(rawValue: row["status"]) ?? .failed,
                        detail: row["detail"],
                        durationMs: row["duration_ms"], recordedAt: row["recorded_at"])
                }
            }
        } catch {
            throw .database(Self.describe(error))
        }
    }
}
