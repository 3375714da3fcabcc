import Common
import Foundation

/// A submission that passed validation, with everything the store needs.
package struct ValidatedSubmission: Sendable {
    /// The parsed content.
    package var submission: Submission
    /// The template it was validated (and will be graded) against.
    package var template: ChecklistTemplate
    /// The file as the user named it.
    package var displayPath: String
    /// The submission file.
    package var fileURL: URL
    /// Every referenced photo, by the path written in the submission.
    package var photos: [String: PhotoFile]
    /// Warnings found (errors would have stopped it).
    package var warnings: [Diagnostic]

    /// SHA-256 over the parsed content, the template version and every photo's bytes: re-submitting the same
    /// inspection (even re-formatted) gives the same hash; changing any finding or photo gives a new one.
    package var contentHash: String {
        struct Fingerprint: Encodable {
            let submission: Submission
            let templateSHA256: String
            let photos: [String: String]
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let fingerprint = Fingerprint(submission: submission, templateSHA256: template.sha256, photos: photos.mapValues(\.sha256))
        let data = (try? encoder.encode(fingerprint)) ?? Data()
        return SHA256.hex(of: data)
    }
}
