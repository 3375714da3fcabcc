import Common

/// A checklist template: the parts, defect types, checks, scoring and photo angles an inspection is made against.
///
/// Loaded from `checklists/<id>.yaml` by ``TemplateLoader``; nothing here is specific to GB/T 30323.
package struct ChecklistTemplate: Sendable, Hashable {
    /// The template id, equal to its file name without extension, e.g. `gbt30323-2013`.
    package var id: String
    /// Human title.
    package var title: LocalizedText
    /// Part groups (e.g. structure 1-13, body 14-39), in template order.
    package var partGroups: [PartGroup]
    /// Check sections (e.g. engine.1-10), in template order.
    package var checkSections: [CheckSection]
    /// Section allowances and grade bands; nil for templates that are recorded but not graded.
    package var scoring: Scoring?
    /// Walkaround angles, required first.
    package var angles: [Angle]
    /// Flags a finding can raise (accident, flood, ...).
    package var flags: [Flag]
    /// SHA-256 of the template file, so stored inspections say exactly which version graded them.
    package var sha256: String
    /// The result vocabulary its checks answer in, with labels (`result_levels`; GB/T's ok, minor, major, na when the
    /// template declares none).
    package var resultLevels: [ResultLevel] = CheckResult.standard.map { ResultLevel(result: $0, label: ChecklistTemplate.standardLabel($0)) }
    /// 使用性质: the uses a vehicle record may name (`vehicle_facts.uses`; empty when the template records none).
    package var vehicleUses: [Term] = []
    /// The equipment a vehicle record may list (`vehicle_facts.equipment`), in the template's order.
    package var equipment: [Term] = []

    /// How a result reads under this template.
    package func label(for result: CheckResult) -> LocalizedText {
        resultLevels.first { $0.result == result }?.label ?? Self.standardLabel(result)
    }

    /// The labels of the standard vocabulary (and a fallback for the rest).
    package static func standardLabel(_ result: CheckResult) -> LocalizedText {
        switch result {
        case .ok: LocalizedText(zh: "正常", en: "ok")
        case .minor: LocalizedText(zh: "轻微异常", en: "minor")
        case .major: LocalizedText(zh: "严重异常", en: "major")
        case .na: LocalizedText(zh: "不适用", en: "not applicable")
        case .advise: LocalizedText(zh: "建议", en: "advised")
        case .urgent: LocalizedText(zh: "立即", en: "urgent")
        }
    }

    /// A group of parts sharing defect types and degrees.
    package struct PartGroup: Sendable, Hashable {
        /// e.g. `structure`.
        package var id: String
        /// e.g. 车体骨架 / Body structure.
        package var label: LocalizedText
        /// Allowed defect types, in template order.
        package var defectTypes: [DefectType]
        /// Degrees 1...n; empty when this group takes no degree.
        package var degrees: [Degree]
        /// Parts, in template order.
        package var parts: [Part]
        /// A flag any defect in this group raises (e.g. `accident`).
        package var raises: String?
        /// The scoring section whose allowance this group's degrees are deducted from.
        package var section: String?
        /// Where on the part a finding is, when the part is several (the tyres: which wheel); every finding in the
        /// group names one. Empty when the part is one.
        package var positions: [Term] = []
    }

    /// A defect type such as `HH` 划痕 scratch.
    package struct DefectType: Sendable, Hashable {
        /// The letters.
        package var code: String
        /// Its name.
        package var label: LocalizedText
    }

    /// A degree with its size band and deduction.
    package struct Degree: Sendable, Hashable {
        /// 1...n.
        package var value: Int
        /// The size band, e.g. "面积 ≤ 100 mm × 100 mm".
        package var label: LocalizedText
        /// Points deducted per defect of this degree.
        package var deduction: Points
        /// A safety item (a tyre below the legal tread depth): listed as such in the report, not only deducted.
        package var safety: Bool = false
        /// A degree that is a measurement (tread depth under 1.6 mm): a finding of it gives the value, at least
        /// `min` and below `max`.
        package var measure: Measure? = nil
    }

    /// A part such as `2` 左A柱.
    package struct Part: Sendable, Hashable {
        /// The code, e.g. `2`.
        package var code: String
        /// Its name.
        package var label: LocalizedText
    }

    /// A section of checks, e.g. `engine` 发动机舱.
    package struct CheckSection: Sendable, Hashable {
        /// e.g. `engine`.
        package var id: String
        /// e.g. 发动机舱 / Engine bay.
        package var label: LocalizedText
        /// Stages at which every check of this section must be answered.
        package var requiredStages: [Stage]
        /// The answers allowed here.
        package var results: [CheckResult]
        /// The scoring section this section's deductions come from.
        package var section: String?
        /// Points deducted per result.
        package var deductions: [CheckResult: Points]
        /// A flag a `major` anywhere in this section raises.
        package var raises: String?
        /// The checks, in order.
        package var checks: [Check]

        /// The answers allowed for `check` (its own list when it narrows the section's, e.g. a yes/no check).
        package func results(for check: Check) -> [CheckResult] { check.results ?? results }
    }

    /// A result level of the template's vocabulary and how it reads (`advise`: 建议 / Advised).
    package struct ResultLevel: Sendable, Hashable {
        package var result: CheckResult
        package var label: LocalizedText
    }

    /// A measured value a check records, with its unit and the range it can take (tread depth 0-12 mm).
    package struct Measure: Sendable, Hashable {
        /// What is measured (花纹深度 / tread depth), when the template names it.
        package var label: LocalizedText? = nil
        package var unit: String
        package var min: Double
        package var max: Double
    }

    /// One check item.
    package struct Check: Sendable, Hashable {
        /// Full id, `<section>.<n>`.
        package var id: String
        /// The question.
        package var label: LocalizedText
        /// A flag a `major` on this check raises, beyond its section's.
        package var raises: String?
        /// The answers allowed for this check when it narrows its section's (a yes/no check: `ok`, `major`).
        package var results: [CheckResult]?
        /// The value it measures, when it measures one.
        package var measure: Measure?
        /// True when an `ok` here says the car's papers are complete (held against the vehicle record's documents).
        package var coversDocuments: Bool = false
    }

    /// Section allowances and grade bands.
    package struct Scoring: Sendable, Hashable {
        /// Sum of the section allowances.
        package var total: Points
        /// The scored sections, in template order.
        package var sections: [ScoreSection]
        /// Grade bands by minimum score, best first.
        package var grades: [Grade]
        /// The grade given whenever the `accident` flag is raised, whatever the score.
        package var accidentGrade: Grade?
        /// The flag that forces ``accidentGrade``.
        package var accidentFlag: String?
        /// Flags under which no grade band is given at all (not tradeable, flood, fire), most decisive first.
        package var ungradedFlags: [String] = []
    }

    /// A scored section with its allowance.
    package struct ScoreSection: Sendable, Hashable {
        /// e.g. `body`.
        package var id: String
        /// e.g. 车身 / Body.
        package var label: LocalizedText
        /// The allowance.
        package var points: Points
    }

    /// A grade band.
    package struct Grade: Sendable, Hashable, Codable {
        /// e.g. `1`.
        package var id: String
        /// e.g. 一级 / Grade 1.
        package var label: LocalizedText
        /// The lowest total in this band (inclusive).
        package var minimum: Points
    }

    /// A walkaround angle.
    package struct Angle: Sendable, Hashable {
        /// e.g. `front_left_45`.
        package var id: String
        /// e.g. 左前45度.
        package var label: LocalizedText
        /// Whether every submission must have it.
        package var required: Bool
    }

    /// A vocabulary entry with its label, e.g. `panoramic_sunroof` 全景天窗 / Panoramic sunroof.
    package struct Term: Sendable, Hashable {
        package var id: String
        package var label: LocalizedText
        /// True for a vehicle use the buyer must acknowledge at the handover (e.g. a former ride-hailing car).
        package var disclose: Bool = false
    }

    /// A flag such as accident / flood / fire / not tradeable.
    package struct Flag: Sendable, Hashable {
        /// e.g. `accident`.
        package var id: String
        /// e.g. 事故车 / Accident car.
        package var label: LocalizedText
    }
}

extension ChecklistTemplate {
    /// The group and part for a part code.
    package func part(_ code: String) -> (group: PartGroup, part: Part)? {
        for group in partGroups {
            if let part = group.parts.first(where: { $0.code == code }) { return (group, part) }
        }
        return nil
    }

    /// The section and check for a check id.
    package func check(_ id: String) -> (section: CheckSection, check: Check)? {
        for section in checkSections {
            if let check = section.checks.first(where: { $0.id == id }) { return (section, check) }
        }
        return nil
    }

    /// The flag with this id.
    package func flag(_ id: String) -> Flag? { flags.first { $0.id == id } }

    /// The use with this id.
    package func vehicleUse(_ id: String) -> Term? { vehicleUses.first { $0.id == id } }

    /// The equipment item with this id.
    package func equipmentItem(_ id: String) -> Term? { equipment.first { $0.id == id } }

    /// The angle with this id.
    package func angle(_ id: String) -> Angle? { angles.first { $0.id == id } }
}
