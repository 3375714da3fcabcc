import Inspection
import Store

/// A failure the CLI reports with one message and an exit status.
struct CLIFailure: Error {
    /// What to tell the user (printed after `inspect: `).
    var message: String
    /// The exit status.
    var status: ExitStatus

    /// Invalid input, exit 1.
    static func invalid(_ message: String) -> CLIFailure { CLIFailure(message: message, status: .invalidInput) }

    /// Maps a store error: a foreign or newer database is the user's input (1); anything else is internal (70).
    static func store(_ error: StoreError) -> CLIFailure {
        switch error {
        case .notADatabase, .newerSchema, .cannotOpen, .unknownVehicle, .unknownReading, .alreadySuperseded, .unknownDispute, .alreadyResolved,
            .alreadyDecided, .unknownFeedback, .alreadyClosed, .notAComplaint, .readingAlreadyResolved,
            .badDatabaseURL:
            CLIFailure(message: error.description, status: .invalidInput)
        case .photoCopyFailed, .database: CLIFailure(message: error.description, status: .internalError)
        }
    }
}
