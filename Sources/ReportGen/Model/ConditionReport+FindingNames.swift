import Common

extension ConditionReport.Finding {
    /// The part and, when given, where on it: 轮胎（左后轮） / Tyres (left rear wheel).
    package var place: LocalizedText {
        guard let position else { return part.name }
        return LocalizedText(zh: "\(part.name.zh)（\(position.name.zh)）", en: "\(part.name.en) (\(position.name.en))")
    }

    /// What was found: the defect's name, or for a degree that is a measurement what was measured and its value
    /// (花纹深度 1.3 mm / tread depth 1.3 mm), since the defect letters of a measured degree say nothing.
    package var what: LocalizedText {
        guard let measured else { return defect.name }
        let value = "\(NoticeValue.decimal(measured.value)) \(measured.unit)"
        guard let name = measured.name else { return LocalizedText(zh: value, en: value) }
        return LocalizedText(zh: "\(name.zh) \(value)", en: "\(name.en) \(value)")
    }
}

extension ConditionReport {
    /// What a flag's cause is, in words with its code beside: a finding (左C柱 烧焊 4SH) or a check
    /// (车内无泡水痕迹 cabin.1); a code the report does not list stays as it is.
    package func cause(_ code: String, zh: Bool) -> String {
        if let finding = findings.first(where: { $0.code == code }) {
            let place = zh ? finding.place.zh : finding.place.en, what = zh ? finding.what.zh : finding.what.en
            return "\(place) \(what) \(code)"
        }
        if let check = checks.first(where: { $0.id == code }) { return "\(zh ? check.name.zh : check.name.en) \(code)" }
        return code
    }
}
