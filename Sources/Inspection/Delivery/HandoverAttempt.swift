import Common

/// One attempt at handing the car over: a stored delivery inspection and its verdict against the report. A car is
/// handed over only by an attempt that did not stop; a later attempt never erases an earlier one.
package struct HandoverAttempt: Sendable, Hashable {
    /// The stored delivery inspection.
    package var inspection: StoredInspection
    /// Its check against the condition report.
    package var check: DeliveryCheck

    /// When it took place.
    package var at: Timestamp { inspection.submission.inspectedAt }

    /// True when the car changed hands at this attempt (ok or attention; a stop keeps the car).
    package var handedOver: Bool { check.verdict != .stop }
}

extension CarRecord {
    /// Every handover attempt, oldest first: each delivery inspection time once, at its latest revision (a revision
    /// at the same time corrects that attempt; one at another time is another attempt). Empty without a report
    /// basis (or when its template is not in `catalog`).
    package func handovers(catalog: TemplateCatalog, policy: MileagePolicy) -> [HandoverAttempt] {
        var latest: [Int64: StoredInspection] = [:]
        for inspection in vehicle.inspections where inspection.stage == .delivery {
            let at = inspection.submission.inspectedAt.epochSeconds
            if (latest[at]?.revision ?? 0) < inspection.revision { latest[at] = inspection }
        }
        return latest.sorted { $0.key < $1.key }.compactMap { _, inspection in
            DeliveryCheck.evaluate(delivery: inspection, record: self, catalog: catalog, policy: policy).map {
                HandoverAttempt(inspection: inspection, check: $0)
            }
        }
    }

    /// The attempt at which the car was handed over: the first that did not stop (nil when none did).
    package func handover(catalog: TemplateCatalog, policy: MileagePolicy) -> HandoverAttempt? {
        handovers(catalog: catalog, policy: policy).first(where: \.handedOver)
    }
}
