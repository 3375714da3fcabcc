import Common
import Inspection

/// The language of the human renderers, and the one table of their fixed labels (template names come from the
/// template itself, already bilingual).
package enum ReportLanguage: String, Sendable, CaseIterable {
    case zh
    case en

    /// The label in this language.
    package func pick(_ text: LocalizedText) -> String { self == .zh ? text.zh : text.en }

    /// A fixed label of the report in this language.
    package func text(_ key: Key) -> String { pick(key.label) }

    /// Every fixed label of the report.
    package enum Key: Sendable {
        case title, vehicle, vin, modelYear, makeModel, factChanges, inspections, stage, inspector, time, site, odometer
        case grade, score, flags, noFlags, findings, noFindings, part, defect, degree, seenBy, deduction, note, photos, checks
        case discrepancies, noDiscrepancies, possiblyNew, mileage, reading, delta, allowance, noMileageFlags, walkaround, quality
        case delivery, verdict, warnings, diagram, generated, report, structural, section, total, legend, appraisal, audit, odometerRollback
        case informationOnly, scoreSetsNoGrade, handoverAttempts, odometerBeingVerified, odometerConflict, supersededBy, safety, retakeRequired
        case estimate, operation, hours, cost, notQuoted, siteClass, labourRate, estimateTotal, rule
        case disputes, reportPhoto, disputePhoto, remeasured, borneBy, openedBy
        case afterSale, returnInspection, warrantyClaims, deductions, windowUntil, estimateRange
        case serviceVisit, workOrder, reception, existingDamage, fuel, valuables, acknowledgedBy, healthCheck, quoteLines, offered, approvedTotal

        var label: LocalizedText {
            switch self {
            case .title: .init(zh: "车况报告", en: "Condition report")
            case .vehicle: .init(zh: "车辆", en: "Vehicle")
            case .vin: .init(zh: "车架号", en: "VIN")
            case .modelYear: .init(zh: "车型年款", en: "Model year")
            case .makeModel: .init(zh: "品牌车型", en: "Make and model")
            case .factChanges: .init(zh: "车辆资料更正", en: "Vehicle record corrections")
            case .inspections: .init(zh: "检测记录", en: "Inspections")
            case .stage: .init(zh: "环节", en: "Stage")
            case .inspector: .init(zh: "检测人", en: "Inspector")
            case .time: .init(zh: "时间", en: "Time")
            case .site: .init(zh: "地点", en: "Site")
            case .odometer: .init(zh: "表显里程", en: "Odometer")
            case .grade: .init(zh: "技术等级", en: "Grade")
            case .score: .init(zh: "得分", en: "Score")
            case .flags: .init(zh: "重要提示", en: "Flags")
            case .noFlags: .init(zh: "无事故、泡水、火烧或不可交易情况", en: "No accident, flood, fire or trade restriction found")
            case .findings: .init(zh: "车况缺陷", en: "Findings")
            case .noFindings: .init(zh: "未发现缺陷", en: "No defects found")
            case .part: .init(zh: "部位", en: "Part")
            case .defect: .init(zh: "缺陷", en: "Defect")
            case .degree: .init(zh: "程度", en: "Degree")
            case .seenBy: .init(zh: "发现环节", en: "Seen by")
            case .deduction: .init(zh: "扣分", en: "Deduction")
            case .note: .init(zh: "备注", en: "Note")
            case .photos: .init(zh: "照片", en: "Photos")
            case .checks: .init(zh: "检查项异常", en: "Checks not OK")
            case .discrepancies: .init(zh: "评估与稽查差异", en: "Appraisal vs audit")
            case .noDiscrepancies: .init(zh: "稽查结果与评估一致", en: "The audit confirmed the appraisal")
            case .possiblyNew: .init(zh: "可能为评估后新增", en: "possibly new since the appraisal")
            case .mileage: .init(zh: "里程记录", en: "Mileage")
            case .reading: .init(zh: "读数", en: "Reading")
            case .delta: .init(zh: "变化", en: "Change")
            case .allowance: .init(zh: "允许", en: "Allowance")
            case .noMileageFlags: .init(zh: "里程记录无异常", en: "No mileage flags")
            case .walkaround: .init(zh: "环车照片", en: "Walkaround photos")
            case .quality: .init(zh: "照片质量", en: "Quality")
            case .delivery: .init(zh: "交付检查", en: "Delivery check")
            case .verdict: .init(zh: "结论", en: "Verdict")
            case .warnings: .init(zh: "注意事项", en: "Warnings")
            case .diagram: .init(zh: "车身损伤示意图", en: "Damage diagram")
            case .generated: .init(zh: "生成时间", en: "Generated")
            case .report: .init(zh: "报告编号", en: "Report")
            case .structural: .init(zh: "结构件", en: "structural")
            case .section: .init(zh: "项目", en: "Section")
            case .total: .init(zh: "总分", en: "Total")
            case .legend: .init(zh: "图例", en: "Legend")
            case .appraisal: .init(zh: "评估", en: "appraisal")
            case .audit: .init(zh: "稽查", en: "audit")
            case .odometerRollback: .init(zh: "里程回退（已核实确认）", en: "Odometer rollback (confirmed)")
            case .odometerConflict: .init(zh: "里程读数矛盾：待人工核实", en: "Odometer readings disagree: to be resolved")
            case .informationOnly: .init(zh: "仅供参考", en: "for information only")
            case .odometerBeingVerified: .init(zh: "里程读数正在核实", en: "Odometer reading being verified")
            case .handoverAttempts: .init(zh: "全部交付记录", en: "Every handover attempt")
            case .scoreSetsNoGrade: .init(zh: "本车不评级：得分仅供参考，不决定等级", en: "This car is not graded: the score is for information only and sets no grade")
            case .supersededBy: .init(zh: "已被更正，见", en: "superseded by")
            case .safety: .init(zh: "安全隐患", en: "safety item")
            case .retakeRequired: .init(zh: "需重拍", en: "retake required")
            case .estimate: .init(zh: "整备估价", en: "Reconditioning estimate")
            case .operation: .init(zh: "工序", en: "Operation")
            case .hours: .init(zh: "工时", en: "Hours")
            case .cost: .init(zh: "费用", en: "Cost")
            case .notQuoted: .init(zh: "未报价", en: "Not quoted")
            case .siteClass: .init(zh: "地区等级", en: "Site class")
            case .labourRate: .init(zh: "工时费", en: "Labour rate")
            case .estimateTotal: .init(zh: "合计", en: "Total")
            case .rule: .init(zh: "依据", en: "Rule")
            case .disputes: .init(zh: "异议处理", en: "Disputes")
            case .reportPhoto: .init(zh: "报告照片", en: "report photo")
            case .disputePhoto: .init(zh: "异议照片", en: "photo when disputed")
            case .remeasured: .init(zh: "复测程度", en: "re-measured degree")
            case .borneBy: .init(zh: "承担方", en: "borne by")
            case .openedBy: .init(zh: "提出方", en: "raised by")
            case .afterSale: .init(zh: "售后记录", en: "After the sale")
            case .returnInspection: .init(zh: "退车检测", en: "Return inspection")
            case .warrantyClaims: .init(zh: "质保索赔", en: "Warranty claims")
            case .deductions: .init(zh: "扣款合计", en: "Deductions")
            case .estimateRange: .init(zh: "估价", en: "estimate")
            case .windowUntil: .init(zh: "退车期截止", en: "window until")
            case .serviceVisit: .init(zh: "维修保养接待单", en: "Service visit")
            case .workOrder: .init(zh: "工单", en: "Work order")
            case .reception: .init(zh: "接车环检", en: "Reception walkaround")
            case .existingDamage: .init(zh: "接车时已有损伤", en: "Damage present at reception")
            case .fuel: .init(zh: "燃油", en: "Fuel")
            case .valuables: .init(zh: "车内物品", en: "Valuables in the car")
            case .acknowledgedBy: .init(zh: "客户确认", en: "Acknowledged by")
            case .healthCheck: .init(zh: "车辆健康检查", en: "Vehicle health check")
            case .quoteLines: .init(zh: "维修建议与报价", en: "Recommended work and quote")
            case .offered: .init(zh: "报价合计", en: "Offered")
            case .approvedTotal: .init(zh: "已确认", en: "Approved")
            }
        }
    }

    /// A discrepancy kind in this language.
    package func kind(_ name: String) -> String {
        let labels: [String: LocalizedText] = [
            "confirmed": .init(zh: "一致", en: "confirmed"), "degree-changed": .init(zh: "程度变化", en: "degree changed"),
            "missed-by-appraiser": .init(zh: "评估漏检", en: "missed by the appraiser"),
            "not-confirmed-by-auditor": .init(zh: "稽查未确认", en: "not confirmed by the auditor"),
            "type-changed": .init(zh: "缺陷类型变化", en: "type changed"),
            "check-changed": .init(zh: "检查结果变化", en: "check changed"),
            "odometer-rollback": .init(zh: "里程回退", en: "odometer rollback"),
        ]
        return labels[name].map(pick) ?? name
    }

    /// A coded notice in this language.
    package func say(_ notice: Notice) -> String { pick(notice.message) }

    /// The notices in this language, one sentence after another.
    package func say(_ notices: [Notice]) -> String { notices.map(say).joined(separator: self == .zh ? "；" : "; ") }

    /// A ledger reading's transport mode (`flatbed`, `driven`) in this language.
    package func mode(_ name: String) -> String {
        let labels: [String: LocalizedText] = ["flatbed": .init(zh: "板车", en: "flatbed"), "driven": .init(zh: "自驾", en: "driven")]
        return labels[name].map(pick) ?? name
    }

    /// A ledger flag's severity (`critical`, `warning`) in this language.
    package func flagSeverity(_ name: String) -> String {
        let labels: [String: LocalizedText] = ["critical": .init(zh: "严重", en: "critical"), "warning": .init(zh: "提示", en: "warning")]
        return labels[name].map(pick) ?? name
    }

    /// A severity in this language.
    package func severity(_ name: String) -> String {
        let labels: [String: LocalizedText] = [
            "critical": .init(zh: "严重", en: "critical"), "major": .init(zh: "较重", en: "major"), "minor": .init(zh: "轻微", en: "minor"),
        ]
        return labels[name].map(pick) ?? name
    }

    /// Who saw a finding, in this language; the appraisal with what the appraiser recorded when it differs:
    /// "评估（15XF1）, 稽查".
    package func seenBy(_ finding: ConditionReport.Finding) -> String {
        finding.seenBy.map { stage in
            let name = self.stage(stage)
            guard stage == "appraisal", let code = finding.appraisalCode else { return name }
            return self == .zh ? "\(name)（\(code)）" : "\(name) (\(code))"
        }.joined(separator: ", ")
    }

    /// One discrepancy in this language: "评估漏检 左C柱: — → 4SH".
    package func discrepancy(_ item: ConditionReport.DiscrepancyItem) -> String {
        let before = item.appraisalLabel.map(pick) ?? item.appraisal ?? "—", after = item.auditLabel.map(pick) ?? item.audit ?? "—"
        let code = item.kind == "odometer-rollback" ? "" : "\(item.item) "
        return "\(kind(item.kind)) \(code)\(pick(item.name)): \(before) → \(after)" + (item.possiblyNew ? " (\(text(.possiblyNew)))" : "")
    }

    /// The time and distance between the two inspections in this language.
    package func between(_ d: ConditionReport.Discrepancies) -> String {
        // Days to one decimal, as the comparison's own context says it (66 h is 2.8 days, not 2).
        let tenths = (d.hoursBetween * 10 + 12) / 24
        let time = d.hoursBetween < 48 ? "\(d.hoursBetween) h" : "\(tenths / 10).\(tenths % 10) \(self == .zh ? "天" : "days")"
        if d.kmBetween < 0 {
            return self == .zh
                ? "评估与稽查间隔 \(time)，里程回退 \(-d.kmBetween) km" : "\(time) between appraisal and audit, the odometer went back \(-d.kmBetween) km"
        }
        return self == .zh ? "评估与稽查间隔 \(time)，行驶 \(d.kmBetween) km" : "\(time) and \(d.kmBetween) km between appraisal and audit"
    }

    /// `appraisal` / `audit` / `delivery` in this language.
    package func stage(_ name: String) -> String {
        Stage(rawValue: name).map { pick($0.label) } ?? OdometerStage(rawValue: name).map { pick($0.label) } ?? name
    }

    /// Who raised a dispute (`customer`, `staff`) in this language.
    package func party(_ name: String) -> String {
        let labels: [String: LocalizedText] = ["customer": .init(zh: "买家", en: "customer"), "staff": .init(zh: "员工", en: "staff")]
        return labels[name].map(pick) ?? name
    }

    /// A cost range in this language: `1,350–2,100 元` / `CNY 1,350–2,100`.
    package func money(_ amount: Quote.Amount, currency: String) -> String {
        let range =
            amount.min == amount.max
            ? NoticeValue.grouped(amount.min) : "\(NoticeValue.grouped(amount.min))–\(NoticeValue.grouped(amount.max))"
        if self == .zh { return currency == "CNY" ? "\(range) 元" : "\(range) \(currency)" }
        return "\(currency) \(range)"
    }

    /// A number without locale and without trailing zeros: 87.5, 90, 0.25.
    package static func number(_ value: Double) -> String {
        Points(hundredths: Int((value * 100).rounded())).description
    }
}
