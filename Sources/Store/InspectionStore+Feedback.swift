import GRDB
import Inspection

extension InspectionStore {
    /// Stores customer feedback and returns its id.
    package func recordFeedback(_ feedback: Feedback, recordedAt: String) throws(StoreError) -> Int64 {
        do {
            return try pool.write { db in
                guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM vehicle WHERE vin = ?)", arguments: [feedback.vin]) == true else {
                    throw StoreError.unknownVehicle(feedback.vin)
                }
                var finding: String?, stage: String?
                switch feedback.about {
                case let .finding(code)?: finding = code
                case let .stage(value)?: stage = value.rawValue
                case nil: break
                }
                try db.execute(
                    sql: """
                        INSERT INTO feedback (vin, kind, channel, text, received_at, received_at_epoch, about_finding, about_stage, recorded_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        feedback.vin, feedback.kind.rawValue, feedback.channel.rawValue, feedback.text, feedback.receivedAt.text,
                        feedback.receivedAt.epochSeconds, finding, stage, recordedAt,
                    ])
                return db.lastInsertedRowID
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw .database(Self.describe(error))
        }
    }

    /// Closes a complaint, once. Throws ``StoreError/unknownFeedback(_:)`` for an unknown id and
    /// ``StoreError/alreadyClosed(id:at:by:)`` when it was closed before.
    package func closeComplaint(id: Int64, _ resolution: Feedback.Resolution, recordedAt: String) throws(StoreError) {
        do {
            try pool.write { db in
                guard let kind = try String.fetchOne(db, sql: "SELECT kind FROM feedback WHERE id = ?", arguments: [id]) else {
                    throw StoreError.unknownFeedback(id)
                }
                if let row = try Row.fetchOne(
                    db, sql: "SELECT resolved_at, resolved_by FROM feedback_resolution WHERE feedback_id = ?", arguments: [id])
                {
                    throw StoreError.alreadyClosed(id: id, at: row["resolved_at"], by: row["resolved_by"])
                }
                guard kind == Feedback.Kind.complaint.rawValue else { throw StoreError.notAComplaint(id: id, kind: kind) }
                try db.execute(
                    sql: """
                        INSERT INTO feedback_resolution (feedback_id, resolution, resolved_by, resolved_at, resolved_at_epoch, recorded_at)
                        VALUES (?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        id, resolution.resolution, resolution.resolvedBy, resolution.resolvedAt.text, resolution.resolvedAt.epochSeconds, recordedAt,
                    ])
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw .database(Self.describe(error))
        }
    }

    /// Feedback received in `[from, to)` (epoch seconds; nil for open ends), of one car when `vin` is given, oldest
    /// first, each with its closing.
    package func feedback(vin: String? = nil, from: Int64? = nil, to: Int64? = nil) throws(StoreError) -> [Feedback] {
        do {
            return try pool.read { db in
                try Row.fetchAll(
                    db,
                    sql: """
                        SELECT f.id, f.vin, f.kind, f.channel, f.text, f.received_at, f.about_finding, f.about_stage,
                            r.resolution, r.resolved_by, r.resolved_at
                        FROM feedback f LEFT JOIN feedback_resolution r ON r.feedback_id = f.id
                        WHERE (?1 IS NULL OR f.vin = ?1) AND (?2 IS NULL OR f.received_at_epoch >= ?2) AND (?3 IS NULL OR f.received_at_epoch < ?3)
                        ORDER BY f.received_at_epoch, f.id
                        """,
                    arguments: [vin, from, to]
                ).compactMap(Self.feedback(from:))
            }
        } catch {
            throw .database(Self.describe(error))
        }
    }

    private static func feedback(from row: Row) -> Feedback? {
        guard let kind = Feedback.Kind(rawValue: row["kind"]), let channel = Feedback.Channel(rawValue: row["channel"]),
            let received = try? Timestamp.parse(row["received_at"]).get()
        else { return nil }
        var about: Feedback.About?
        if let code: String = row["about_finding"] { about = .finding(code) }
        if let stage: String = row["about_stage"], let value = Stage(rawValue: stage) { about = .stage(value) }
        var resolution: Feedback.Resolution?
        if let text: String = row["resolution"], let at = try? Timestamp.parse(row["resolved_at"]).get() {
            resolution = .init(resolution: text, resolvedBy: row["resolved_by"], resolvedAt: at)
        }
        return Feedback(
            id: row["id"], vin: row["vin"], kind: kind, channel: channel, text: row["text"], receivedAt: received, about: about,
            resolution: resolution)
    }
}
