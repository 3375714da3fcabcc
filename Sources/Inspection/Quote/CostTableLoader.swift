import Common
import Foundation

/// Reads `repair-costs/1` files strictly: every problem is reported with its place, and a table with any error is
/// refused as a whole.
package enum CostTableLoader {
    /// The format line.
    package static let format = "repair-costs/1"

    /// Why a cost table cannot be used: every problem with its place.
    package struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        package var problems: [Diagnostic]
        package var description: String { "cost table is broken:\n" + problems.map { "  " + $0.rendered }.joined(separator: "\n") }
    }

    /// Loads the table at `url`.
    package static func load(from url: URL) throws(Failure) -> CostTable {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw Failure(problems: [Diagnostic(.error, file: url.path, at: nil, item: nil, "cannot be read")])
        }
        return try parse(Array(data), path: url.path)
    }

    /// Parses table bytes.
    package static func parse(_ bytes: [UInt8], path: String) throws(Failure) -> CostTable {
        var log = DiagnosticLog(file: path)
        guard let root = YAMLLoader.load(bytes, syntax: .forPath(path), limits: .template, what: "cost table", log: &log),
            let top = log.mapping(root, item: nil)
        else { throw Failure(problems: log.sorted) }
        var reader = CostTableReader(log: log)
        let table = reader.table(top, at: root.location)
        guard let table, !reader.log.hasErrors else { throw Failure(problems: reader.log.sorted) }
        return table
    }
}

/// The reading of one table, collecting problems.
private struct CostTableReader {
    typealias Pairs = [(key: String, keyAt: SourceLocation, value: YAMLValue)]
    var log: DiagnosticLog

    mutating func table(_ top: Pairs, at location: SourceLocation) -> CostTable? {
        log.rejectUnknownKeys(
            top, allowed: ["format", "currency", "labour_rates", "default_site_class", "sites", "operations", "rules", "checks", "agreed_price"],
            item: nil)
        if let value = log.require("format", in: top, at: location, item: nil), let text = log.text(value, item: nil, field: "format"),
            text != CostTableLoader.format
        {
            log.error("format \"\(text)\" is not supported (expected \(CostTableLoader.format))", at: value.location)
        }
        let currencyValue = log.require("currency", in: top, at: location, item: nil)
        let currency = currencyValue.flatMap { log.text($0, item: nil, field: "currency") }
        if let currency, currency.count != 3 || !currency.allSatisfy({ $0.isASCII && $0.isUppercase }) {
            log.error("currency \"\(currency)\" must be an ISO 4217 code such as CNY", at: currencyValue?.location ?? location)
        }
        var rates: [String: Int] = [:]
        if let value = log.require("labour_rates", in: top, at: location, item: nil), let pairs = log.mapping(value, item: "labour_rates") {
            for pair in pairs {
                guard let rate = log.integer(pair.value, item: "labour_rates", field: pair.key) else { continue }
                if rate <= 0 || rate > 100_000 { log.error("\(pair.key) \(rate) is out of range (1-100000 per hour)", at: pair.value.location) }
                rates[pair.key] = rate
            }
        }
        let defaultValue = log.require("default_site_class", in: top, at: location, item: nil)
        let defaultClass = defaultValue.flatMap { log.text($0, item: nil, field: "default_site_class") }
        if let defaultClass, !rates.isEmpty, rates[defaultClass] == nil {
            log.error(
                "default_site_class \"\(defaultClass)\" has no labour rate (classes: \(rates.keys.sorted().joined(separator: " ")))",
                at: defaultValue?.location ?? location)
        }
        var sites: [String: String] = [:]
        if let value = top.first(where: { $0.key == "sites" })?.value, let pairs = log.mapping(value, item: "sites") {
            for pair in pairs {
                guard let siteClass = log.text(pair.value, item: "sites", field: pair.key) else { continue }
                if rates[siteClass] == nil { log.error("site \(pair.key): class \"\(siteClass)\" has no labour rate", at: pair.value.location) }
                sites[pair.key] = siteClass
            }
        }
        var operations: [String: CostTable.Operation] = [:]
        if let value = log.require("operations", in: top, at: location, item: nil) { operations = self.operations(value) }
        var rules: [CostTable.Rule] = []
        if let value = log.require("rules", in: top, at: location, item: nil) { rules = self.rules(value, operations: operations) }
        var checkRules: [CostTable.CheckRule] = []
        if let value = top.first(where: { $0.key == "checks" })?.value { checkRules = self.checkRules(value, operations: operations) }
        let agreed = top.first { $0.key == "agreed_price" }.flatMap {
            log.choice($0.value, allowed: CostTable.AgreedPrice.allCases.map(\.rawValue), item: nil, field: "agreed_price")
        }
        guard let currency, let defaultClass else { return nil }
        var table = CostTable(
            currency: currency, labourRates: rates, defaultSiteClass: defaultClass, sites: sites, operations: operations, rules: rules,
            checkRules: checkRules)
        table.agreedPrice = agreed.flatMap(CostTable.AgreedPrice.init(rawValue:)) ?? .upperBound
        return table
    }

