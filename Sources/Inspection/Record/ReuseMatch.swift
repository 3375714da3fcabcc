/// A photo of this submission that also appears among another car's stored photos.
package struct ReuseMatch: Sendable, Hashable {
    /// How sure the match is.
    package enum Kind: String, Sendable, Hashable, Comparable {
        /// The same file, byte for byte.
        case identicalFile = "identical-file"
        /// The same pixels after normalisation (re-saved without change).
        case identicalPixels = "identical-pixels"
        /// pHash within the same-photo distance: a re-encoded or resized copy.
        case samePhoto = "same-photo"
        /// pHash within the review distance: worth a person's look.
        case review

        private var rank: Int {
            switch self {
            case .identicalFile: 0
            case .identicalPixels: 1
            case .samePhoto: 2
            case .review: 3
            }
        }

        package static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.rank < rhs.rank }
    }

    /// This submission's photo, as written in it.
    package var path: String
    /// Its use here: an angle id, `odometer` or `defect <code>`.
    package var use: String
    /// The other car.
    package var otherVIN: String
    /// The other inspection's stage and revision, e.g. `audit r1`.
    package var otherInspection: String
    /// The other photo's use.
    package var otherUse: String
    /// The other photo's path in its submission.
    package var otherPath: String
    /// Strength of the match.
    package var kind: Kind
    /// pHash-256 Hamming distance.
    package var distance: Int
    /// When this photo's inspection took place.
    package var inspectedAt: Timestamp
    /// When the other photo's inspection took place.
    package var otherInspectedAt: Timestamp

    /// True when this inspection is the one the reuse is blamed on: the later of the two by inspection time, whichever
    /// was stored first (two inspections at the same instant are both suspect: neither can be the original).
    package var isSuspect: Bool { inspectedAt >= otherInspectedAt }

    /// One line for people.
    package var summary: String {
        let match = "\(otherVIN) \(otherInspection) \(otherUse) \(otherPath) (\(kind.rawValue), pHash distance \(distance))"
        return isSuspect
            ? "\(use) \(path) matches \(match)"
            : "\(use) \(path) appears later in \(match); that inspection is the suspect"
    }

    /// Creates the record.
    package init(
        path: String, use: String, otherVIN: String, otherInspection: String, otherUse: String, otherPath: String, kind: Kind, distance: Int,
        inspectedAt: Timestamp, otherInspectedAt: Timestamp
    ) {
        self.path = path
        self.use = use
        self.otherVIN = otherVIN
        self.otherInspection = otherInspection
        self.otherUse = otherUse
        self.otherPath = otherPath
        self.kind = kind
        self.distance = distance
        self.inspectedAt = inspectedAt
        self.otherInspectedAt = otherInspectedAt
    }

}
