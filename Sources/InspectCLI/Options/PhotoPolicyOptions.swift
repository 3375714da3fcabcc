import ArgumentParser
import Foundation
import ImageOps

/// `--photo-policy`: sizes, decode limits, quality gates and reuse distances, for the commands that handle photos.
struct PhotoPolicyOptions: ParsableArguments {
    @Option(name: .long, help: "Photo policy file (default: $INSPECT_PHOTO_POLICY, else ./config/photo-policy.yaml, else the installed one).")
    var photoPolicy: String?

    /// The photo policy: explicit file, environment, ./config/photo-policy.yaml, then the installed or shipped one.
    func policy() throws -> PhotoPolicy {
        let path = photoPolicy ?? Defaults.environment("INSPECT_PHOTO_POLICY") ?? Defaults.shippedCandidates("config/photo-policy.yaml").first?.path
        guard let path else { throw CLIFailure.invalid("no photo policy found; pass --photo-policy or set INSPECT_PHOTO_POLICY") }
        do { return try PhotoPolicyLoader.load(from: URL(filePath: path)) } catch { throw CLIFailure.invalid(error.description) }
    }
}
