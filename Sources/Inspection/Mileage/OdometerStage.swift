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
    /// Anything else recorded by hand.
    case other
    /// The reading the condition report stands on, when a delivery is held against it.
    case report

    /// The stages a person may record a reading at (`mileage record --stage`).
    package static let recordable: [OdometerStage] = [.appraisal, .audit, .transport, .delivery, .other]

    /// The stage a submission's reading is taken at.
    package init(_ stage: Stage) {
        switch stage {
        case .appraisal: self = .appraisal
        case .audit: self = .audit
        case .delivery: self = .delivery
        }
    }

    package var description: String { rawValue }
}
