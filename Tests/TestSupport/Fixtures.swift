import Foundation
import Inspection

/// Paths and builders shared by the test targets.
package enum Fixtures {
    /// The repository root, found from this file's path.
    package static let repoRoot: URL = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// `checklists/`.
    package static let checklists = repoRoot.appending(path: "checklists")

    /// `samples/day-2026-11-20/`.
    package static let sampleDay = repoRoot.appending(path: "samples/day-2026-11-20")

    /// `config/photo-policy.yaml`.
    package static let photoPolicyFile = repoRoot.appending(path: "config/photo-policy.yaml")

    /// `config/mileage-policy.yaml`.
    package static let mileagePolicyFile = repoRoot.appending(path: "config/mileage-policy.yaml")

    /// The shipped mileage policy.
    package static func mileagePolicy() throws -> MileagePolicy { try MileagePolicyLoader.load(from: mileagePolicyFile) }

    /// `config/repair-costs.yaml`.
    package static let costTableFile = repoRoot.appending(path: "config/repair-costs.yaml")

    /// `config/after-sale-policy.yaml`.
    package static let afterSalePolicyFile = repoRoot.appending(path: "config/after-sale-policy.yaml")

    /// The shipped after-sale policy.
    package static func afterSalePolicy() throws -> AfterSalePolicy { try AfterSalePolicy.load(from: afterSalePolicyFile) }

    /// `config/plausibility-policy.yaml`.
    package static let plausibilityPolicyFile = repoRoot.appending(path: "config/plausibility-policy.yaml")

    /// The shipped plausibility policy.
    package static func plausibilityPolicy() throws -> PlausibilityPolicy { try PlausibilityPolicyLoader.load(from: plausibilityPolicyFile) }

    /// The shipped (example) cost table.
    package static func costTable() throws -> CostTable { try CostTableLoader.load(from: costTableFile) }

    /// The test corpora in the repository (`Tests/Fixtures/corpora`: a small selection of public corpora, each
    /// folder with its licence; see its README).
    package static let corpora: URL = repoRoot.appending(path: "Tests/Fixtures/corpora")

    /// The full corpora when `$INSPECT_CORPORA` names them (same layout, plus `bench/`): extra cases only, never needed.
    package static let extraCorpora: URL? = {
        guard let path = ProcessInfo.processInfo.environment["INSPECT_CORPORA"], !path.isEmpty else { return nil }
        precondition(FileManager.default.fileExists(atPath: path), "INSPECT_CORPORA=\(path) does not exist")
        return URL(filePath: path)
    }()

    /// A file of the in-repository corpora.
    package static func corpus(_ relative: String) -> URL { corpora.appending(path: relative) }

    /// The files of a corpus folder (in-repository unless `root` says otherwise), sorted, without hidden files.
    package static func corpusFiles(_ relative: String, in root: URL = corpora) -> [URL] {
        let folder = root.appending(path: relative)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.sorted().filter { !$0.hasPrefix(".") }.map { folder.appending(path: $0) }
    }

    /// The expected outcome of every file of a hostile corpus folder, from `<folder>.expected` beside it
    /// (`name<TAB>outcome` per line), keyed by file name.
    package static func expectedOutcomes(_ relative: String) throws -> [String: String] {
        let text = try String(contentsOf: corpora.appending(path: relative + ".expected"), encoding: .utf8)
        var outcomes: [String: String] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: "\t", maxSplits: 1)
            guard parts.count == 2 else { continue }
            outcomes[String(parts[0])] = String(parts[1])
        }
        return outcomes
    }

    /// A catalog over `checklists/`.
    package static func catalog() -> TemplateCatalog { TemplateCatalog(folders: [checklists]) }

    /// The GB/T 30323 template.
    package static func gbt() throws -> ChecklistTemplate { try catalog().template(id: "gbt30323-2013") }

    /// The 18 required walkaround angles of the GB/T template (the four wheels included).
    package static let requiredAngles = [
        "front_left_45", "front", "front_right_45", "right_side", "rear_right_45", "rear", "rear_left_45", "left_side",
        "dashboard_odometer", "vin_plate", "engine_bay", "front_seats", "rear_seats", "trunk", "wheel_lf", "wheel_rf", "wheel_rr", "wheel_lr",
    ]

    /// The 61 required checks of the GB/T template, by section.
    package static let requiredSections = [("tradeable", 8), ("engine", 10), ("cabin", 15), ("start", 10), ("road", 10), ("chassis", 8)]

    /// A valid GB/T appraisal (or other stage) as YAML text; `results` overrides check answers.
    package static func submissionYAML(
        vin: String = "LSVAM4189C2184526", stage: String = "appraisal", reading: String = "48210", unit: String = "km",
        defects: String = "defects:\n  - code: 14HH2\n    photos: [photos/defect.jpg]\n  - { part: \"21\", defect: XS, degree: 1 }",
        results: [String: String] = [:], extra: String = ""
    ) -> String {
        var lines = [
            "format: inspection/1",
            "template: gbt30323-2013",
            "stage: \(stage)",
            "vehicle:",
            "  vin: \(vin)",
            "  plate: 京N8P2Q1",
            "inspector: { id: APR-0117, name: 王磊 }",
            "inspected_at: 2026-11-20T09:30:00+08:00",
            "site: BJ-Yizhuang",
            "odometer: { reading: \(reading), unit: \(unit), photo: photos/dashboard_odometer.jpg }",
        ]
        if !defects.isEmpty { lines.append(defects) }
        lines.append("checks:")
        for (section, count) in requiredSections {
            for n in 1...count { lines.append("  \(section).\(n): \(results["\(section).\(n)"] ?? "ok")") }
        }
        let required = Set(requiredSections.flatMap { section, count in (1...count).map { "\(section).\($0)" } })
        for (id, result) in results.sorted(by: { $0.key < $1.key }) where !required.contains(id) {
            lines.append("  \(id): \(result)")
        }
        lines.append("photos:")
        for angle in requiredAngles { lines.append("  \(angle): photos/\(angle).jpg") }
        if !extra.isEmpty { lines.append(extra) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Writes the photos every ``submissionYAML`` references into `folder/photos` (distinct small JPEGs from
    /// the sample day, so their hashes differ per angle).
    package static func writePhotos(into folder: TemporaryFolder, subfolder: String = "") throws {
        let source = sampleDay.appending(path: "LSVAM4189C2184526/photos")
        let prefix = subfolder.isEmpty ? "" : subfolder + "/"
        for angle in requiredAngles {
            try folder.write(try Data(contentsOf: source.appending(path: "\(angle).jpg")), to: "\(prefix)photos/\(angle).jpg")
        }
        try folder.write(try Data(contentsOf: source.appending(path: "defect-14HH2.jpg")), to: "\(prefix)photos/defect.jpg")
    }

    /// Validates `text` written as `name` in a folder that has the standard photos.
    package static func validate(_ text: String, name: String = "appraisal.yaml", in folder: TemporaryFolder? = nil) throws -> ValidationReport {
        let folder = folder ?? TemporaryFolder()
        try writePhotos(into: folder)
        let url = try folder.write(text, to: name)
        return withExtendedLifetime(folder) {
            SubmissionValidator(catalog: catalog()).validate(fileAt: url, displayPath: name)
        }
    }

    /// Validates raw bytes written as `name`.
    package static func validate(bytes: [UInt8], name: String = "appraisal.yaml") throws -> ValidationReport {
        let folder = TemporaryFolder()
        let url = try folder.write(Data(bytes), to: name)
        return withExtendedLifetime(folder) {
            SubmissionValidator(catalog: catalog()).validate(fileAt: url, displayPath: name)
        }
    }
}

extension String {
    /// The 1-based line number of the first line containing `needle` (0 when absent).
    package func line(of needle: String) -> Int {
        let lines = split(separator: "\n", omittingEmptySubsequences: false)
        return (lines.firstIndex { $0.contains(needle) } ?? -1) + 1
    }
}
