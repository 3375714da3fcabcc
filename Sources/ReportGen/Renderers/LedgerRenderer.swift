import Common
import Foundation
import Inspection

/// `inspect mileage show` as text, in one language.
package enum LedgerRenderer {
    /// The ledger of `vin` in `l`, ending with a newline.
    package static func text(vin: String, ledger: MileageLedger, language l: ReportLanguage) -> String {
        let zh = l == .zh
        var lines = [zh ? "里程记录 \(vin)：" : "mileage ledger of \(vin):"]
        let legsByTarget = Dictionary(ledger.legs.map { ($0.to, $0) }, uniquingKeysWith: { first, _ in first })
        for record in ledger.records {
            let stage = zh ? record.stage.label.zh : record.stage.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)
            var line = "  #\(record.id) \(record.at) \(stage) \(record.display)"
            if let mode = record.mode {
                let name = zh ? (mode == .flatbed ? "板车运输" : "自驾") : mode.rawValue
                line += " · \(name)" + (record.routeKm.map { zh ? " 路线 \($0) km" : " \($0) km route" } ?? "")
            }
            line += " · " + (zh ? (record.source == .manual ? "手工录入" : "检测提交") : record.source.rawValue)
            if let old = record.supersedes { line += zh ? " · 更正 #\(old)" : " · corrects #\(old)" }
            if let newer = ledger.superseded[record.id] { line += zh ? " · 已由 #\(newer) 更正" : " · superseded by #\(newer)" }
            if let leg = legsByTarget[record.id] {
                let allowance =
                    leg.judged
                    ? (zh ? "（允许 \(leg.allowanceKm) km）" : " (allowance \(leg.allowanceKm) km)")
                    : (zh ? "（车主使用期间，不判定）" : " (with the owner: not judged)")
                line += " · \(leg.deltaKm >= 0 ? "+" : "")\(OdometerRecord.grouped(leg.deltaKm)) km" + allowance
            }
            if let note = record.note { line += " · \(note)" }
            lines.append(line)
        }
        lines.append(ledger.flags.isEmpty ? (zh ? "无里程异常" : "no flags") : (zh ? "里程异常：" : "flags:"))
        for flag in ledger.flags { lines.append("  [\(l.flagSeverity(flag.severity.rawValue))] #\(flag.recordID) \(l.say(flag.notice))") }
        return lines.joined(separator: "\n") + "\n"
    }
}
