/// One stored revision of an inspection, as read back from the database.
package struct StoredInspection: Sendable, Hashable {
    /// Row id.
    package var id: Int64
    /// Stage.
    package var stage: Stage
    /// 1, 2, ... per VIN and stage.
    package var revision: Int
    /// SHA-256 of the content (see ``ValidatedSubmission/contentHash``).
    package var contentHash: String
    /// When it was stored (UTC, from the injected clock).
    package var submittedAt: String
    /// The file it came from, as named at submit time.
    package var sourcePath: String
    /// The submission as validated.
    package var submission: Submission
    /// Scores, grade and flags computed at submit time.
    package var assessment: Assessment
    /// Worst quality verdict of each stored photo row, in order (empty for rows stored before normalisation).
    package var photoVerdicts: [String] = []
    /// Photos of this inspection that matched other cars' photos when it was stored.
    package var reuse: [ReuseMatch] = []

    /// Creates the record.
    package init(
        id: Int64, stage: Stage, revision: Int, contentHash: String, submittedAt: String, sourcePath: String, submission: Submission,
        assessment: Assessment, photoVerdicts: [String] = [], reuse: [ReuseMatch] = []
    ) {
        self.id = id
        self.stage = stage
        self.revision = revision
        self.contentHash = contentHash
        self.submittedAt = submittedAt
        self.sourcePath = sourcePath
        self.submission = submission
        self.assessment = assessment
        self.photoVerdicts = photoVerdicts
        self.reuse = reuse
    }

}
