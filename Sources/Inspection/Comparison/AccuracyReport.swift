import Common

/// Appraiser accuracy and auditor workload over many cars: how often each appraiser's inspection held up.
package struct AccuracyReport: Sendable, Hashable, Codable {
    /// One appraiser's record.
    package struct Appraiser: Sendable, Hashable, Codable {
        /// Staff id.
        package var id: String
        /// Name, when known.
        package var name: String?
        /// Cars appraised (and audited) in the range.
        package var cars: Int
        /// All discrepancies the audits found.
        package var discrepancies: Int
        /// Discrepancies per car, two decimals.
        package var perCar: Double
        /// Structural defects the appraiser missed.
        package var missedStructural: Int
        /// Critical discrepancies.
        package var critical: Int
        /// Disputes about the appraised cars' findings settled in the buyer's favour.
        package var disputesUpheld: Int
        /// Warranty claims about items the appraiser passed (and the auditor too), and what they cost.
        package var claimsMissed: Int
        /// See ``claimsMissed``.
        package var claimsMissedCost: Int
        /// Customer complaints about defects the appraiser did not record.
        package var complaintsOnMisses: Int = 0
        /// The most-missed items (part or check label) with counts, most first.
        package var mostMissed: [Item]
    }

    /// One auditor's workload.
    package struct Auditor: Sendable, Hashable, Codable {
        /// Staff id.
        package var id: String
        /// Name, when known.
        package var name: String?
        /// Cars audited.
        package var cars: Int
        /// Discrepancies found.
        package var discrepancies: Int
        /// Critical discrepancies found.
        package var critical: Int
    }

    /// An item and how often.
    package struct Item: Sendable, Hashable, Codable {
        /// e.g. `26 Front bumper` or `engine.3`.
        package var item: String
        /// Count.
        package var count: Int
        /// The part or check code (`26`, `engine.3`).
        package var code: String
        /// Its name in both languages.
        package var label: LocalizedText
    }

    /// One compared car.
    package struct Car: Sendable {
        /// The appraisal.
        package var appraisal: Submission
        /// The audit.
        package var audit: Submission
        /// Their comparison.
        package var comparison: InspectionComparison
        /// Disputes about the car's findings settled in the buyer's favour (anything but refused).
        package var disputesUpheld: Int
        /// Warranty claims about items the appraiser and the auditor passed (missed).
        package var missedClaims: [WarrantyClaim]
        /// Customer complaints about defects the appraisal did not record.
        package var complaintsOnMisses: [Feedback]

        /// Creates an entry.
        package init(
            appraisal: Submission, audit: Submission, comparison: InspectionComparison, disputesUpheld: Int = 0, claims: [WarrantyClaim] = [],
            feedback: [Feedback] = []
        ) {
            complaintsOnMisses = feedback.filter { $0.pointsAtMiss(of: appraisal) }
            self.appraisal = appraisal
            self.audit = audit
            self.comparison = comparison
            self.disputesUpheld = disputesUpheld
            missedClaims = claims.filter { $0.attribution(appraisal: appraisal, audit: audit) == .missed }
        }
    }

    /// Appraisers, most discrepancies per car first.
    package var appraisers: [Appraiser]
    /// Auditors, most cars first.
    package var auditors: [Auditor]

    /// Aggregates compared cars.
    package init(cars: [Car]) {
        var byAppraiser: [String: [Car]] = [:], byAuditor: [String: [Car]] = [:]
        for car in cars {
            byAppraiser[car.appraisal.inspector.id, default: []].append(car)
            byAuditor[car.audit.inspector.id, default: []].append(car)
        }
        appraisers = byAppraiser.map { id, cars in
            let found = cars.flatMap(\.comparison.discrepancies)
            var missed: [String: Int] = [:]
            var named: [String: (code: String, label: LocalizedText)] = [:]
            for item in found
            where item.kind == .missedByAppraiser || item.kind == .degreeChanged || item.kind == .typeChanged || item.kind == .checkChanged {
                missed["\(item.item) \(item.label.en)", default: 0] += 1
                named["\(item.item) \(item.label.en)"] = (item.item, item.label)
            }
            return Appraiser(
                id: id, name: cars.first?.appraisal.inspector.name, cars: cars.count, discrepancies: found.count,
                perCar: (Double(found.count) / Double(max(1, cars.count)) * 100).rounded() / 100,
                missedStructural: found.filter { $0.kind == .missedByAppraiser && $0.flag == "accident" }.count,
                critical: found.filter { $0.severity == .critical }.count, disputesUpheld: cars.reduce(0) { $0 + $1.disputesUpheld },
                claimsMissed: cars.reduce(0) { $0 + $1.missedClaims.count },
                claimsMissedCost: cars.flatMap(\.missedClaims).reduce(0) { $0 + $1.cost },
                complaintsOnMisses: cars.reduce(0) { $0 + $1.complaintsOnMisses.count },
                mostMissed: missed.map {
                    Item(
                        item: $0.key, count: $0.value, code: named[$0.key]?.code ?? $0.key,
                        label: named[$0.key]?.label ?? .init(zh: $0.key, en: $0.key))
                }.sorted { ($1.count, $0.item) < ($0.count, $1.item) }.prefix(5).map {
                    $0
                })
        }.sorted { ($1.perCar, $0.id) < ($0.perCar, $1.id) }
        auditors = byAuditor.map { id, cars in
            let found = cars.flatMap(\.comparison.discrepancies)
            return Auditor(
                id: id, name: cars.first?.audit.inspector.name, cars: cars.count, discrepancies: found.count,
                critical: found.filter { $0.severity == .critical }.count)
        }.sorted { ($1.cars, $0.id) < ($0.cars, $1.id) }
    }
}
