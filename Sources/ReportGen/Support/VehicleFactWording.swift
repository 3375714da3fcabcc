import Common
import Inspection

/// How each vehicle-record fact is named and worded, in both languages: the one home of these labels for the
/// condition report, the fact sheet of `inspect find` and the history of corrections.
package enum VehicleFactWording {
    /// The fact's name: 出厂日期 / Built, 过户次数 / Ownership transfers, ... (see ``VehicleFacts/Field/label``).
    package static func label(_ field: VehicleFacts.Field) -> LocalizedText { field.label }

    /// The value as a reader sees it; vocabulary ids are named by `template` (the id itself when it does not know it).
    package static func text(_ value: VehicleFacts.FactValue, field: VehicleFacts.Field, template: ChecklistTemplate?) -> LocalizedText {
        switch value {
        case let .text(text), let .date(text): return .init(zh: text, en: text)
        case let .number(number):
            switch field {
            case .estimatedKm: return .init(zh: "\(number) 公里", en: "\(number) km")
            case .registrationCount: return .init(zh: "\(number) 次", en: "\(number)")
            case .keys: return .init(zh: "\(number) 把", en: "\(number)")
            default: return .init(zh: "\(number)", en: "\(number)")
            }
        case let .present(flag): return flag ? .init(zh: "有", en: "present") : .init(zh: "缺失", en: "missing")
        case let .expires(date?): return .init(zh: "有效期至 \(date)", en: "valid until \(date)")
        case .expires(nil): return .init(zh: "缺失", en: "missing")
        case let .terms(ids):
            let labels = ids.map { id in
                (field == .use ? template?.vehicleUse(id) : template?.equipmentItem(id))?.label ?? LocalizedText(zh: id, en: id)
            }
            if ids.isEmpty { return .init(zh: "无", en: "none") }
            return .init(zh: labels.map(\.zh).joined(separator: "、"), en: labels.map(\.en).joined(separator: ", "))
        }
    }

    /// A plate as a buyer may see it: the issuing region (the first two characters, 京A) and the rest hidden.
    package static func maskedPlate(_ plate: String) -> String {
        let kept = plate.filter { !$0.isWhitespace && $0 != "·" && $0 != "-" }
        return String(kept.prefix(2)) + String(repeating: "•", count: max(0, kept.count - 2))
    }
}
