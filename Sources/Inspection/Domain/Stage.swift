import Common

/// Who inspected the car, and when in its life on the platform.
package enum Stage: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// The first inspection, by an appraiser (评估师).
    case appraisal
    /// The re-inspection, by an auditor (稽查师).
    case audit
    /// The handover to the buyer.
    case delivery
    /// The car brought back within the return window (the 7-day return).
    case `return`
    /// A service visit's reception walkaround (环检单), under a work order.
    case reception
    /// A service visit's vehicle health check (车辆健康检查), under a work order.
    case healthCheck = "health_check"

    /// The stages of a service visit: they carry a work order.
    package var isService: Bool { self == .reception || self == .healthCheck }

    /// The stages' names, in pipeline order, for messages.
    package static let allNames = allCases.map(\.rawValue)

    /// Position in the pipeline.
    package var rank: Int {
        switch self {
        case .appraisal: 0
        case .audit: 1
        case .delivery: 2
        case .return: 3
        case .reception: 4
        case .healthCheck: 5
        }
    }

    package static func < (lhs: Stage, rhs: Stage) -> Bool { lhs.rank < rhs.rank }

    /// 评估 / 稽查 / 交付 / 退车 with the English name.
    package var label: LocalizedText {
        switch self {
        case .appraisal: LocalizedText(zh: "评估", en: "appraisal")
        case .audit: LocalizedText(zh: "稽查", en: "audit")
        case .delivery: LocalizedText(zh: "交付", en: "delivery")
        case .return: LocalizedText(zh: "退车", en: "return")
        case .reception: LocalizedText(zh: "接车环检", en: "reception")
        case .healthCheck: LocalizedText(zh: "健康检查", en: "health check")
        }
    }
}