    mutating func operations(_ value: YAMLValue) -> [String: CostTable.Operation] {
        guard let pairs = log.mapping(value, item: "operations") else { return [:] }
        var result: [String: CostTable.Operation] = [:]
        for pair in pairs {
            let item = "operation \(pair.key)"
            guard let fields = log.mapping(pair.value, item: item) else { continue }
            log.rejectUnknownKeys(fields, allowed: ["zh", "en", "hours", "material"], item: item)
            let at = pair.value.location
            let zh = log.require("zh", in: fields, at: at, item: item).flatMap { log.text($0, item: item, field: "zh") }
            let en = log.require("en", in: fields, at: at, item: item).flatMap { log.text($0, item: item, field: "en") }
            let hours = log.require("hours", in: fields, at: at, item: item).flatMap { log.number($0, item: item, field: "hours") }
            if let hours, hours < 0 || hours > 200 { log.error("hours \(hours) is out of range (0-200)", at: at, item: item) }
            var range: (Int, Int)?
            if let material = log.require("material", in: fields, at: at, item: item), let bounds = log.mapping(material, item: item) {
                log.rejectUnknownKeys(bounds, allowed: ["min", "max"], item: item)
                let low = log.require("min", in: bounds, at: material.location, item: item).flatMap { log.integer($0, item: item, field: "min") }
                let high = log.require("max", in: bounds, at: material.location, item: item).flatMap { log.integer($0, item: item, field: "max") }
                if let low, let high {
                    if low < 0 || high < low || high > 10_000_000 {
                        log.error("material min \(low) and max \(high) must satisfy 0 <= min <= max <= 10000000", at: material.location, item: item)
                    }
                    range = (low, high)
                }
            }
            if let zh, let en, let hours, let range {
                result[pair.key] = CostTable.Operation(
                    id: pair.key, label: LocalizedText(zh: zh, en: en), hours: hours, materialMin: range.0, materialMax: range.1)
            }
        }
        return result
    }

