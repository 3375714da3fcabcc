/// A message as data (a reason, a flag, a warning): a stable `code`, its parameters, and its wording in both languages built from one label table
/// per language (``MessageTable``). Machine outputs carry all three; a report picks the wording of its language.
package struct Notice: Sendable, Hashable, Codable {
    /// Stable, dotted snake_case, e.g. `mileage.rollback`.
    package var code: String
    /// The numbers and names the wording is built from, as machine values (`stage: "audit"`, `below_km: 45`).
    package var params: [String: NoticeValue]
    /// The wording in Chinese and English.
    package var message: LocalizedText

    /// A notice whose wording comes from `table` under `code` (or `variant`, a wording of the same code with more to
    /// say, e.g. `mileage.rollback+unit_hint`). `labels` fill placeholders that read differently per language (a
    /// stage, a part name); they are not parameters. Every `{name}` of both wordings must be a parameter or a label.
    package init(
        _ code: String, variant: String? = nil, _ params: [String: NoticeValue] = [:], labels: [String: LocalizedText] = [:],
        table: MessageTable
    ) {
        self.code = code
        self.params = params
        message = table.wording(variant ?? code, params: params, labels: labels)
    }

    /// A notice with its wording given.
    package init(code: String, params: [String: NoticeValue], message: LocalizedText) {
        self.code = code
        self.params = params
        self.message = message
    }

    /// The wording in one language: `zh` or `en`.
    package func text(zh: Bool) -> String { zh ? message.zh : message.en }
}

/// One parameter of a ``Notice``: a whole number, a decimal or a text, encoded as the bare JSON value.
package enum NoticeValue: Sendable, Hashable, Codable, ExpressibleByIntegerLiteral, ExpressibleByStringLiteral {
    case int(Int)
    case number(Double)
    case text(String)

    package init(integerLiteral value: Int) { self = .int(value) }
    package init(stringLiteral value: String) { self = .text(value) }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let int = try? container.decode(Int.self) {
            self = .int(int)
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else {
            self = .text(try container.decode(String.self))
        }
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case let .int(value): try container.encode(value)
        case let .number(value): try container.encode(value)
        case let .text(value): try container.encode(value)
        }
    }

    /// As placed in a wording: whole numbers grouped by thousands (48,210), decimals as given, text as is.
    package var shown: String {
        switch self {
        case let .int(value): Self.grouped(value)
        case let .number(value): Self.decimal(value)
        case let .text(value): value
        }
    }

    /// 48210 -> "48,210"; -1200 -> "-1,200".
    package static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(character)
        }
        return value < 0 ? "-" + out : out
    }

    /// A decimal without locale and without trailing zeros, at most two decimals: 87.5, 90, 0.25.
    package static func decimal(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let whole = String(hundredths.magnitude / 100), fraction = hundredths.magnitude % 100
        let sign = hundredths < 0 ? "-" : ""
        if fraction == 0 { return sign + whole }
        if fraction % 10 == 0 { return "\(sign)\(whole).\(fraction / 10)" }
        return "\(sign)\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
