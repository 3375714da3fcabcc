import ArgumentParser
import Foundation
import Inspection

/// `--mileage-policy`: leg allowances and flag thresholds, for the commands that weigh odometer readings.
struct MileagePolicyOptions: ParsableArguments {
    @Option(
        name: .long,
        help: "Mileage policy file (default: $INSPECT_MILEAGE_POLICY, else ./config/mileage-policy.yaml, else the installed one).")
    var mileagePolicy: String?

    /// The mileage policy: explicit file, environment, ./config/mileage-policy.yaml, then the installed or shipped one.
    func mileage() throws -> MileagePolicy {
        let path =
            mileagePolicy ?? Defaults.environment("INSPECT_MILEAGE_POLICY") ?? Defaults.shippedCandidates("config/mileage-policy.yaml").first?.path
        guard let path else { throw CLIFailure.invalid("no mileage policy found; pass --mileage-policy or set INSPECT_MILEAGE_POLICY") }
        do { return try MileagePolicyLoader.load(from: URL(filePath: path)) } catch { throw CLIFailure.invalid(error.description) }
    }
}
