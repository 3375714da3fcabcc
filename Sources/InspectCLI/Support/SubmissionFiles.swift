import ArgumentParser
import Foundation
import Inspection

/// The submission files a command reads, and how each is validated.
struct SubmissionFiles: ParsableArguments {
    @Argument(help: "Submission files (YAML or JSON).")
    var files: [String]

    func validate() throws {
        if files.isEmpty { throw ValidationError("name at least one submission file") }
    }

    /// Validates every file with `validator`, in the order given, naming each as the user did.
    func reports(using validator: SubmissionValidator) -> [ValidationReport] {
        files.map { validator.validate(fileAt: URL(filePath: $0), displayPath: $0) }
    }
}