    mutating func rules(_ value: YAMLValue, operations: [String: CostTable.Operation]) -> [CostTable.Rule] {
        guard let items = log.list(value, item: "rules", field: "rules") else { return [] }
        var rules: [CostTable.Rule] = []
        for (index, entry) in items.enumerated() {
            let item = "rules #\(index + 1)"
            guard let fields = log.mapping(entry, item: item) else { continue }
            log.rejectUnknownKeys(fields, allowed: ["group", "parts", "defect", "degrees", "operation", "not_priced"], item: item)
            let group = fields.first { $0.key == "group" }.flatMap { log.text($0.value, item: item, field: "group") }
            let parts = fields.first { $0.key == "parts" }.flatMap { list in
                log.list(list.value, item: item, field: "parts")?.compactMap { log.text($0, item: item, field: "part") }
            }
            if (group == nil) == (parts == nil) { log.error("give either group or parts", at: entry.location, item: item) }
            let defect = fields.first { $0.key == "defect" }.flatMap { log.text($0.value, item: item, field: "defect") }
            let degrees = fields.first { $0.key == "degrees" }.flatMap { list in
                log.list(list.value, item: item, field: "degrees")?.compactMap { log.integer($0, item: item, field: "degree") }
            }
            var outcome: CostTable.Outcome?
            switch (fields.first { $0.key == "operation" }, fields.first { $0.key == "not_priced" }) {
            case let (operation?, nil):
                if let id = log.text(operation.value, item: item, field: "operation") {
                    if operations[id] == nil {
                        log.error(
                            "unknown operation \"\(id)\" (operations: \(operations.keys.sorted().joined(separator: " ")))",
                            at: operation.value.location, item: item)
                    }
                    outcome = .operation(id)
                }
            case let (nil, reason?):
                let allowed = CostTable.NotPriced.allCases.map(\.rawValue)
                if let text = log.choice(reason.value, allowed: allowed, item: item, field: "not_priced"),
                    let why = CostTable.NotPriced(rawValue: text)
                {
                    outcome = .notPriced(why)
                }
            default:
                log.error("give either operation or not_priced", at: entry.location, item: item)
            }
            guard let outcome, (group == nil) != (parts == nil) else { continue }
            let rule = CostTable.Rule(
                number: index + 1, line: entry.location.line, group: group, parts: parts, defect: defect, degrees: degrees, outcome: outcome)
            if let clash = rules.first(where: { Self.overlap($0, rule) }) {
                log.error(
                    "\(clash.name) and this rule are equally specific and both match some findings; make one more specific or remove one",
                    at: entry.location, item: item)
            }
            rules.append(rule)
        }
        return rules
    }

    /// Two rules equally specific that could match the same finding.
    static func overlap(_ a: CostTable.Rule, _ b: CostTable.Rule) -> Bool {
        guard a.specificity == b.specificity else { return false }
        if let pa = a.parts, let pb = b.parts {
            guard !Set(pa).isDisjoint(with: pb) else { return false }
        } else if a.group != b.group {
            return false
        }
        if a.defect != b.defect { return false }
        if let da = a.degrees, let db = b.degrees { return !Set(da).isDisjoint(with: db) }
        return true
    }

    mutating func checkRules(_ value: YAMLValue, operations: [String: CostTable.Operation]) -> [CostTable.CheckRule] {
        guard let items = log.list(value, item: "checks", field: "checks") else { return [] }
        var result: [CostTable.CheckRule] = []
        var seen: [String: Int] = [:]
        for (index, entry) in items.enumerated() {
            let item = "checks #\(index + 1)"
            guard let fields = log.mapping(entry, item: item) else { continue }
            log.rejectUnknownKeys(fields, allowed: ["checks", "operation"], item: item)
            let checks = log.require("checks", in: fields, at: entry.location, item: item).flatMap { list in
                log.list(list, item: item, field: "checks")?.compactMap { log.text($0, item: item, field: "check") }
            }
            let operation = log.require("operation", in: fields, at: entry.location, item: item).flatMap {
                log.text($0, item: item, field: "operation")
            }
            if let operation, operations[operation] == nil {
                log.error("unknown operation \"\(operation)\"", at: entry.location, item: item)
            }
            for check in checks ?? [] {
                if let earlier = seen[check] { log.error("check \(check) is already priced by checks #\(earlier)", at: entry.location, item: item) }
                seen[check] = index + 1
            }
            if let checks, let operation {
                result.append(CostTable.CheckRule(number: index + 1, line: entry.location.line, checks: checks, operation: operation))
            }
        }
        return result
    }
}
