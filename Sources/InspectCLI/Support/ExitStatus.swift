/// The documented exit statuses of `inspect`.
enum ExitStatus: Int32 {
    /// Everything asked for was done.
    case ok = 0
    /// The input was invalid (validation errors, unknown VIN, unreadable or foreign file). Nothing was stored.
    case invalidInput = 1
    /// The command line was wrong.
    case usage = 2
    /// Something failed that is not the input's fault (database, file system).
    case internalError = 70
}
