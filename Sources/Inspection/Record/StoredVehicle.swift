import Common

/// Everything stored for one car.
package struct StoredVehicle: Sendable, Hashable {
    /// The VIN.
    package var vin: String
    /// Every revision of every stage, by stage then revision.
    package var inspections: [StoredInspection]
    /// The odometer ledger, oldest first.
    package var odometer: [StoredOdometerReading]

    /// The newest revision of each stage, in stage order.
    package var latestByStage: [StoredInspection] {
        var latest: [String: StoredInspection] = [:]
        for inspection in inspections where (latest[inspection.stage.rawValue]?.revision ?? 0) < inspection.revision {
            latest[inspection.stage.rawValue] = inspection
        }
        return latest.values.sorted { $0.stage < $1.stage }
    }

    /// Creates the record.
    package init(
        vin: String, inspections: [StoredInspection], odometer: [StoredOdometerReading]
    ) {
        self.vin = vin
        self.inspections = inspections
        self.odometer = odometer
    }

    /// The condition report's stable id: VIN plus the latest appraisal and audit revisions, e.g.
    /// `LSVAM4189C2184526-A1-U1`.
    package var reportID: String {
        let latest = latestByStage
        return vin + (latest.first { $0.stage == .appraisal }.map { "-A\($0.revision)" } ?? "")
            + (latest.first { $0.stage == .audit }.map { "-U\($0.revision)" } ?? "")
    }

    /// An opaque reference to the condition report, e.g. `R-3F9A0C17B2`: the report id contains the VIN, so another
    /// car's report is named by this where its VIN must not show (a photo reused from that car). The first 10 hex digits
    /// of the SHA-256 of the report id; `inspect show` prints it.
    package var reportReference: String { "R-" + SHA256.hex(of: Array(reportID.utf8)).prefix(10).uppercased() }
}
