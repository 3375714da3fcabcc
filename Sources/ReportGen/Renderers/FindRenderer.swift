import Common
import Inspection

/// `inspect find` as text: one line per car, and a single hit's fact sheet, in one language.
package enum FindRenderer {
    /// The answer, ending with a newline.
    package static func text(_ output: FindOutput, language l: ReportLanguage) -> String {
        guard output.total > 0 else { return "\(l.pick(.init(zh: "没有车辆符合", en: "No car matches"))) \"\(output.query)\"\n" }
        var lines = output.cars.map { line($0, language: l) }
        if output.total > output.cars.count {
            lines.append(
                l.pick(
                    .init(
                        zh: "……另有 \(output.total - output.cars.count) 辆，请加关键词缩小范围",
                        en: "... and \(output.total - output.cars.count) more; add words to narrow it")))
        } else if output.total > 1 {
            lines.append(l.pick(.init(zh: "共 \(output.total) 辆，请用完整车架号查看详情", en: "\(output.total) cars; give a full VIN for one car's facts")))
        }
        if let sheet = output.facts {
            lines.append("")
            let rows = sheet.vehicle.rows(l) + (Self.odometer(sheet).map { [(l.text(.odometer), $0)] } ?? [])
            let width = rows.map { columns($0.label) }.max() ?? 0
            lines += rows.map { "  \($0.label)\(String(repeating: " ", count: width - columns($0.label)))  \($0.value)" }
            let changes = sheet.vehicle.changeLines(l)
            if !changes.isEmpty {
                lines.append("  \(l.text(.factChanges)):")
                lines += changes.map { "    \($0)" }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `LSVAM4189C2184526  京N8P2Q1  Volkswagen Lavida 1.6L  2012  1.6L 自动 时尚版  电动天窗、倒车影像  二级  稽查 · 北京亦庄`.
    static func line(_ car: FindOutput.CarLine, language l: ReportLanguage) -> String {
        let equipment = car.equipment.prefix(4).map { l.pick($0.name) }.joined(separator: l == .zh ? "、" : ", ")
        let fields: [String?] = [
            car.vin, car.plate, [car.make, car.model].compactMap { $0 }.joined(separator: " "), car.modelYear.map(String.init), car.trim,
            equipment + (car.equipment.count > 4 ? "…" : ""), car.headline.map(l.pick),
            l.pick(car.latestStageLabel) + (car.latestSite.map { " · \($0)" } ?? "") + " " + String(car.latestAt.prefix(10)),
        ]
        return fields.compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: "  ")
    }

    /// Terminal columns of `text`: East Asian wide characters take two.
    static func columns(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { sum, scalar in
            sum
                + ((0x1100...0x115F).contains(scalar.value) || (0x2E80...0xA4CF).contains(scalar.value) || (0xAC00...0xD7A3).contains(scalar.value)
                    || (0xF900...0xFAFF).contains(scalar.value) || (0xFF00...0xFF60).contains(scalar.value) ? 2 : 1)
        }
    }

    /// The reading as the odometer shows it, with km beside a miles reading: "61876 mi (99580 km)".
    static func odometer(_ sheet: FindOutput.FactSheet) -> String? {
        guard let km = sheet.latestOdometerKm else { return nil }
        guard let shown = sheet.latestOdometer, shown.unit != "km" else { return "\(km) km" }
        return "\(shown.reading) \(shown.unit) (\(km) km)"
    }
}
