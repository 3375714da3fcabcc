/// The service desk's weekly view: how much of each kind came in, which complaints are still open after too long, and
/// which complaints point at a defect the appraiser did not record (they count against that appraiser in
/// `compare --by-appraiser`).
package struct FeedbackSummary: Sendable, Hashable {
    /// Feedback received in the window, by kind.
    package var byKind: [Feedback.Kind: Int]
    /// Feedback received in the window, by channel.
    package var byChannel: [Feedback.Channel: Int]
    /// Complaints received in the window that were closed by its end.
    package var closed: Int
    /// Complaints still open at the end of the window that were received more than `openAfterDays` days before it,
    /// oldest first, with their age in whole days.
    package var overdue: [(feedback: Feedback, days: Int)]
    /// Complaints in the window about a finding the car's appraisal did not record.
    package var missedByAppraiser: [Miss]

    /// A complaint about a defect the appraisal missed.
    package struct Miss: Sendable, Hashable {
        package var feedback: Feedback
        package var appraiserID: String
        package var appraiserName: String?
    }

    /// Summarises `window` (feedback received in it) and `open` (complaints received before `end`; those closed after
    /// `end` count as open at `end`);
    /// `appraisals` are the latest appraisal of each car.
    package init(window: [Feedback], open: [Feedback], end: Timestamp, openAfterDays: Int, appraisals: [String: Submission]) {
        byKind = Dictionary(grouping: window, by: \.kind).mapValues(\.count)
        byChannel = Dictionary(grouping: window, by: \.channel).mapValues(\.count)
        closed = window.filter { $0.kind == .complaint && ($0.resolution.map { $0.resolvedAt <= end } ?? false) }.count
        overdue = open.filter { $0.kind == .complaint && ($0.resolution.map { $0.resolvedAt > end } ?? true) }.compactMap { item in
            let days = Int((end.epochSeconds - item.receivedAt.epochSeconds) / 86_400)
            return days > openAfterDays ? (item, days) : nil
        }
        missedByAppraiser = window.compactMap { item in
            guard let appraisal = appraisals[item.vin], item.pointsAtMiss(of: appraisal) else { return nil }
            return Miss(feedback: item, appraiserID: appraisal.inspector.id, appraiserName: appraisal.inspector.name)
        }
    }

    package static func == (a: FeedbackSummary, b: FeedbackSummary) -> Bool {
        a.byKind == b.byKind && a.byChannel == b.byChannel && a.closed == b.closed && a.missedByAppraiser == b.missedByAppraiser
            && a.overdue.map(\.feedback) == b.overdue.map(\.feedback) && a.overdue.map(\.days) == b.overdue.map(\.days)
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(closed)
        hasher.combine(missedByAppraiser)
    }
}

extension Feedback {
    /// True for a complaint about a finding the appraisal did not record: no defect of that part and type, or only at a
    /// lower degree than the complaint names.
    package func pointsAtMiss(of appraisal: Submission) -> Bool {
        guard kind == .complaint, case let .finding(code)? = about, let (part, type, degree) = Defect.split(code: code) else { return false }
        return !appraisal.defects.contains { $0.part == part && $0.type == type && ($0.degree ?? 0) >= (degree ?? 0) }
    }
}
