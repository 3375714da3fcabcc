import Common
import Foundation

/// Reads and validates checklist templates (`format: checklist-template/1`).
package enum TemplateLoader {
    /// The format line every template carries.
    package static let format = "checklist-template/1"

    /// Loads the template in `url`; its `id` must equal the file name without extension.
    package static func load(from url: URL, displayPath: String? = nil) throws(TemplateError) -> ChecklistTemplate {
        let path = displayPath ?? url.path
        let data: Data
        do { data = try Data(contentsOf: url) } catch { throw .unreadable(path: path, reason: "\(error.localizedDescription)") }
        let expectedID = url.deletingPathExtension().lastPathComponent
        return try parse(Array(data), path: path, expectedID: expectedID)
    }

    /// Parses template bytes; `expectedID` (the file name) must match the `id` inside when given.
    package static func parse(_ bytes: [UInt8], path: String, expectedID: String?) throws(TemplateError) -> ChecklistTemplate {
        var log = DiagnosticLog(file: path)
        guard let root = YAMLLoader.load(bytes, syntax: .forPath(path), limits: .template, what: "template", log: &log) else {
            throw .invalid(path: path, problems: log.sorted)
        }
        var reader = Reader(log: log)
        let template = reader.template(root, expectedID: expectedID, sha256: SHA256.hex(of: bytes))
        guard let template, !reader.log.hasErrors else { throw .invalid(path: path, problems: reader.log.sorted) }
        return template
    }

    struct Reader {
        var log: DiagnosticLog
        /// The template's result vocabulary (read before its check sections).
        var vocabulary: [CheckResult] = CheckResult.standard

        mutating func template(_ root: YAMLValue, expectedID: String?, sha256: String) -> ChecklistTemplate? {
            guard let top = log.mapping(root, item: nil) else { return nil }
            log.rejectUnknownKeys(
                top,
                allowed: ["format", "id", "title", "flags", "result_levels", "part_groups", "check_sections", "scoring", "angles", "vehicle_facts"],
                item: nil)
            if let value = log.require("format", in: top, at: root.location, item: nil), let format = log.text(value, item: nil, field: "format"),
                format != TemplateLoader.format
            {
                log.error("format \"\(format)\" is not supported (expected \(TemplateLoader.format))", at: value.location)
            }
            let idValue = log.require("id", in: top, at: root.location, item: nil)
            let id = idValue.flatMap { log.text($0, item: nil, field: "id") } ?? ""
            if let expectedID, let idValue, !id.isEmpty, id != expectedID {
                log.error("id \"\(id)\" does not match the file name \"\(expectedID)\"", at: idValue.location)
            }
            let title = log.require("title", in: top, at: root.location, item: nil).flatMap { label($0, item: "title", extra: []) }

            var flags: [ChecklistTemplate.Flag] = []
            if let value = top.first(where: { $0.key == "flags" })?.value, let pairs = log.mapping(value, item: "flags") {
                for pair in pairs {
                    if let label = label(pair.value, item: "flag \"\(pair.key)\"", extra: []) {
                        flags.append(.init(id: pair.key, label: label))
                    }
                }
            }
            let flagIDs = flags.map(\.id)
            let levels = top.first(where: { $0.key == "result_levels" }).map { resultLevels($0.value) }
            vocabulary = levels?.map(\.result) ?? CheckResult.standard

            var groups: [ChecklistTemplate.PartGroup] = []
            if let value = log.require("part_groups", in: top, at: root.location, item: nil),
                let items = log.list(value, item: nil, field: "part_groups")
            {
                for item in items { if let group = partGroup(item, flags: flagIDs) { groups.append(group) } }
            }
            var sections: [ChecklistTemplate.CheckSection] = []
            if let value = top.first(where: { $0.key == "check_sections" })?.value, let items = log.list(value, item: nil, field: "check_sections") {
                for item in items { if let section = checkSection(item, flags: flagIDs) { sections.append(section) } }
            }
            var scoring: ChecklistTemplate.Scoring?
            if let value = top.first(where: { $0.key == "scoring" })?.value { scoring = self.scoring(value, flags: flagIDs) }
            var angles: [ChecklistTemplate.Angle] = []
            if let value = top.first(where: { $0.key == "angles" })?.value, let pairs = log.mapping(value, item: "angles") {
                log.rejectUnknownKeys(pairs, allowed: ["required", "optional"], item: "angles")
                for pair in pairs where ["required", "optional"].contains(pair.key) {
                    guard let entries = log.mapping(pair.value, item: "angles.\(pair.key)") else { continue }
                    for entry in entries {
                        if !entry.key.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isASCIIDigit || $0 == "_") }) {
                            log.error("angle ids use a-z, 0-9 and _ only", at: entry.keyAt, item: "angle \"\(entry.key)\"")
                        }
                        if angles.contains(where: { $0.id == entry.key }) {
                            log.error("angle listed twice", at: entry.keyAt, item: "angle \"\(entry.key)\"")
                        }
                        if let label = label(entry.value, item: "angle \"\(entry.key)\"", extra: []) {
                            angles.append(.init(id: entry.key, label: label, required: pair.key == "required"))
                        }
                    }
                }
            }
            crossCheck(groups: groups, sections: sections, scoring: scoring, at: root.location)
            guard let title else { return nil }
            var template = ChecklistTemplate(
                id: id, title: title, partGroups: groups, checkSections: sections, scoring: scoring, angles: angles, flags: flags,
                sha256: sha256)
            if let levels { template.resultLevels = levels }
            if let value = top.first(where: { $0.key == "vehicle_facts" })?.value { (template.vehicleUses, template.equipment) = vehicleFacts(value) }
            return template
        }

        mutating func label(_ value: YAMLValue, item: String, extra: [String]) -> LocalizedText? {
            guard let pairs = log.mapping(value, item: item) else { return nil }
            log.rejectUnknownKeys(pairs, allowed: ["zh", "en"] + extra, item: item)
            let zh = log.require("zh", in: pairs, at: value.location, item: item).flatMap { log.text($0, item: item, field: "zh") }
            let en = log.require("en", in: pairs, at: value.location, item: item).flatMap { log.text($0, item: item, field: "en") }
            guard let zh, let en else { return nil }
            return LocalizedText(zh: zh, en: en)
        }

        mutating func flagReference(_ pairs: [(key: String, keyAt: SourceLocation, value: YAMLValue)], flags: [String], item: String) -> String? {
            guard let value = pairs.first(where: { $0.key == "raises" })?.value, let flag = log.text(value, item: item, field: "raises") else {
                return nil
            }
            if !flags.contains(flag) {
                log.error("raises unknown flag \"\(flag)\" (declared flags: \(flags.joined(separator: " ")))", at: value.location, item: item)
            }
            return flag
        }

        mutating func partGroup(_ value: YAMLValue, flags: [String]) -> ChecklistTemplate.PartGroup? {
            guard let pairs = log.mapping(value, item: "part group") else { return nil }
            let id =
                log.require("id", in: pairs, at: value.location, item: "part group").flatMap { log.text($0, item: "part group", field: "id") } ?? "?"
            let item = "part group \"\(id)\""
            log.rejectUnknownKeys(pairs, allowed: ["id", "label", "raises", "section", "defects", "degrees", "positions", "parts"], item: item)
            let groupLabel = log.require("label", in: pairs, at: value.location, item: item).flatMap { label($0, item: item, extra: []) }
            let raises = flagReference(pairs, flags: flags, item: item)
            let section = pairs.first(where: { $0.key == "section" }).flatMap { log.text($0.value, item: item, field: "section") }
            var defects: [ChecklistTemplate.DefectType] = []
            if let list = log.require("defects", in: pairs, at: value.location, item: item), let entries = log.mapping(list, item: item) {
                for entry in entries {
                    if !(entry.key.count >= 1 && entry.key.allSatisfy({ $0.isASCII && $0.isUppercase })) {
                        log.error("defect codes are upper-case letters", at: entry.keyAt, item: "\(item) defect \"\(entry.key)\"")
                    }
                    if let l = label(entry.value, item: "\(item) defect \"\(entry.key)\"", extra: []) {
                        defects.append(.init(code: entry.key, label: l))
                    }
                }
                if defects.isEmpty { log.error("no defect types", at: list.location, item: item) }
            }
            let degrees = pairs.first(where: { $0.key == "degrees" }).map { self.degrees($0.value, item: item, section: section) } ?? []
            let positions = pairs.first(where: { $0.key == "positions" }).map { self.positions($0.value, item: item) } ?? []
            if section != nil && degrees.isEmpty {
                log.error("a group scored in a section needs degrees with deductions", at: value.location, item: item)
            }
            var parts: [ChecklistTemplate.Part] = []
            if let list = log.require("parts", in: pairs, at: value.location, item: item), let entries = log.mapping(list, item: item) {
                for entry in entries {
                    if !(entry.key.allSatisfy(\.isASCIIDigit) && !entry.key.isEmpty) {
                        log.error(
                            "part codes are numbers (they are followed by the defect letters in compact codes)", at: entry.keyAt,
                            item: "part \"\(entry.key)\"")
                    }
                    if let l = label(entry.value, item: "part \"\(entry.key)\"", extra: []) { parts.append(.init(code: entry.key, label: l)) }
                }
                if parts.isEmpty { log.error("no parts", at: list.location, item: item) }
            }
            guard let groupLabel else { return nil }
            return .init(
                id: id, label: groupLabel, defectTypes: defects, degrees: degrees, parts: parts, raises: raises, section: section,
                positions: positions)
        }

        mutating func checkSection(_ value: YAMLValue, flags: [String]) -> ChecklistTemplate.CheckSection? {
            guard let pairs = log.mapping(value, item: "check section") else { return nil }
            let id =
                log.require("id", in: pairs, at: value.location, item: "check section").flatMap { log.text($0, item: "check section", field: "id") }
                ?? "?"
            let item = "check section \"\(id)\""
            if id.contains(".") { log.error("section ids must not contain \".\"", at: value.location, item: item) }
            log.rejectUnknownKeys(
                pairs, allowed: ["id", "label", "required_stages", "results", "section", "deductions", "raises", "checks"], item: item)
            let sectionLabel = log.require("label", in: pairs, at: value.location, item: item).flatMap { label($0, item: item, extra: []) }
            var stages: [Stage] = []
            if let list = pairs.first(where: { $0.key == "required_stages" })?.value,
                let entries = log.list(list, item: item, field: "required_stages")
            {
                for entry in entries {
                    if let name = log.choice(entry, allowed: Stage.allNames, item: item, field: "stage"), let stage = Stage(rawValue: name) {
                        stages.append(stage)
                    }
                }
            }
            var results = vocabulary
            if let list = pairs.first(where: { $0.key == "results" })?.value, let entries = log.list(list, item: item, field: "results") {
                results = entries.compactMap { entry in
                    log.choice(entry, allowed: vocabulary.map(\.rawValue), item: item, field: "result").flatMap(CheckResult.init(rawValue:))
                }
                if !results.contains(.ok) { log.error("results must include ok", at: list.location, item: item) }
            }
            let section = pairs.first(where: { $0.key == "section" }).flatMap { log.text($0.value, item: item, field: "section") }
            var deductions: [CheckResult: Points] = [:]
            if let map = pairs.first(where: { $0.key == "deductions" })?.value, let entries = log.mapping(map, item: item) {
                for entry in entries {
                    guard let result = CheckResult(rawValue: entry.key), vocabulary.contains(result) else {
                        log.error(
                            "deductions: unknown result \"\(entry.key)\" (allowed: \(vocabulary.map(\.rawValue).joined(separator: " ")))",
                            at: entry.keyAt,
                            item: item)
                        continue
                    }
                    deductions[result] = log.points(entry.value, item: item, field: "deduction for \(entry.key)")
                }
            } else if section != nil {
                log.error("a scored section needs deductions (e.g. {minor: 1, major: 2})", at: value.location, item: item)
            }
            let raises = flagReference(pairs, flags: flags, item: item)
            var checks: [ChecklistTemplate.Check] = []
            if let list = log.require("checks", in: pairs, at: value.location, item: item), let entries = log.mapping(list, item: item) {
                for (offset, entry) in entries.enumerated() {
                    let checkID = "\(id).\(entry.key)"
                    let checkItem = "check \"\(checkID)\""
                    if Int(entry.key) != offset + 1 {
                        log.error("checks must be numbered 1, 2, 3 ... in order", at: entry.keyAt, item: checkItem)
                    }
                    guard let l = label(entry.value, item: checkItem, extra: ["raises", "results", "measure", "documents"]) else { continue }
                    let entryPairs = log.mapping(entry.value, item: checkItem) ?? []
                    var checkResults: [CheckResult]?
                    if let list = entryPairs.first(where: { $0.key == "results" })?.value,
                        let entries = log.list(list, item: checkItem, field: "results")
                    {
                        checkResults = entries.compactMap { entry in
                            log.choice(entry, allowed: results.map(\.rawValue), item: checkItem, field: "result").flatMap(CheckResult.init(rawValue:))
                        }
                        if checkResults?.contains(.ok) != true { log.error("results must include ok", at: list.location, item: checkItem) }
                    }
                    let measure = entryPairs.first { $0.key == "measure" }.flatMap { self.measure($0.value, item: checkItem) }
                    let documents = entryPairs.first { $0.key == "documents" }.flatMap {
                        log.choice($0.value, allowed: ["true", "false"], item: checkItem, field: "documents")
                    }
                    checks.append(
                        .init(
                            id: checkID, label: l, raises: flagReference(entryPairs, flags: flags, item: checkItem), results: checkResults,
                            measure: measure, coversDocuments: documents == "true"))
                }
                if checks.isEmpty { log.error("no checks", at: list.location, item: item) }
            }
            guard let sectionLabel else { return nil }
            return .init(
                id: id, label: sectionLabel, requiredStages: stages, results: results, section: section, deductions: deductions, raises: raises,
                checks: checks)
        }
    }
}
