import Common
import Foundation
import ImageOps
import Inspection

/// Builds a ``ConditionReport`` from one car's record (loaded by the application layer; nothing here queries).
package struct ConditionReportBuilder: Sendable {
    /// Templates by id.
    package var catalog: TemplateCatalog
    /// Allowances and thresholds.
    package var mileagePolicy: MileagePolicy
    /// The repair cost table: with one, the report carries the reconditioning estimate.
    package var costTable: CostTable?
    /// The return and warranty terms: with them, the report carries the return verdict.
    package var afterSalePolicy: AfterSalePolicy?
    /// The plausibility rules: with them, an odometer implausible for the car's age and use is a warning.
    package var plausibility: PlausibilityPolicy?

    /// Creates a builder.
    package init(catalog: TemplateCatalog, mileagePolicy: MileagePolicy, costTable: CostTable? = nil, afterSalePolicy: AfterSalePolicy? = nil) {
        self.catalog = catalog
        self.mileagePolicy = mileagePolicy
        self.costTable = costTable
        self.afterSalePolicy = afterSalePolicy
    }

    /// Why a report cannot be built.
    package enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        case noInspection(String)
        case template(String)

        package var description: String {
            switch self {
            case let .noInspection(vin): "VIN \(vin) has no appraisal or audit: there is nothing to report"
            case let .template(message): message
            }
        }
    }

    /// The report of `record`'s car (`generatedAt` is written into it as given).
    package func build(_ record: CarRecord, generatedAt: String) throws(Failure) -> ConditionReport {
        let vin = record.vin
        let latest = record.vehicle.latestByStage
        let appraisal = record.latest(.appraisal), audit = record.latest(.audit)
        guard let final = record.reportBasis else { throw .noInspection(vin) }
        let template: ChecklistTemplate
        do { template = try catalog.template(id: final.submission.templateID) } catch { throw .template("\(error)") }
        // A report generated before a handover or return does not contain it.
        let generated = Timestamp.parse(generatedAt).map(\.epochSeconds)
        let asOf = try? generated.get()
        let returned = ReturnedCondition.of(record, template: template, asOf: asOf)
        let submission = returned?.submission ?? final.submission
        let assessment = returned?.assessment ?? final.assessment
        var warnings: [Notice] = []
        if audit == nil { warnings.append(Notice("report.no_audit", table: ReportMessages.table)) }
        // Photos first submitted for another car cannot stand as this car's evidence (the earlier inspection keeps its own).
        let reused = Dictionary(
            final.reuse.filter { $0.kind != .review && $0.isSuspect }.map { ($0.use, record.otherReportReferences[$0.otherVIN] ?? "?") },
            uniquingKeysWith: { a, _ in a })

        // Findings: the final inspection's defects, with who saw them (a return's own, with its photos, after a return).
        let finalPhotos = record.photos(of: final)
        var findings = submission.defects.enumerated().map { index, defect -> ConditionReport.Finding in
            if let returned, let seq = returned.fromReturn[index] {
                let photos = record.photos(of: returned.returned).filter { $0.role == .defect && $0.findingSeq == seq + 1 }
                return Self.finding(
                    defect, seenBy: [Stage.return.rawValue], appraisalCode: nil, photos: photos, template: template, assessment: assessment)
            }
            var seenBy = [final.stage.rawValue]
            var appraisalCode: String?
            if final.stage == .audit, let appraisal,
                let seen = appraisal.submission.defects.first(where: { $0.part == defect.part && $0.type == defect.type })
            {
                seenBy.insert("appraisal", at: 0)
                if seen.code != defect.code { appraisalCode = seen.code }
            }
            let photos = finalPhotos.filter { $0.role == .defect && $0.findingSeq == index + 1 && reused["defect \(defect.code)"] == nil }
            return Self.finding(defect, seenBy: seenBy, appraisalCode: appraisalCode, photos: photos, template: template, assessment: assessment)
        }
        let checks = submission.checks.filter(\.result.isFinding).map { entry -> ConditionReport.CheckFinding in
            var seenBy = [final.stage.rawValue]
            if final.stage == .audit, let appraisal, appraisal.submission.checks.contains(where: { $0.id == entry.id && $0.result == entry.result }) {
                seenBy.insert("appraisal", at: 0)
            }
            return ConditionReport.CheckFinding(
                id: entry.id, name: template.check(entry.id)?.check.label ?? LocalizedText(zh: entry.id, en: entry.id), result: entry.result.rawValue,
                resultLabel: template.label(for: entry.result), seenBy: seenBy,
                deduction: Self.points(assessment.deductions.filter { $0.item == entry.id }.reduce(.zero) { $0 + $1.points }),
                note: entry.note)
        }
        var score: ConditionReport.Score?
        if let total = assessment.total, let grade = assessment.grade, let scoring = template.scoring {
            score = .init(
                sections: assessment.sections.map {
                    .init(id: $0.id, name: $0.label, allowance: Self.points($0.allowance), score: Self.points($0.score))
                },
                total: Self.points(total), maximum: Self.points(scoring.total), grade: .init(id: grade.id, name: grade.label))
        }
        let flags = assessment.flags.map { ConditionReport.Flag(id: $0.id, name: $0.label, causes: $0.causes) }
        let lead = Headline.of(assessment, template: template)
        let headline = lead.label.map {
            ConditionReport.Headline(
                kind: lead.kind, label: $0, grade: Self.gradeID(lead), flag: Self.flagID(lead), scoreIsInformationOnly: lead.scoreIsInformationOnly)
        }

        // Appraiser vs auditor.
        var discrepancies: ConditionReport.Discrepancies?
        let outcome = record.comparison(catalog: catalog, policy: mileagePolicy)
        if case let .differentTemplates(appraisalTemplate, auditTemplate) = outcome {
            warnings.append(
                Notice(
                    "report.different_templates", ["appraisal_template": .text(appraisalTemplate), "audit_template": .text(auditTemplate)],
                    table: ReportMessages.table))
        }
        if let comparison = outcome.compared?.comparison {
            let items = comparison.discrepancies
            discrepancies = .init(
                count: items.count, critical: items.filter { $0.severity == .critical }.count,
                appraisalGrade: comparison.appraisalGrade.map { .init(id: $0.id, name: $0.label) }, kmBetween: comparison.kmBetween,
                hoursBetween: Int(comparison.secondsBetween / 3600), context: comparison.context,
                items: items.map {
                    .init(
                        kind: $0.kind.rawValue, severity: $0.severity.rawValue, item: $0.item, name: $0.label, appraisal: $0.appraisal,
                        audit: $0.audit, appraisalLabel: Self.checkLabel($0, $0.appraisal), auditLabel: Self.checkLabel($0, $0.audit),
                        summary: $0.summary, possiblyNew: $0.possiblyNew)
                })
        }

        // Mileage.
        let ledger = record.mileageLedger(policy: mileagePolicy)
        let legs = Dictionary(ledger.legs.map { ($0.to, $0) }, uniquingKeysWith: { first, _ in first })
        let mileage = ConditionReport.Mileage(
            readings: ledger.records.map { record in
                .init(
                    id: record.id, stage: record.stage.rawValue, at: record.at.text, reading: record.reading, unit: record.unit.rawValue,
                    km: record.kilometres,
                    source: record.source.rawValue, mode: record.mode?.rawValue, routeKm: record.routeKm, deltaKm: legs[record.id]?.deltaKm,
                    allowanceKm: legs[record.id].flatMap { $0.judged ? $0.allowanceKm : nil }, supersededBy: ledger.superseded[record.id],
                    supersedes: record.supersedes)
            },
            flags: ledger.flags.map { .init(kind: $0.kind.rawValue, severity: $0.severity.rawValue, readingID: $0.recordID, notice: $0.notice) })
        for flag in ledger.flags where flag.severity == .critical { warnings.append(flag.notice) }

        // Walkaround photos, template angle order.
        let photos = template.angles.compactMap { angle -> ConditionReport.Photo? in
            guard let row = finalPhotos.first(where: { $0.role == .angle && $0.angle == angle.id }) else { return nil }
            if let other = reused[angle.id] {
                let verdict = "retake_required"
                return .init(
                    angle: angle.id, name: angle.label, image: nil, thumbnail: nil, verdict: verdict,
                    verdictLabel: ReportMessages.label("photo.verdict.\(verdict)"), problems: [], reusedFrom: other)
            }
            return .init(
                angle: angle.id, name: angle.label, image: row.storedPath, thumbnail: row.thumbnailPath, verdict: row.verdict,
                verdictLabel: row.verdict.map { PhotoMessages.table.wording("photo.verdict.\($0)", params: [:], labels: [:]) },
                problems: row.problems.map(\.notice), reusedFrom: nil)
        }
        for photo in photos where photo.verdict == "fail" {
            let failing = finalPhotos.first { $0.role == .angle && $0.angle == photo.angle }?.problems.filter(\.fails) ?? []
            warnings.append(
                Notice(
                    "report.photo_failed", ["angle": .text(photo.angle), "gates": .text(failing.map(\.gate).joined(separator: ","))],
                    labels: [
                        "angle": photo.name,
                        "problems": LocalizedText(
                            zh: failing.map(\.notice.message.zh).joined(separator: "；"), en: failing.map(\.notice.message.en).joined(separator: "; ")),
                    ], table: ReportMessages.table))
        }
        var warned = Set<String>()  // a photo the appraisal and the audit share is named once
        for match in latest.filter({ $0.stage == .appraisal || $0.stage == .audit }).flatMap(\.reuse)
        where warned.insert("\(match.use)/\(match.otherVIN)/\(match.isSuspect)").inserted {
            let angle = template.angles.first { $0.id == match.use }?.label ?? LocalizedText(zh: match.use, en: match.use)
            let other = NoticeValue.text(record.otherReportReferences[match.otherVIN] ?? "?")
            guard match.isSuspect || match.kind == .review else {
                warnings.append(
                    Notice(
                        "report.photo_reused_later", ["angle": .text(match.use), "other_report": other, "match": .text(match.kind.rawValue)],
                        labels: ["angle": angle], table: ReportMessages.table))
                continue
            }
            warnings.append(
                match.kind == .review
                    ? Notice(
                        "report.photo_resembles", ["angle": .text(match.use), "other_report": other, "distance": .int(match.distance)],
                        labels: ["angle": angle], table: ReportMessages.table)
                    : Notice(
                        "report.photo_reused", ["angle": .text(match.use), "other_report": other, "match": .text(match.kind.rawValue)],
                        labels: ["angle": angle], table: ReportMessages.table))
        }
        if let plausibility { warnings += Plausibility.notices(record, basis: final, template: template, policy: plausibility) }
        warnings += Self.unscoredStructure(findings, template: template)
        for finding in findings where finding.safety {
            // A measured degree says the measurement beside the band: "tread depth 1.3 mm (tyre tread depth under 1.6 mm)".
            let band = finding.degreeLabel ?? LocalizedText(zh: "", en: "")
            let degree = finding.measured == nil ? band : LocalizedText(zh: "\(finding.what.zh)（\(band.zh)）", en: "\(finding.what.en) (\(band.en))")
            warnings.append(
                Notice(
                    "report.safety_item", ["code": .text(finding.code)], labels: ["part": finding.place, "degree": degree],
                    table: ReportMessages.table))
        }

        // The latest delivery, checked against the report; one before a return is history, listed with the handovers.
        var delivery: ConditionReport.Delivery?
        if let handover = record.latest(.delivery), asOf.map({ handover.submission.inspectedAt.epochSeconds <= $0 }) ?? true,
            returned.map({ $0.returned.submission.inspectedAt < handover.submission.inspectedAt }) ?? true
        {
            let check = DeliveryCheck.evaluate(delivery: handover, record: record, catalog: catalog, policy: mileagePolicy)
            if let check {
                delivery = .init(
                    verdict: check.verdict.rawValue, verdictLabel: ReportMessages.label("delivery.verdict.\(check.verdict.rawValue)"),
                    inspectedAt: handover.submission.inspectedAt.text, odometer: check.odometer, newDamage: check.newDamage,
                    disputed: check.disputed,
                    reasons: check.reasons.map {
                        .init(
                            verdict: $0.verdict.rawValue, topic: $0.topic, tag: $0.tag, tagLabel: ReportMessages.label("delivery.tag.\($0.tag)"),
                            notice: $0.notice, customerNotice: $0.customer)
                    })
            }
        }

        let used = latest.filter { $0.stage == .appraisal || $0.stage == .audit || $0.id == returned?.returned.id }.map { inspection in
            ConditionReport.InspectionUsed(
                stage: inspection.stage.rawValue, stageLabel: inspection.stage.label, revision: inspection.revision,
                inspectorID: inspection.submission.inspector.id, inspectorName: inspection.submission.inspector.name,
                inspectedAt: inspection.submission.inspectedAt.text, site: inspection.submission.site, template: inspection.submission.templateID,
                odometer: .init(
                    reading: inspection.submission.odometer.reading, unit: inspection.submission.odometer.unit.rawValue,
                    km: inspection.submission.odometer.kilometres))
        }
        let reportID = returned?.reportID ?? record.reportID
        let disputes = Self.disputes(record, basis: final, template: template, generated: asOf)
        for index in findings.indices {  // a settled dispute's re-measured degree, beside the reported one
            findings[index].remeasuredDegree = disputes.last { $0.finding == findings[index].code && $0.degree != nil }?.degree
        }
        let estimate = costTable.map { table in
            QuoteOutput(vin: vin, basis: final, quote: Quoter.quote(submission, assessment: assessment, template: template, table: table))
        }
        var report = ConditionReport(
            reportID: reportID, reportReference: record.reportReference,
            generatedAt: (try? Timestamp.parse(generatedAt).get()).map { $0.inZone(of: final.submission.inspectedAt).text } ?? generatedAt,
            vehicle: .of(record, basis: submission, template: template),
            inspections: used, findings: findings, checks: checks, headline: headline, score: score, flags: flags, discrepancies: discrepancies,
            mileage: mileage,
            photos: photos, delivery: delivery, estimate: estimate, disputes: disputes,
            afterSale: afterSale(record, generated: asOf),
            warnings: warnings)
        report.handovers = handovers(record, generated: asOf, superseded: returned != nil)
        supersession(of: &report, record: record, template: template, returned: returned)
        return report
    }

    /// A check result as a reader sees it, for check discrepancies (defect codes are shown as they are).
    static func checkLabel(_ item: Discrepancy, _ value: String?) -> LocalizedText? {
        guard let value, let result = CheckResult(rawValue: value) else { return nil }
        return InspectionMessages.checkResult(result)
    }

    static func gradeID(_ headline: Headline) -> String? {
        switch headline {
        case let .graded(grade), let .accident(grade, _, _): grade.id
        case .notGraded, .notTradeable, .none: nil
        }
    }

    static func flagID(_ headline: Headline) -> String? {
        switch headline {
        case let .notGraded(flag, _), let .notTradeable(flag, _), let .accident(_, flag, _): flag
        case .graded, .none: nil
        }
    }

    /// Points as a JSON number (hundredths are exact in decimal, and JSONEncoder prints the shortest form).
    static func points(_ value: Points) -> Double { Double(value.hundredths) / 100 }
}
