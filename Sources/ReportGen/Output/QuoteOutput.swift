import Common
import Inspection

/// The reconditioning estimate as the `quote/1` contract (schema `schemas/quote-1.schema.json`): `inspect quote
/// --format json`, and the `estimate` section of the condition report. `excluded` is always present (null when the car
/// is quoted), as quoting systems test for it.
package struct QuoteOutput: Sendable, Hashable, Codable {
    /// The contract's name and version.
    package static let formatName = "quote/1"

    /// The inspection the estimate stands on.
    package struct Basis: Sendable, Hashable, Codable {
        package var inspection: String
        package var revision: Int
        package var template: String
    }

    /// A coded thing with its name.
    package struct Named: Sendable, Hashable, Codable {
        package var code: String
        package var name: LocalizedText
    }

    /// One priced finding or check.
    package struct Line: Sendable, Hashable, Codable {
        package var finding: String
        package var part: Named
        package var defect: LocalizedText?
        package var degree: Int?
        package var operation: Named
        package var hours: Double
        package var cost: Quote.Amount
        package var rule: String
    }

    /// A finding or check not priced.
    package struct NotQuoted: Sendable, Hashable, Codable {
        package var finding: String
        package var name: LocalizedText
        package var reason: Notice
    }

    /// The car excluded from quoting.
    package struct Excluded: Sendable, Hashable, Codable {
        package var flag: String
        package var name: LocalizedText
        package var causes: [String]
        package var reason: Notice
    }

    package var format = Self.formatName
    package var vin: String
    package var currency: String
    package var basis: Basis
    package var siteClass: String
    package var labourRate: Int
    package var lines: [Line]
    package var notQuoted: [NotQuoted]
    package var excluded: Excluded?
    package var total: Quote.Amount

    /// The output of `quote` for `vin`, standing on `basis`.
    package init(vin: String, basis: StoredInspection, quote: Quote) {
        self.vin = vin
        currency = quote.currency
        self.basis = Basis(inspection: basis.stage.rawValue, revision: basis.revision, template: basis.submission.templateID)
        siteClass = quote.siteClass
        labourRate = quote.labourRate
        lines = quote.lines.map {
            Line(
                finding: $0.finding, part: Named(code: $0.item, name: $0.name), defect: $0.defect, degree: $0.degree,
                operation: Named(code: $0.operation.id, name: $0.operation.label), hours: $0.hours, cost: $0.cost, rule: $0.rule)
        }
        notQuoted = quote.notQuoted.map { NotQuoted(finding: $0.finding, name: $0.name, reason: $0.reason) }
        excluded = quote.excluded.map { Excluded(flag: $0.flag, name: $0.label, causes: $0.causes, reason: $0.reason) }
        total = quote.total
    }

    /// The estimate of `record`'s car, on the inspection its condition report stands on (nil without one).
    package init?(record: CarRecord, catalog: TemplateCatalog, table: CostTable, siteClass: String? = nil) throws(TemplateError) {
        guard let basis = record.reportBasis else { return nil }
        let template = try catalog.template(id: basis.submission.templateID)
        let quote = Quoter.quote(basis.submission, assessment: basis.assessment, template: template, table: table, siteClass: siteClass)
        self.init(vin: record.vin, basis: basis, quote: quote)
    }

    private enum CodingKeys: String, CodingKey {
        case format, vin, currency, basis, siteClass, labourRate, lines, notQuoted, excluded, total
    }

    package func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(format, forKey: .format)
        try c.encode(vin, forKey: .vin)
        try c.encode(currency, forKey: .currency)
        try c.encode(basis, forKey: .basis)
        try c.encode(siteClass, forKey: .siteClass)
        try c.encode(labourRate, forKey: .labourRate)
        try c.encode(lines, forKey: .lines)
        try c.encode(notQuoted, forKey: .notQuoted)
        try c.encode(excluded, forKey: .excluded)  // null when quoted: always present
        try c.encode(total, forKey: .total)
    }
}
