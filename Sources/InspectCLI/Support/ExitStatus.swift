/// The documented exit statuses of `inspect`.
enum ExitStatus: Int32 {
    /// Everything asked for was done.
    case ok = 0
    /// The input was invalid (validation errors, unknown VIN, unreadable or foreign file). Nothing was stored.
    case invalidInput = 1
    /// The command line was wrong.
    case usage = 2
    /// Findings to look at: `compare` found discrepancies, `mileage show` has flags, `deliver` says attention.
    case findings = 3
    /// `batch`: at least one car failed (the others went through).
    case batchFailures = 4
    /// `deliver` says stop: new damage or an odometer rollback; do not hand the car over.
    case stop = 5
    /// Something failed that is not the input's fault (database, file system).
    case internalError = 70
}
