import Batch
import ImageOps
import Inspection
import ReportGen

/// The version of `inspect` and every format it reads and writes (`name/N`), as `inspect --version` prints them.
enum Formats {
    /// The release version.
    static let version = "0.2.0"

    /// JSON written by `validate --format json`.
    static let validation = "validation/1"
    /// JSON written by `compare --format json`.
    static let comparison = "comparison/1"
    /// JSON written by `mileage show --format json`.
    static let mileageLedger = "mileage-ledger/1"
    /// JSON written by `deliver --format json`.
    static let deliveryCheck = "delivery-check/1"

    /// Formats read: submissions, checklist templates, policies.
    static let reads = [Submission.format, TemplateLoader.format, PhotoPolicyLoader.format, MileagePolicyLoader.format]

    /// Formats written.
    static let writes = [ConditionReport.formatName, comparison, deliveryCheck, mileageLedger, validation, BatchSummary.formatName]

    /// The text of `inspect --version`.
    static var versionText: String {
        """
        inspect \(version)
        reads: \(reads.joined(separator: ", "))
        writes: \(writes.joined(separator: ", "))
        """
    }
}
