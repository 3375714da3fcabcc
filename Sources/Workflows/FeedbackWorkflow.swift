import Common
import Inspection
import Store

/// Customer feedback at the service desk: record it (append-only), close a complaint once, list it, and the weekly
/// summary (counts, overdue complaints, complaints about defects the appraiser did not record).
package struct FeedbackWorkflow: Sendable {
    /// Where it is kept.
    package let store: InspectionStore

    /// Creates the workflow.
    package init(store: InspectionStore) { self.store = store }

    /// Why feedback cannot be taken.
    package enum Failure: StoreFailing, Sendable, CustomStringConvertible {
        case badAbout(String)
        case emptyText
        case beforeFirstInspection(vin: String, at: String, first: String)
        case store(StoreError)

        package var description: String {
            switch self {
            case let .badAbout(text):
                "--about \"\(text)\" is neither a finding code (part number, defect letters, degree, e.g. 21HH2) nor a stage (\(Stage.allNames.joined(separator: " ")))"
            case .emptyText: "--text must not be empty"
            case let .beforeFirstInspection(vin, at, first): "feedback on \(vin) at \(at) is before the car's first inspection (\(first)); check --at"
            case let .store(error): error.description
            }
        }
    }

    /// Stores `feedback` (its VIN must be a stored car, its time not before the car's first inspection); returns its id.
    package func record(_ feedback: Feedback, recordedAt: String) throws(Failure) -> Int64 {
        guard !feedback.text.trimmingWhitespace.isEmpty else { throw .emptyText }
        return try Failure.catching {
            guard let vehicle = try store.vehicle(vin: feedback.vin) else { throw StoreError.unknownVehicle(feedback.vin) }
            if let first = vehicle.inspections.map(\.submission.inspectedAt).min(), feedback.receivedAt < first {
                throw Failure.beforeFirstInspection(vin: feedback.vin, at: feedback.receivedAt.text, first: first.text)
            }
            return try store.recordFeedback(feedback, recordedAt: recordedAt)
        }
    }

    /// Parses `--about`.
    package static func about(_ text: String?) throws(Failure) -> Feedback.About? {
        guard let text else { return nil }
        guard let about = Feedback.About.parse(text) else { throw .badAbout(text) }
        return about
    }

    /// Closes complaint `id` with `resolution`.
    package func close(id: Int64, _ resolution: Feedback.Resolution, recordedAt: String) throws(Failure) {
        do { try store.closeComplaint(id: id, resolution, recordedAt: recordedAt) } catch { throw .store(error) }
    }

    /// Feedback of one car or all, received from `from` (inclusive) to `to` (exclusive), oldest first.
    package func list(vin: String?, from: Timestamp?, to: Timestamp?) throws(Failure) -> [Feedback] {
        do { return try store.feedback(vin: vin, from: from?.epochSeconds, to: to?.epochSeconds) } catch { throw .store(error) }
    }

    /// The summary of feedback received from `from` to `to`: complaints still open at `to` after more than
    /// `openAfterDays` days, and complaints about findings each car's latest appraisal did not record.
    package func summary(from: Timestamp, to: Timestamp, openAfterDays: Int) throws(Failure) -> FeedbackSummary {
        do {
            let window = try store.feedback(from: from.epochSeconds, to: to.epochSeconds)
            let open = try store.feedback(to: to.epochSeconds).filter { $0.kind == .complaint }
            var appraisals: [String: Submission] = [:]
            for vin in Set(window.filter { $0.kind == .complaint }.map(\.vin)) {
                let latest = try store.vehicle(vin: vin)?.inspections.filter { $0.stage == .appraisal }.max { $0.revision < $1.revision }
                if let latest { appraisals[vin] = latest.submission }
            }
            return FeedbackSummary(window: window, open: open, end: to, openAfterDays: openAfterDays, appraisals: appraisals)
        } catch {
            throw .store(error)
        }
    }
}
