import Common

/// What a graded inspection says about the car: section scores, total, grade and flags, with the reasons.
package struct Assessment: Sendable, Hashable, Codable {
    /// A section's allowance and what was deducted from it.
    package struct SectionScore: Sendable, Hashable, Codable {
        /// Scoring section id, e.g. `body`.
        package var id: String
        /// 车身 / Body.
        package var label: LocalizedText
        /// The allowance.
        package var allowance: Points
        /// Sum of deductions (may exceed the allowance).
        package var deducted: Points
        /// max(0, allowance - deducted).
        package var score: Points
    }

    /// One deduction and what caused it.
    package struct Deduction: Sendable, Hashable, Codable {
        /// The scoring section.
        package var section: String
        /// The finding: a defect code (`14HH2`) or a check id (`engine.3`).
        package var item: String
        /// What it is, e.g. 发动机舱盖表面 划痕 程度2.
        package var reason: LocalizedText
        /// Points taken off.
        package var points: Points
    }

    /// A raised flag and the findings that raised it.
    package struct RaisedFlag: Sendable, Hashable, Codable {
        /// e.g. `accident`.
        package var id: String
        /// 事故车 / Accident car.
        package var label: LocalizedText
        /// The findings that raised it (`4SH`, `flood.3`).
        package var causes: [String]
    }

    /// Scored sections in template order (empty when the template is not scored).
    package var sections: [SectionScore]
    /// The total, when scored.
    package var total: Points?
    /// The grade, when scored.
    package var grade: ChecklistTemplate.Grade?
    /// Every deduction, in finding order.
    package var deductions: [Deduction]
    /// Raised flags, in template order.
    package var flags: [RaisedFlag]

    /// True when the flag with this id was raised.
    package func has(_ flag: String) -> Bool { flags.contains { $0.id == flag } }
}
