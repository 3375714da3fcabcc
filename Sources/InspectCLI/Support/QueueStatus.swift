import Store

/// `inspect batch --status DAY_DIR` for a queued day: how many jobs stand where, and each running one's worker and lease.
enum QueueStatus {
    static func text(_ jobs: [BatchJob], now: Int64) -> String {
        var lines = [
            "queued day: "
                + ["pending", "running", "done", "failed"].map { status in "\(status) \(jobs.filter { $0.status == status }.count)" }
                .joined(separator: " · ")
        ]
        for job in jobs where job.status == "running" {
            let left = (job.leaseUntil ?? now) - now
            lines.append(
                "  running \(job.car) on \(job.worker ?? "?"), lease \(left >= 0 ? "\(left) s left" : "ran out \(-left) s ago"), attempt \(job.attempts)"
            )
        }
        for job in jobs where job.status == "failed" { lines.append("  failed \(job.car) (attempt \(job.attempts))") }
        return lines.joined(separator: "\n") + "\n"
    }
}
