/// What comparing a car's latest appraisal with its latest audit gives: the comparison, or why there is none. One
/// function (``CarRecord/comparison(catalog:policy:)``) decides it for `compare`, the condition report and `batch`.
package enum ComparisonOutcome: Sendable {
    /// Both exist and use one template.
    case compared(appraisal: StoredInspection, audit: StoredInspection, comparison: InspectionComparison)
    /// The appraisal or the audit is missing (the stages that are stored are given).
    case incomplete(stored: [Stage])
    /// They use different templates, so they cannot be compared item by item.
    case differentTemplates(appraisal: String, audit: String)
    /// The template they use cannot be loaded.
    case unknownTemplate(String)

    /// The comparison, when there is one.
    package var compared: (appraisal: StoredInspection, audit: StoredInspection, comparison: InspectionComparison)? {
        if case let .compared(appraisal, audit, comparison) = self { return (appraisal, audit, comparison) }
        return nil
    }

    /// Why there is no comparison, in a sentence (nil when there is one).
    package func problem(vin: String) -> String? {
        switch self {
        case .compared: nil
        case let .incomplete(stored):
            "VIN \(vin) needs both an appraisal and an audit to compare (stored: \(stored.map(\.rawValue).joined(separator: ", ")))"
        case let .differentTemplates(appraisal, audit):
            "\(vin): the appraisal uses \(appraisal) and the audit \(audit); they cannot be compared item by item"
        case let .unknownTemplate(message): message
        }
    }
}

extension CarRecord {
    /// The latest appraisal against the latest audit (see ``CarRecord/comparisonPair``).
    package func comparison(catalog: TemplateCatalog, policy: MileagePolicy) -> ComparisonOutcome {
        guard let (appraisal, audit) = comparisonPair else { return .incomplete(stored: vehicle.latestByStage.map(\.stage)) }
        guard appraisal.submission.templateID == audit.submission.templateID else {
            return .differentTemplates(appraisal: appraisal.submission.templateID, audit: audit.submission.templateID)
        }
        let template: ChecklistTemplate
        do { template = try catalog.template(id: appraisal.submission.templateID) } catch { return .unknownTemplate("\(error)") }
        // A transport record (mode or route given) between the two inspections: the car was on the road.
        let from = appraisal.submission.inspectedAt.epochSeconds, to = audit.submission.inspectedAt.epochSeconds
        let superseded = Set(ledger.compactMap(\.supersedes))
        let transported = ledger.contains {
            $0.stage == .transport && !superseded.contains($0.id) && ($0.mode != nil || $0.routeKm != nil) && $0.at.epochSeconds > from
                && $0.at.epochSeconds < to
        }
        let comparison = Comparer.compare(
            appraisal: appraisal.submission, audit: audit.submission, template: template, policy: policy, transported: transported)
        return .compared(appraisal: appraisal, audit: audit, comparison: comparison)
    }
}
