/// A stored photo row: where its normalised files are and what was measured.
package struct StoredPhoto: Sendable, Hashable {
    /// Position within its inspection.
    package var seq: Int
    /// What it is for.
    package var role: PhotoRole
    /// The angle id, for walkaround photos.
    package var angle: String?
    /// For defect photos: the defect's position (1-based) in its submission.
    package var findingSeq: Int?
    /// The path written in the submission.
    package var sourcePath: String
    /// SHA-256 of the original file.
    package var sourceSHA256: String
    /// SHA-256 of the normalised pixels.
    package var pixelSHA256: String?
    /// The normalised image, relative to the database's folder.
    package var storedPath: String
    /// The thumbnail, relative to the database's folder.
    package var thumbnailPath: String?
    /// Normalised size.
    package var width: Int?
    /// See ``width``.
    package var height: Int?
    /// EXIF orientation that was applied.
    package var orientation: Int?
    /// dHash, 16 hex digits.
    package var dHash: String
    /// pHash, 64 hex digits.
    package var pHash: String
    /// Worst quality verdict (ok / warn / fail).
    package var verdict: String?
    /// The gates that did not pass.
    package var problems: [PhotoProblem] = []

    /// Creates the record.
    package init(
        seq: Int, role: PhotoRole, angle: String?, findingSeq: Int?, sourcePath: String, sourceSHA256: String, pixelSHA256: String?,
        storedPath: String,
        thumbnailPath: String?, width: Int?, height: Int?, orientation: Int?, dHash: String, pHash: String, verdict: String?,
        problems: [PhotoProblem] = []
    ) {
        self.seq = seq
        self.role = role
        self.angle = angle
        self.findingSeq = findingSeq
        self.sourcePath = sourcePath
        self.sourceSHA256 = sourceSHA256
        self.pixelSHA256 = pixelSHA256
        self.storedPath = storedPath
        self.thumbnailPath = thumbnailPath
        self.width = width
        self.height = height
        self.orientation = orientation
        self.dHash = dHash
        self.pHash = pHash
        self.verdict = verdict
        self.problems = problems
    }

}
