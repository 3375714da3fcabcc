import ImageOps
import Inspection

/// The whole intake of one validated submission: skip it when unchanged, otherwise normalise its photos, review them
/// against the photo policy, and store it when nothing blocks. Shared by `inspect submit` (and later the batch).
package struct SubmissionIntake: Sendable {
    /// What happened to one submission.
    package struct Result: Sendable {
        /// Photo problems (errors block storing; warnings are reported).
        package var diagnostics: [Diagnostic]
        /// What the store did, or nil when a photo error blocked it.
        package var outcome: SubmitOutcome?
    }

    /// Where it is stored.
    package let store: InspectionStore
    /// Sizes, limits, gates, reuse distances.
    package let policy: PhotoPolicy
    /// Photos normalised at once.
    package let concurrency: Int

    /// Creates an intake.
    package init(store: InspectionStore, policy: PhotoPolicy, concurrency: Int) {
        self.store = store
        self.policy = policy
        self.concurrency = concurrency
    }

    /// Takes in `validated`, stamping new records with `submittedAt`.
    package func take(_ validated: ValidatedSubmission, submittedAt: String) throws(StoreError) -> Result {
        let submission = validated.submission
        if let latest = try store.latestRevision(vin: submission.vehicle.vin.value, stage: submission.stage), latest.hash == validated.contentHash {
            return Result(
                diagnostics: [], outcome: .unchanged(vin: submission.vehicle.vin.value, stage: submission.stage.rawValue, revision: latest.revision))
        }
        let results = PhotoBatch(policy: policy, concurrency: concurrency).normalise(validated.photos)
        let diagnostics = PhotoReview.diagnostics(for: validated, results: results, policy: policy)
        guard !diagnostics.contains(where: { $0.severity == .error }) else { return Result(diagnostics: diagnostics, outcome: nil) }
        let photos = results.compactMapValues { try? $0.get() }
        return Result(diagnostics: diagnostics, outcome: try store.submit(validated, photos: photos, policy: policy, submittedAt: submittedAt))
    }
}
