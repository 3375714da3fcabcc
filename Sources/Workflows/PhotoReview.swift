import Common
import ImageOps
import Inspection

/// Turns the normalisation results of a submission's photos into diagnostics: an undecodable photo is an error; a
/// failing gate on a required walkaround angle is an error or a warning as the policy says; anything else that does
/// not pass is a warning.
package enum PhotoReview {
    /// Diagnostics for `submission`'s photos, in the order the submission lists them.
    package static func diagnostics(
        for validated: ValidatedSubmission, results: [String: Result<NormalisedPhoto, ImageError>], policy: PhotoPolicy
    ) -> [Diagnostic] {
        let submission = validated.submission
        var uses: [(path: String, label: String, required: Bool)] = []
        if let odometer = submission.odometer.photo { uses.append((odometer, "odometer photo", false)) }
        for photo in submission.photos {
            uses.append((photo.path, "photo \"\(photo.angle)\"", validated.template.angle(photo.angle)?.required ?? false))
        }
        for defect in submission.defects {
            for path in defect.photos { uses.append((path, "defect \"\(defect.code)\" photo", false)) }
        }
        var result: [Diagnostic] = []
        for use in uses {
            guard let outcome = results[use.path] else { continue }
            switch outcome {
            case let .failure(error):
                result.append(Diagnostic(.error, file: validated.displayPath, at: nil, item: use.label, "\(use.path): \(error)"))
            case let .success(photo):
                for gate in photo.quality.gates where gate.verdict != .ok {
                    let isError = gate.verdict == .fail && use.required && policy.requiredAngleFailureIsError
                    result.append(
                        Diagnostic(
                            isError ? .error : .warning, file: validated.displayPath, at: nil, item: use.label,
                            "\(use.path): \(gate.summary)"))
                }
            }
        }
        return result
    }
}
