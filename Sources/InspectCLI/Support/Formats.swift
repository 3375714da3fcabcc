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
    /// JSON written by `photos check --format json`.
    static let photoCheck = "photo-check/1"

    /// Formats read: submissions, checklist templates, policies.
    static let reads = [
        Submission.format, TemplateLoader.format, PhotoPolicyLoader.format, MileagePolicyLoader.format, CostTableLoader.format,
        AfterSalePolicy.format,
    ]

    /// Formats written.
    static let writes = [
        ConditionReport.formatName, ComparisonOutput.formatName, AccuracyOutput.formatName, DeliveryCheckOutput.formatName,
        MileageLedgerOutput.formatName, QuoteOutput.formatName, DisputeListOutput.formatName, ReturnCheckOutput.formatName,
        WarrantyListOutput.formatName, ServiceVisitOutput.formatName,
        ServiceSummaryOutput.formatName, FindOutput.formatName, FeedbackListOutput.formatName, FeedbackSummaryOutput.formatName, validation,
        photoCheck, BatchSummary.formatName,
    ]

    /// The text of `inspect --version`.
    static var versionText: String {
        """
        inspect \(version)
        reads: \(reads.joined(separator: ", "))
        writes: \(writes.joined(separator: ", "))
        """
    }
}
