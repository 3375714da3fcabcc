import Common
import ImageOps
import Inspection
import Store

/// The submit use case for one validated submission: skip it when unchanged, otherwise normalise its photos, review
/// them against the photo policy, grade it, and store it when nothing blocks. Used by `submit`, `deliver` and `batch`.
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
        var cache: [String: NormalisedPhoto] = [:]
        return try take(validated, submittedAt: submittedAt, cache: &cache)
    }

    /// Takes in `validated`, reusing photos normalised earlier (keyed by the source file's SHA-256, e.g. the same file
    /// referenced by a car's appraisal and audit) and adding the ones it normalises to `cache`.
    package func take(_ validated: ValidatedSubmission, submittedAt: String, cache: inout [String: NormalisedPhoto]) throws(StoreError) -> Result {
        let submission = validated.submission
        if let latest = try store.latestRevision(vin: submission.vehicle.vin.value, stage: submission.stage), latest.hash == validated.contentHash {
            return Result(
                diagnostics: [], outcome: .unchanged(vin: submission.vehicle.vin.value, stage: submission.stage.rawValue, revision: latest.revision))
        }
        let todo = validated.photos.filter { cache[$0.value.sha256] == nil }
        var results = PhotoBatch(policy: policy, concurrency: concurrency).normalise(todo.mapValues(PhotoSource.init))
        for (path, file) in validated.photos where results[path] == nil {
            if let cached = cache[file.sha256] { results[path] = .success(cached) }
        }
        for (path, result) in results {
            if case let .success(photo) = result, let file = validated.photos[path] { cache[file.sha256] = photo }
        }
        let diagnostics = PhotoReview.diagnostics(for: validated, results: results, policy: policy)
        guard !diagnostics.contains(where: { $0.severity == .error }) else { return Result(diagnostics: diagnostics, outcome: nil) }
        let photos = results.compactMapValues { try? $0.get() }
        let assessment = Grader.assess(validated.submission, template: validated.template)
        let outcome = try store.submit(validated, assessment: assessment, photos: photos, policy: policy, submittedAt: submittedAt)
        if case let .stored(revision) = outcome, submission.stage == .delivery, let codes = submission.disputes, !codes.isEmpty {
            try DisputeWorkflow.openFromDelivery(submission, inspectionID: revision.inspectionID, store: store, recordedAt: submittedAt)
        }
        return Result(diagnostics: diagnostics, outcome: outcome)
    }
}

extension SubmissionIntake {
    /// Checks that `validated` is a `stage` submission of `vin` (the one rule of `deliver` and `return`), and stores it
    /// with a failing photo gate left as a warning (a handover photo is a reason for attention, not a refusal). Returns
    /// nil when a photo could not be read (nothing stored).
    package static func storeHandover(
        _ validated: ValidatedSubmission, stage: Stage, vin: String, store: InspectionStore, policy: PhotoPolicy, concurrency: Int,
        submittedAt: String
    ) throws(HandoverFailure) -> Result? {
        if let problem = handoverProblem(validated, stage: stage, vin: vin) { throw .wrongSubmission(problem) }
        let result: Result
        do {
            result = try SubmissionIntake(store: store, policy: policy.forHandover, concurrency: concurrency).take(
                validated, submittedAt: submittedAt)
        } catch {
            throw .store(error)
        }
        return result.outcome == nil ? nil : result
    }

    /// Why `validated` is not a `stage` submission of `vin` (nil: it is).
    package static func handoverProblem(_ validated: ValidatedSubmission, stage: Stage, vin: String) -> String? {
        let submission = validated.submission
        if submission.stage != stage {
            return "\(validated.displayPath): stage is \(submission.stage.rawValue); this command takes a \(stage.rawValue) submission"
        }
        if submission.vehicle.vin.value != vin {
            return "\(validated.displayPath): the submission is for VIN \(submission.vehicle.vin.value), not \(vin)"
        }
        return nil
    }

    /// Why a handover was not stored.
    package enum HandoverFailure: Error, Sendable, Equatable {
        case wrongSubmission(String)
        case store(StoreError)
    }
}

extension PhotoPolicy {
    /// The policy a handover (delivery, return) is stored under: a failing photo gate is a warning, a reason for
    /// attention in the verdict, never a refusal to store what the specialist recorded at the door.
    package var forHandover: PhotoPolicy {
        var lenient = self
        lenient.requiredAngleFailureIsError = false
        return lenient
    }
}
