import Inspection

extension InspectionStore {
    /// Stores customer feedback and returns its id.
    package func recordFeedback(_ feedback: Feedback, recordedAt: String) throws(StoreError) -> Int64 {
        try database.write { sql in
            guard try sql.row("SELECT vin FROM vehicle WHERE vin = ?", [feedback.vin]) != nil else { throw StoreError.unknownVehicle(feedback.vin) }
            var finding: String?, stage: String?
            switch feedback.about {
            case let .finding(code)?: finding = code
            case let .stage(value)?: stage = value.rawValue
            case nil: break
            }
            return try sql.insert(
                """
                INSERT INTO feedback (vin, kind, channel, text, received_at, received_at_epoch, about_finding, about_stage, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
                """,
                [
                    feedback.vin, feedback.kind.rawValue, feedback.channel.rawValue, feedback.text, feedback.receivedAt.text,
                    feedback.receivedAt.epochSeconds, finding, stage, recordedAt,
                ])
        }
    }

    /// Closes a complaint, once. Throws ``StoreError/unknownFeedback(_:)`` for an unknown id and
    /// ``StoreError/alreadyClosed(id:at:by:)`` when it was closed before.
    package func closeComplaint(id: Int64, _ resolution: Feedback.Resolution, recordedAt: String) throws(StoreError) {
        try database.write { sql in
            guard let kind = try sql.row("SELECT kind FROM feedback WHERE id = ?", [id])?.text("kind") else { throw StoreError.unknownFeedback(id) }
            if let row = try sql.row("SELECT resolved_at, resolved_by FROM feedback_resolution WHERE feedback_id = ?", [id]) {
                throw StoreError.alreadyClosed(id: id, at: row.text("resolved_at") ?? "", by: row.text("resolved_by") ?? "")
            }
            guard kind == Feedback.Kind.complaint.rawValue else { throw StoreError.notAComplaint(id: id, kind: kind) }
            try sql.execute(
                """
                INSERT INTO feedback_resolution (feedback_id, resolution, resolved_by, resolved_at, resolved_at_epoch, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?)
                """,
                [id, resolution.resolution, resolution.resolvedBy, resolution.resolvedAt.text, resolution.resolvedAt.epochSeconds, recordedAt])
        }
    }

    /// Feedback received in `[from, to)` (epoch seconds; nil for open ends), of one car when `vin` is given, oldest
    /// first, each with its closing.
    package func feedback(vin: String? = nil, from: Int64? = nil, to: Int64? = nil) throws(StoreError) -> [Feedback] {
        var conditions: [String] = []
        var values: [any SQLBindable] = []
        if let vin { conditions.append("f.vin = ?"); values.append(vin) }
        if let from { conditions.append("f.received_at_epoch >= ?"); values.append(from) }
        if let to { conditions.append("f.received_at_epoch < ?"); values.append(to) }
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        return try database.read { sql in
            try sql.rows(
                """
                SELECT f.id, f.vin, f.kind, f.channel, f.text, f.received_at, f.about_finding, f.about_stage,
                    r.resolution, r.resolved_by, r.resolved_at
                FROM feedback f LEFT JOIN feedback_resolution r ON r.feedback_id = f.id \(filter)
                ORDER BY f.received_at_epoch, f.id
                """, values
            ).compactMap(Self.feedback(from:))
        }
    }

    private static func feedback(from row: SQLRow) -> Feedback? {
        guard let kind = Feedback.Kind(rawValue: row.text("kind") ?? ""), let channel = Feedback.Channel(rawValue: row.text("channel") ?? ""),
            let received = try? Timestamp.parse(row.text("received_at") ?? "").get()
        else { return nil }
        var about: Feedback.About?
        if let code = row.text("about_finding") { about = .finding(code) }
        if let stage = row.text("about_stage"), let value = Stage(rawValue: stage) { about = .stage(value) }
        var resolution: Feedback.Resolution?
        if let text = row.text("resolution"), let at = try? Timestamp.parse(row.text("resolved_at") ?? "").get() {
            resolution = .init(resolution: text, resolvedBy: row.text("resolved_by") ?? "", resolvedAt: at)
        }
        return Feedback(
            id: row.integer("id") ?? 0, vin: row.text("vin") ?? "", kind: kind, channel: channel, text: row.text("text") ?? "", receivedAt: received,
            about: about, resolution: resolution)
    }
}
