import Inspection

extension ConditionReportBuilder {
    /// Every handover attempt up to `generated` (epoch seconds; nil: all), oldest first, when there was more than one
    /// (a single attempt is the delivery section itself) or the report is `superseded` by a return (the delivery section
    /// then no longer describes the car).
    func handovers(_ record: CarRecord, generated: Int64?, superseded: Bool) -> [ConditionReport.HandoverAttempt]? {
        let attempts = record.handovers(catalog: catalog, policy: mileagePolicy).filter { attempt in
            generated.map { attempt.at.epochSeconds <= $0 } ?? true
        }
        guard attempts.count > 1 || (superseded && !attempts.isEmpty) else { return nil }
        return attempts.map {
            ConditionReport.HandoverAttempt(
                inspectedAt: $0.at.text, site: $0.inspection.submission.site, verdict: $0.check.verdict.rawValue,
                verdictLabel: ReportMessages.label("delivery.verdict.\($0.check.verdict.rawValue)"))
        }
    }
}
