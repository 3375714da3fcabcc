import ArgumentParser
import Foundation
import Inspection

/// `--costs`: the repair cost table, for the commands that price findings (`quote`, and the report's estimate).
struct CostTableOptions: ParsableArguments {
    @Option(name: .long, help: "Repair cost table (default: $INSPECT_COSTS, else ./config/repair-costs.yaml, else the installed one).")
    var costs: String?

    /// The cost table: explicit file, environment, ./config/repair-costs.yaml, then the installed or shipped one.
    func table() throws -> CostTable {
        guard let table = try optionalTable() else {
            throw CLIFailure.invalid("no repair cost table found; pass --costs or set INSPECT_COSTS")
        }
        return table
    }

    /// The cost table when one is configured (the report's estimate is left out without one); a broken one is refused.
    func optionalTable() throws -> CostTable? {
        let path = costs ?? Defaults.environment("INSPECT_COSTS") ?? Defaults.shippedCandidates("config/repair-costs.yaml").first?.path
        guard let path else { return nil }
        do { return try CostTableLoader.load(from: URL(filePath: path)) } catch { throw CLIFailure.invalid(error.description) }
    }
}
