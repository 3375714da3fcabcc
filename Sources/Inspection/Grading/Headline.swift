import Common

/// What a condition report puts first: the grade band, or why there is none. A flood or fire car is not graded, a
/// car that may not be traded says so, an accident car is 五级（事故车）; in every one of those the score is shown
/// as information only, never as the headline.
package enum Headline: Sendable, Hashable {
    /// A band of the template (一级 .. 四级).
    case graded(ChecklistTemplate.Grade)
    /// The accident grade (五级), forced by the accident flag.
    case accident(grade: ChecklistTemplate.Grade, flag: String, label: LocalizedText)
    /// A flag that rules out any band (flood, fire): "泡水车 · 不评级".
    case notGraded(flag: String, label: LocalizedText)
    /// The car may not be traded: "不可交易".
    case notTradeable(flag: String, label: LocalizedText)
    /// The template does not grade.
    case none

    /// The headline of `assessment` under `template`'s scoring and flags.
    package static func of(_ assessment: Assessment, template: ChecklistTemplate) -> Headline {
        guard let scoring = template.scoring else { return .none }
        for flag in scoring.ungradedFlags where assessment.has(flag) {
            let label = template.flags.first { $0.id == flag }?.label ?? LocalizedText(zh: flag, en: flag)
            return flag == "not_tradeable" ? .notTradeable(flag: flag, label: label) : .notGraded(flag: flag, label: label)
        }
        if let accident = scoring.accidentFlag, assessment.has(accident), let grade = scoring.accidentGrade {
            let label = template.flags.first { $0.id == accident }?.label ?? LocalizedText(zh: accident, en: accident)
            return .accident(grade: grade, flag: accident, label: label)
        }
        return assessment.grade.map { .graded($0) } ?? .none
    }

    /// `graded`, `accident`, `not_graded`, `not_tradeable` or `none`.
    package var kind: String {
        switch self {
        case .graded: "graded"
        case .accident: "accident"
        case .notGraded: "not_graded"
        case .notTradeable: "not_tradeable"
        case .none: "none"
        }
    }

    /// The headline in both languages: 一级 / Grade 1; 五级（事故车）/ Grade 5 (accident car); 泡水车 · 不评级 /
    /// Flood-damaged · not graded; 不可交易 / Not tradeable.
    package var label: LocalizedText? {
        switch self {
        case let .graded(grade): grade.label
        case let .accident(grade, _, flag):
            LocalizedText(zh: "\(grade.label.zh)（\(flag.zh)）", en: "\(grade.label.en.split(separator: ",").first ?? "") (\(flag.en.lowercased()))")
        case let .notGraded(_, label): LocalizedText(zh: "\(label.zh) · 不评级", en: "\(label.en) · not graded")
        case let .notTradeable(_, label): label
        case .none: nil
        }
    }

    /// True when the score is information only (the headline is not a band the score put the car in).
    package var scoreIsInformationOnly: Bool {
        switch self {
        case .graded, .none: false
        case .accident, .notGraded, .notTradeable: true
        }
    }
}
