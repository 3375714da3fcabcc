/// The worker queue (PostgreSQL only): enqueue a day's car folders, claim one car at a time under a lease with
/// `FOR UPDATE SKIP LOCKED`, renew the lease, finish. A worker killed mid-car loses nothing: its lease runs out and the
/// car is claimed again; storing it again adds no revision (content is recognised).
extension InspectionStore {
    private func requirePostgres() throws(StoreError) {
        guard database.dialect == .postgres else {
            throw .database("the worker queue is kept on PostgreSQL only: give --db postgres://… (SQLite runs a day with inspect batch)")
        }
    }

    /// Queues each `(car, fingerprint)` of `day` not queued with that fingerprint before; returns how many were added.
    package func enqueue(day: String, cars: [(name: String, fingerprint: String)], at now: String) throws(StoreError) -> Int {
        try requirePostgres()
        return try database.write { sql in
            var added = 0
            for car in cars {
                added += try sql.rows(
                    """
                    INSERT INTO job (day, car, fingerprint, status, enqueued_at, updated_at) VALUES (?, ?, ?, 'pending', ?, ?)
                    ON CONFLICT (day, car, fingerprint) DO NOTHING RETURNING id
                    """, [day, car.name, car.fingerprint, now, now]
                ).count
            }
            return added
        }
    }

    /// Claims the oldest pending job, or a running one whose lease ran out, for `worker` until `leaseUntil`.
    package func claimJob(worker: String, now: Int64, leaseUntil: Int64, at text: String) throws(StoreError) -> BatchJob? {
        try requirePostgres()
        return try database.write { sql in
            try sql.row(
                """
                UPDATE job SET status = 'running', worker = ?, lease_until = ?, attempts = attempts + 1, updated_at = ?
                WHERE id = (
                    SELECT id FROM job WHERE status = 'pending' OR (status = 'running' AND lease_until < ?)
                    ORDER BY id FOR UPDATE SKIP LOCKED LIMIT 1)
                RETURNING id, day, car, fingerprint, status, worker, lease_until, attempts, detail
                """, [worker, leaseUntil, text, now]
            ).map(Self.job)
        }
    }

    /// Extends `worker`'s lease on job `id`; false when the job is no longer its own (the lease ran out and another
    /// worker took it).
    package func renewJob(_ id: Int64, worker: String, leaseUntil: Int64, at text: String) throws(StoreError) -> Bool {
        try database.write { sql in
            try sql.rows(
                "UPDATE job SET lease_until = ?, updated_at = ? WHERE id = ? AND worker = ? AND status = 'running' RETURNING id",
                [leaseUntil, text, id, worker]
            ).count == 1
        }
    }

    /// Records the outcome of job `id` (`done` or `failed`) if `worker` still holds it.
    package func finishJob(_ id: Int64, worker: String, failed: Bool, detail: String, at text: String) throws(StoreError) -> Bool {
        try database.write { sql in
            try sql.rows(
                "UPDATE job SET status = ?, detail = ?, lease_until = NULL, updated_at = ? WHERE id = ? AND worker = ? AND status = 'running' RETURNING id",
                [failed ? "failed" : "done", detail, text, id, worker]
            ).count == 1
        }
    }

    /// Every job of `day` (all days when nil), oldest first.
    package func jobs(day: String? = nil) throws(StoreError) -> [BatchJob] {
        try requirePostgres()
        return try database.read { sql in
            try sql.rows(
                "SELECT id, day, car, fingerprint, status, worker, lease_until, attempts, detail FROM job \(day == nil ? "" : "WHERE day = ?") ORDER BY id",
                day.map { [$0] } ?? []
            ).map(Self.job)
        }
    }

    private static func job(_ row: SQLRow) -> BatchJob {
        BatchJob(
            id: row.integer("id") ?? 0, day: row.text("day") ?? "", car: row.text("car") ?? "", fingerprint: row.text("fingerprint") ?? "",
            status: row.text("status") ?? "", worker: row.text("worker"), leaseUntil: row.integer("lease_until"), attempts: row.int("attempts") ?? 0,
            detail: row.text("detail"))
    }
}
