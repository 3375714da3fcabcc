/// What a customer told the service desk about a car: a complaint, praise or a question, as received. Append-only; a
/// complaint is closed once, with the resolution and who resolved it.
package struct Feedback: Sendable, Hashable {
    /// Store id (0 before it is stored).
    package var id: Int64
    /// The car.
    package var vin: String
    /// complaint, praise or question.
    package var kind: Kind
    /// How it reached the desk.
    package var channel: Channel
    /// What the customer said.
    package var text: String
    /// When it was received.
    package var receivedAt: Timestamp
    /// What it is about: a finding of the report (its compact code) or a stage.
    package var about: About?
    /// The closing of a complaint.
    package var resolution: Resolution?

    /// Kinds of feedback.
    package enum Kind: String, Sendable, Hashable, CaseIterable, Codable {
        case complaint, praise, question
    }

    /// Channels it arrives by.
    package enum Channel: String, Sendable, Hashable, CaseIterable, Codable {
        case phone, online, store
    }

    /// The subject: a finding code such as `21HH2`, or a stage such as `delivery`.
    package enum About: Sendable, Hashable {
        case finding(String)
        case stage(Stage)

        /// Parses `--about`: a stage name, or a defect code (part number, defect letters, optional degree).
        package static func parse(_ text: String) -> About? {
            if let stage = Stage(rawValue: text) { return .stage(stage) }
            if Defect.split(code: text) != nil { return .finding(text) }
            return nil
        }

        /// As written: the code or the stage name.
        package var text: String {
            switch self {
            case let .finding(code): code
            case let .stage(stage): stage.rawValue
            }
        }
    }

    /// How a complaint was closed.
    package struct Resolution: Sendable, Hashable {
        package var resolution: String
        package var resolvedBy: String
        package var resolvedAt: Timestamp

        /// Creates a resolution.
        package init(resolution: String, resolvedBy: String, resolvedAt: Timestamp) {
            self.resolution = resolution
            self.resolvedBy = resolvedBy
            self.resolvedAt = resolvedAt
        }
    }

    /// Creates feedback.
    package init(
        id: Int64 = 0, vin: String, kind: Kind, channel: Channel, text: String, receivedAt: Timestamp, about: About? = nil,
        resolution: Resolution? = nil
    ) {
        self.id = id
        self.vin = vin
        self.kind = kind
        self.channel = channel
        self.text = text
        self.receivedAt = receivedAt
        self.about = about
        self.resolution = resolution
    }

    /// A complaint not yet closed.
    package var isOpenComplaint: Bool { kind == .complaint && resolution == nil }
}
