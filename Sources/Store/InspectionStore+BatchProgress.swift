/// Progress of `inspect batch`: one row per day folder, car folder and step (bookkeeping, replaced when redone).
extension InspectionStore {
    /// Records (or replaces) a batch step.
    package func recordBatchStep(_ step: BatchStep) throws(StoreError) {
        try database.write { sql in
            try sql.execute(
                """
                INSERT INTO batch_step (day, car, step, fingerprint, status, detail, duration_ms, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (day, car, step) DO UPDATE SET fingerprint = excluded.fingerprint, status = excluded.status,
                    detail = excluded.detail, duration_ms = excluded.duration_ms, recorded_at = excluded.recorded_at
                """, [step.day, step.car, step.step, step.fingerprint, step.status.rawValue, step.detail, step.durationMs, step.recordedAt])
        }
    }

    /// Every recorded step of a day folder.
    package func batchSteps(day: String) throws(StoreError) -> [BatchStep] {
        try database.read { sql in
            try sql.rows("SELECT * FROM batch_step WHERE day = ? ORDER BY car, step", [day]).map { row in
                BatchStep(
                    day: row.text("day") ?? "", car: row.text("car") ?? "", step: row.text("step") ?? "", fingerprint: row.text("fingerprint") ?? "",
                    status: BatchStep.Status(rawValue: row.text("status") ?? "") ?? .failed, detail: row.text("detail") ?? "",
                    durationMs: row.int("duration_ms") ?? 0, recordedAt: row.text("recorded_at") ?? "")
            }
        }
    }
}
