import ArgumentParser
import Foundation
import Inspection

/// `--plausibility-policy`: the dates and odometer figures an inspection must fit, for the commands that take in or
/// report inspections.
struct PlausibilityOptions: ParsableArguments {
    @Option(
        name: .long,
        help: "Plausibility policy file (default: $INSPECT_PLAUSIBILITY_POLICY, else ./config/plausibility-policy.yaml, else the installed one).")
    var plausibilityPolicy: String?

    /// The policy: explicit file, environment, ./config/plausibility-policy.yaml, then the installed or shipped one.
    func policy() throws -> PlausibilityPolicy {
        let path =
            plausibilityPolicy ?? Defaults.environment("INSPECT_PLAUSIBILITY_POLICY")
            ?? Defaults.shippedCandidates("config/plausibility-policy.yaml").first?.path
        guard let path else {
            throw CLIFailure.invalid("no plausibility policy found; pass --plausibility-policy or set INSPECT_PLAUSIBILITY_POLICY")
        }
        do { return try PlausibilityPolicyLoader.load(from: URL(filePath: path)) } catch { throw CLIFailure.invalid(error.description) }
    }

    /// A validator under `templates` with this policy, checking dates against `now` (UTC text from ``ClockOptions``).
    func validator(_ templates: TemplateOptions, now: String) throws -> SubmissionValidator {
        SubmissionValidator(catalog: templates.catalog(), plausibility: try policy(), now: try? Timestamp.parse(now).get())
    }
}
