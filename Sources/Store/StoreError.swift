/// Why the store could not do what was asked. Nothing is half-written when one of these is thrown.
package enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The database file could not be opened or created.
    case cannotOpen(path: String, reason: String)
    /// The file exists but is not an inspect database (or not SQLite at all).
    case notADatabase(path: String)
    /// The database was written by a newer version of inspect.
    case newerSchema(path: String)
    /// A photo could not be copied into the photo folder.
    case photoCopyFailed(path: String, reason: String)
    /// No inspection was ever stored for this VIN.
    case unknownVehicle(String)
    /// A reading id that does not exist for this car.
    case unknownReading(id: Int64, vin: String)
    /// The reading was already corrected by another record.
    case alreadySuperseded(id: Int64, by: Int64)
    /// No dispute with this id.
    case unknownDispute(Int64)
    /// The dispute was settled already (settlements are never changed).
    case alreadyResolved(id: Int64, at: String, by: String, decision: String)
    /// The quote line was decided already.
    case alreadyDecided(line: Int, workOrder: String, at: String, by: String, decision: String)
    /// Any other SQLite failure.
    /// `--db` is a URL that cannot be used (shown with its password masked).
    case badDatabaseURL(String, reason: String)
    /// No feedback with this id.
    case unknownFeedback(Int64)
    /// The complaint was closed before (closing is once).
    case alreadyClosed(id: Int64, at: String, by: String)
    /// Only a complaint is closed.
    case notAComplaint(id: Int64, kind: String)
    /// The conflict at this odometer reading was already resolved (by resolution `resolution`).
    case readingAlreadyResolved(reading: Int64, resolution: Int64)
    case database(String)

    package var description: String {
        switch self {
        case let .cannotOpen(path, reason): "cannot open database \(path): \(reason)"
        case let .notADatabase(path): "\(path) is not an inspect database (SQLite says it is not a database); nothing was changed"
        case let .newerSchema(path): "database \(path) was written by a newer inspect; upgrade inspect before using it"
        case let .photoCopyFailed(path, reason): "cannot store photo \(path): \(reason)"
        case let .unknownVehicle(vin): "no inspections stored for VIN \(vin); submit its appraisal first"
        case let .unknownReading(id, vin): "no odometer reading #\(id) for VIN \(vin)"
        case let .alreadySuperseded(id, newer): "odometer reading #\(id) was already corrected by #\(newer); supersede #\(newer) instead"
        case let .unknownDispute(id): "no dispute #\(id)"
        case let .alreadyResolved(id, at, by, decision):
            "dispute #\(id) was already resolved at \(at) by \(by): \(decision); a settlement is never changed"
        case let .alreadyDecided(line, workOrder, at, by, decision):
            "line \(line) of work order \(workOrder) was already decided at \(at) by the \(by): \(decision); a decision is never changed"
        case let .badDatabaseURL(url, reason): "database URL \(url) cannot be used: \(reason)"
        case let .unknownFeedback(id): "no feedback #\(id); `inspect feedback list` shows the ids"
        case let .alreadyClosed(id, at, by): "complaint #\(id) was already closed at \(at) by \(by); a closing is final"
        case let .notAComplaint(id, kind): "feedback #\(id) is a \(kind), not a complaint: only complaints are closed"
        case let .readingAlreadyResolved(reading, resolution):
            "the conflict at odometer reading #\(reading) was already resolved (resolution #\(resolution)); a resolution is final"
        case let .database(message): "database error: \(message)"
        }
    }
}
