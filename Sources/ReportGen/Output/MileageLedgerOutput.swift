import Common
import Inspection

/// `inspect mileage show --format json`: `format: mileage-ledger/2` (schema `schemas/mileage-ledger-2.schema.json`).
package struct MileageLedgerOutput: Sendable, Encodable {
    /// The contract's name and version.
    package static let formatName = "mileage-ledger/2"

    /// One reading, superseded ones included.
    package struct Record: Sendable, Encodable {
        package var id: Int64
        package var stage: String
        package var at: String
        package var reading: Int
        package var unit: String
        package var km: Int
        package var source: String
        package var mode: String?
        package var routeKm: Int?
        package var note: String?
        package var supersedes: Int64?
        package var supersededBy: Int64?
    }

    /// One leg between effective readings.
    package struct Leg: Sendable, Encodable {
        package var from: Int64
        package var to: Int64
        package var deltaKm: Int
        package var elapsedHours: Double
        /// Absent for a leg whose growth is not judged (with the owner after the sale).
        package var allowanceKm: Int?
        package var rule: Notice
    }

    /// One flag.
    package struct Flag: Sendable, Encodable {
        package var kind: String
        package var severity: String
        package var recordID: Int64
        package var notice: Notice
    }

    package var format = Self.formatName
    package var vin: String
    package var records: [Record]
    package var legs: [Leg]
    package var flags: [Flag]

    /// The output for one car's ledger.
    package init(vin: String, ledger: MileageLedger) {
        self.vin = vin
        records = ledger.records.map {
            Record(
                id: $0.id, stage: $0.stage.rawValue, at: $0.at.text, reading: $0.reading, unit: $0.unit.rawValue, km: $0.kilometres,
                source: $0.source.rawValue, mode: $0.mode?.rawValue, routeKm: $0.routeKm, note: $0.note, supersedes: $0.supersedes,
                supersededBy: ledger.superseded[$0.id])
        }
        legs = ledger.legs.map {
            Leg(
                from: $0.from, to: $0.to, deltaKm: $0.deltaKm, elapsedHours: (Double($0.elapsedSeconds) / 36).rounded() / 100,
                allowanceKm: $0.judged ? $0.allowanceKm : nil, rule: $0.rule)
        }
        flags = ledger.flags.map { Flag(kind: $0.kind.rawValue, severity: $0.severity.rawValue, recordID: $0.recordID, notice: $0.notice) }
    }
}
