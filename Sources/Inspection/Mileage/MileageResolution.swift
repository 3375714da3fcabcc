import Common

/// How a person resolved two ledger readings that disagree (a later reading below an earlier one): a rollback they
/// confirmed, or a data-entry error with the true reading (recorded as a correction that supersedes the wrong one).
/// Append-only: a resolution is a new record, never an edit.
package struct MileageResolution: Sendable, Hashable {
    /// What the person found.
    package enum Decision: Sendable, Hashable {
        /// The odometer really went back at `reading`.
        case rollback
        /// Record `wrong` was mistyped; `correction` is the record that now carries the true reading.
        case entryError(wrong: Int64, correction: Int64)

        /// `rollback` or `entry_error`.
        package var code: String {
            switch self {
            case .rollback: "rollback"
            case .entryError: "entry_error"
            }
        }
    }

    /// Store id (0 before it is stored).
    package var id: Int64
    package var vin: String
    /// The lower reading of the conflict (the ledger record its flag is on).
    package var reading: Int64
    /// The earlier, higher reading it disagreed with.
    package var earlier: Int64
    package var decision: Decision
    /// Staff id of the person who resolved it.
    package var by: String
    package var at: Timestamp
    package var note: String?

    /// Creates a resolution.
    package init(
        id: Int64 = 0, vin: String, reading: Int64, earlier: Int64, decision: Decision, by: String, at: Timestamp, note: String? = nil
    ) {
        self.id = id
        self.vin = vin
        self.reading = reading
        self.earlier = earlier
        self.decision = decision
        self.by = by
        self.at = at
        self.note = note
    }

    /// The readings confirmed as rollbacks by `resolutions`.
    package static func confirmedRollbacks(_ resolutions: [MileageResolution]) -> Set<Int64> {
        Set(resolutions.compactMap { $0.decision == .rollback ? $0.reading : nil })
    }

    /// Why `reading` cannot be resolved in `ledger` (nil: it can): it must carry an open conflict, and a data-entry
    /// error must name one of the two disagreeing records.
    package static func problem(reading: Int64, wrong: Int64?, in ledger: MileageLedger) -> String? {
        guard let flag = ledger.flags.first(where: { $0.recordID == reading && $0.kind == .conflict }) else {
            let open = ledger.flags.filter { $0.kind == .conflict }.map { "#\($0.recordID)" }
            return "reading #\(reading) has no open conflict to resolve"
                + (open.isEmpty ? " (the ledger has none)" : " (open conflicts: \(open.joined(separator: " ")))")
        }
        if let wrong, wrong != reading, wrong != flag.earlierRecordID {
            return "--entry-error \(wrong) is not one of the disagreeing readings (#\(reading) and #\(flag.earlierRecordID ?? 0))"
        }
        return nil
    }
}

extension MileageFlag {
    /// For a conflict or rollback: the earlier, higher record the reading disagrees with.
    package var earlierRecordID: Int64? {
        if case let .int(id)? = notice.params["earlier_id"] { return Int64(id) }
        return nil
    }
}
