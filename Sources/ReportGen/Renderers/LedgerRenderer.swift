import Foundation
import Inspection

/// `inspect mileage show` as text.
package enum LedgerRenderer {
    /// The ledger of `vin`, ending with a newline.
    package static func text(vin: String, ledger: MileageLedger) -> String {
        var lines = ["mileage ledger of \(vin) (里程记录):"]
        let legsByTarget = Dictionary(ledger.legs.map { ($0.to, $0) }, uniquingKeysWith: { first, _ in first })
        for record in ledger.records {
            var line = "  #\(record.id) \(record.at) \(record.stage.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)) \(record.display)"
            if let mode = record.mode { line += " · \(mode.rawValue)" + (record.routeKm.map { " \($0) km route" } ?? "") }
            line += " · \(record.source)"
            if let old = record.supersedes { line += " · corrects #\(old)" }
            if let newer = ledger.superseded[record.id] { line += " · superseded by #\(newer)" }
            if let leg = legsByTarget[record.id] {
                line +=
                    " · \(leg.deltaKm >= 0 ? "+" : "")\(OdometerRecord.grouped(leg.deltaKm)) km"
                    + (leg.judged ? " (allowance \(leg.allowanceKm) km)" : " (with the owner: not judged)")
            }
            if let note = record.note { line += " · \(note)" }
            lines.append(line)
        }
        lines.append(ledger.flags.isEmpty ? "no flags" : "flags:")
        for flag in ledger.flags { lines.append("  [\(flag.severity.rawValue)] #\(flag.recordID) \(flag.message)") }
        return lines.joined(separator: "\n") + "\n"
    }
}
