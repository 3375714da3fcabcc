import ArgumentParser
import Foundation
import Inspection

/// `--after-sale-policy`: the return window, trial-week km and warranty period, for `return` and `warranty`.
struct AfterSalePolicyOptions: ParsableArguments {
    @Option(
        name: .customLong("after-sale-policy"),
        help: "After-sale policy file (default: $INSPECT_AFTER_SALE_POLICY, else ./config/after-sale-policy.yaml, else the installed one).")
    var afterSalePolicy: String?

    /// The policy: explicit file, environment, ./config/after-sale-policy.yaml, then the installed or shipped one.
    func policy() throws -> AfterSalePolicy {
        guard let policy = try optionalPolicy() else {
            throw CLIFailure.invalid("no after-sale policy found; pass --after-sale-policy or set INSPECT_AFTER_SALE_POLICY")
        }
        return policy
    }

    /// The policy when one is found (a report then gives a return its verdict); a broken one is refused.
    func optionalPolicy() throws -> AfterSalePolicy? {
        let path =
            afterSalePolicy ?? Defaults.environment("INSPECT_AFTER_SALE_POLICY")
            ?? Defaults.shippedCandidates("config/after-sale-policy.yaml").first?.path
        guard let path else { return nil }
        do { return try AfterSalePolicy.load(from: URL(filePath: path)) } catch { throw CLIFailure.invalid(error.description) }
    }
}
