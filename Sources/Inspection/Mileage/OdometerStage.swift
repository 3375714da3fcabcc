import Common

/// Where in the car's life an odometer reading was taken.
package enum OdometerStage: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// The appraiser's inspection.
    case appraisal
    /// The auditor's re-inspection.
    case audit
    /// A transport leg (recorded by hand).
    case transport
    /// The handover to the buyer.
    case delivery
    /// The car brought back (the 7-day return).
    case `return`
    /// A service visit's reception.
    case reception
    /// A service visit's health check.
    case healthCheck = "health_check"
    /// Anything else recorded by hand.
    case other
    /// The reading the condition report stands on, when a delivery is held against it.
    case report

    /// The stages a person may record a reading at (`mileage record --stage`).
    package static let recordable: [OdometerStage] = [.appraisal, .audit, .transport, .delivery, .return, .other]

    /// The stage a submission's reading is taken at.
    package init(_ stage: Stage) {
        switch stage {
        case .appraisal: self = .appraisal
        case .audit: self = .audit
        case .delivery: self = .delivery
        case .return: self = .return
        case .reception: self = .reception
        case .healthCheck: self = .healthCheck
        }
    }

    package var description: String { rawValue }

    /// The stage's name in both languages.
    /// The inspection stages read as ``Stage`` does; the ledger's own stages have their own names.
    package var label: LocalizedText {
        if let stage = Stage(rawValue: rawValue) { return stage.label }
        switch self {
        case .transport: return LocalizedText(zh: "运输", en: "transport")
        case .report: return LocalizedText(zh: "车况报告", en: "the condition report")
        default: return LocalizedText(zh: "其他", en: "other")
        }
    }
}
