import Common

/// Defects, checks and walkaround photos, checked against the template.
extension SubmissionReader {
    mutating func readDefects(_ value: YAMLValue) -> [Defect] {
        guard let items = log.list(value, item: nil, field: "defects") else { return [] }
        var defects: [Defect] = []
        var seen: [String: Int] = [:]
        for entry in items {
            guard let defect = readDefect(entry) else { continue }
            let key = defect.part + defect.type
            if let line = seen[key] {
                log.error(
                    "part \(defect.part) already has defect \(defect.type) (line \(line)); list each part and defect once",
                    at: entry.location, item: "defect \"\(defect.code)\"")
                continue
            }
            seen[key] = entry.location.line
            defects.append(defect)
        }
        return defects
    }

    private mutating func readDefect(_ entry: YAMLValue) -> Defect? {
        var part: String?, type: String?, degree: Int?
        var item = "defect"
        var photoPaths: [String] = []
        var note: String?
        var degreeLocation = entry.location
        var at = entry.location
        var detail = DefectDetail(compact: false)
        switch entry.kind {
        case .scalar:
            guard let code = log.text(entry, item: item, field: "defect code") else { return nil }
            item = "defect \"\(code)\""
            guard let pieces = Defect.split(code: code) else {
                log.error("\"\(code)\" is not a defect code (part number, defect letters, degree; e.g. 14HH2 or 4SH)", at: entry.location, item: item)
                return nil
            }
            (part, type, degree) = pieces
            detail.compact = true
        case .sequence:
            log.error("expected a defect code or a mapping, found a list", at: entry.location, item: item)
            return nil
        case .mapping:
            guard let pairs = log.mapping(entry, item: item) else { return nil }
            let codeValue = pairs.first(where: { $0.key == "code" })?.value
            let longKeys = pairs.filter { ["part", "defect", "degree"].contains($0.key) }
            if let codeValue {
                guard let code = log.text(codeValue, item: item, field: "code") else { return nil }
                item = "defect \"\(code)\""
                log.rejectUnknownKeys(pairs, allowed: ["code", "photos", "note", "position", "value"], item: item)
                if let first = longKeys.first {
                    log.error("give either code or part/defect/degree, not both", at: first.keyAt, item: item)
                }
                guard let pieces = Defect.split(code: code) else {
                    log.error(
                        "\"\(code)\" is not a defect code (part number, defect letters, degree; e.g. 14HH2 or 4SH)", at: codeValue.location,
                        item: item)
                    return nil
                }
                (part, type, degree) = pieces
                degreeLocation = codeValue.location
                at = codeValue.location
            } else {
                log.rejectUnknownKeys(pairs, allowed: ["part", "defect", "degree", "photos", "note", "position", "value"], item: item)
                let partValue = log.require("part", in: pairs, at: entry.location, item: item)
                at = partValue?.location ?? entry.location
                part = partValue.flatMap { log.text($0, item: item, field: "part") }
                type = log.require("defect", in: pairs, at: entry.location, item: item).flatMap { log.text($0, item: item, field: "defect") }
                if let degreeValue = pairs.first(where: { $0.key == "degree" })?.value, !degreeValue.isNull {
                    degree = log.integer(degreeValue, item: item, field: "degree")
                    degreeLocation = degreeValue.location
                    if degree == nil { return nil }
                }
                if let part, let type { item = "defect \"\(part)\(type)\(degree.map(String.init) ?? "")\"" }
            }
            if let photosValue = pairs.first(where: { $0.key == "photos" })?.value, !photosValue.isNull,
                let list = log.list(photosValue, item: item, field: "photos")
            {
                for photo in list {
                    guard let path = log.text(photo, item: item, field: "photo path") else { continue }
                    checkPhoto(path, at: photo.location, item: "\(item) photo")
                    photoPaths.append(path)
                }
            }
            note = optionalText(pairs, "note", item: item)
            detail.read(pairs, log: &log, item: item)
        }
        guard let part, let type else { return nil }
        var defect = Defect(part: part, type: type, degree: degree, photos: photoPaths, note: note)
        defect.position = detail.position
        defect.value = detail.value
        guard let template else { return defect }
        guard checkDefect(defect, template: template, at: at, degreeAt: degreeLocation, item: item) else { return nil }
        guard checkDetail(detail, of: defect, template: template, at: at, item: item) else { return nil }
        return defect
    }

    /// The part, defect type and degree of `defect` checked against `template`, each problem said at its place.
    private mutating func checkDefect(
        _ defect: Defect, template: ChecklistTemplate, at: SourceLocation, degreeAt degreeLocation: SourceLocation, item: String
    ) -> Bool {
        let (part, type, degree) = (defect.part, defect.type, defect.degree)
        guard let (group, _) = template.part(part) else {
            let codes = template.partGroups.flatMap { $0.parts.map(\.code) }
            log.error("unknown part \"\(part)\" (template \(template.id) has parts \(Self.summarize(codes)))", at: at, item: item)
            return false
        }
        guard group.defectTypes.contains(where: { $0.code == type }) else {
            log.error(
                "unknown defect type \"\(type)\" for \(group.id) part \(part) (allowed: \(group.defectTypes.map(\.code).joined(separator: " ")))",
                at: at, item: item)
            return false
        }
        if group.degrees.isEmpty {
            if let degree {
                log.error("\(group.id) part \(part) takes no degree, found \(degree)", at: degreeLocation, item: item)
                return false
            }
        } else {
            guard let degree else {
                log.error("degree missing for \(group.id) part \(part) (allowed: 1-\(group.degrees.count))", at: at, item: item)
                return false
            }
            guard (1...group.degrees.count).contains(degree) else {
                log.error(
                    "degree \(degree) is out of range for \(group.id) part \(part) (allowed: 1-\(group.degrees.count))", at: degreeLocation,
                    item: item)
                return false
            }
        }
        return true
    }

    /// Codes with numeric runs folded: `1-39`, or `14-23 25-27 34`.
    static func summarize(_ codes: [String]) -> String {
        var parts: [String] = []
        var index = 0
        while index < codes.count {
            var end = index
            while end + 1 < codes.count, let a = Int(codes[end]), let b = Int(codes[end + 1]), b == a + 1 { end += 1 }
            parts.append(end > index ? "\(codes[index])-\(codes[end])" : codes[index])
            index = end + 1
        }
        return parts.joined(separator: " ")
    }

    mutating func readChecks(_ value: YAMLValue) -> [CheckEntry] {
        guard let pairs = log.mapping(value, item: "checks") else { return [] }
        var checks: [CheckEntry] = []
        for pair in pairs {
            let item = "check \"\(pair.key)\""
            var resultValue = pair.value
            var note: String?
            var valueEntry: YAMLValue?
            var measuredValue: Double?
            if case .mapping = pair.value.kind, let inner = log.mapping(pair.value, item: item) {
                log.rejectUnknownKeys(inner, allowed: ["result", "note", "value"], item: item)
                guard let value = log.require("result", in: inner, at: pair.value.location, item: item) else { continue }
                resultValue = value
                note = optionalText(inner, "note", item: item)
                if let measured = inner.first(where: { $0.key == "value" }) {
                    valueEntry = measured.value
                    measuredValue = log.number(measured.value, item: item, field: "value")
                }
            }
            guard let name = log.text(resultValue, item: item, field: "result") else { continue }
            guard let result = CheckResult(rawValue: name) else {
                let vocabulary = template?.resultLevels.map(\.result.rawValue) ?? CheckResult.allNames
                log.error("result \"\(name)\" is not allowed (allowed: \(vocabulary.joined(separator: " ")))", at: resultValue.location, item: item)
                continue
            }
            if let template {
                let sectionID = pair.key.split(separator: ".", maxSplits: 1).first.map(String.init) ?? pair.key
                guard let section = template.checkSections.first(where: { $0.id == sectionID }) else {
                    log.error(
                        "unknown check section \"\(sectionID)\" (template \(template.id) has: \(template.checkSections.map(\.id).joined(separator: " ")))",
                        at: pair.keyAt, item: item)
                    continue
                }
                guard let check = section.checks.first(where: { $0.id == pair.key }) else {
                    log.error(
                        "unknown check (section \(section.id) has \(section.id).1-\(section.id).\(section.checks.count))", at: pair.keyAt, item: item)
                    continue
                }
                let allowed = section.results(for: check)
                guard allowed.contains(result) else {
                    let scope = check.results != nil ? "for \(check.id) \(check.label.en)" : "in section \(section.id)"
                    let yesNo =
                        Set(allowed) == [.ok, .major]
                        ? " (a yes/no check: ok or major)" : " (allowed: \(allowed.map(\.rawValue).joined(separator: " ")))"
                    log.error("result \"\(name)\" is not allowed \(scope)\(yesNo)", at: resultValue.location, item: item)
                    continue
                }
                if let valueEntry, let measuredValue {
                    if let measure = check.measure {
                        if measuredValue < measure.min || measuredValue > measure.max {
                            log.error(
                                "value \(measuredValue) \(measure.unit) is outside \(measure.min)-\(measure.max) \(measure.unit)",
                                at: valueEntry.location, item: item)
                        }
                    } else {
                        log.error("\(check.id) measures no value", at: valueEntry.location, item: item)
                    }
                }
            }
            checks.append(CheckEntry(id: pair.key, result: result, note: note, value: measuredValue))
        }
        return checks
    }

    mutating func requireChecks(_ checks: [CheckEntry], stage: Stage, at location: SourceLocation) {
        guard let template else { return }
        let answered = Set(checks.map(\.id))
        for section in template.checkSections where section.requiredStages.contains(stage) {
            let missing = section.checks.map(\.id).filter { !answered.contains($0) }
            guard !missing.isEmpty else { continue }
            log.error(
                "missing required checks: \(missing.joined(separator: " ")) (every check of section \(section.id) must be answered at \(stage.rawValue))",
                at: location, item: "checks")
        }
    }

    mutating func readPhotos(_ value: YAMLValue) -> [AnglePhoto] {
        guard let pairs = log.mapping(value, item: "photos") else { return [] }
        var result: [AnglePhoto] = []
        for pair in pairs {
            let item = "photo \"\(pair.key)\""
            if let template, template.angle(pair.key) == nil {
                log.error("unknown angle (allowed: \(template.angles.map(\.id).joined(separator: " ")))", at: pair.keyAt, item: item)
                continue
            }
            guard let path = log.text(pair.value, item: item, field: "path") else { continue }
            checkPhoto(path, at: pair.value.location, item: item)
            result.append(AnglePhoto(angle: pair.key, path: path))
        }
        return result
    }

    mutating func requireAngles(_ photos: [AnglePhoto], at location: SourceLocation) {
        guard let template else { return }
        let present = Set(photos.map(\.angle))
        let missing = template.angles.filter { $0.required && !present.contains($0.id) }.map(\.id)
        if !missing.isEmpty {
            log.error("missing required angles: \(missing.joined(separator: " "))", at: location, item: "photos")
        }
    }
}
