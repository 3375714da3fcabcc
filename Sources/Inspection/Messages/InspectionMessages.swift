import Common

/// The wordings of the domain's notices (mileage flags, leg allowances, delivery reasons, comparison summaries), one
/// table per language. Codes are stable: machine outputs carry them; wordings may improve.
package enum InspectionMessages {
    /// The table.
    package static let table = MessageTable(zh: zh, en: en)

    // Conventions: {stage}-like placeholders are labels (they read differently per language); readings are shown as
    // recorded ("61,870 mi (99,570 km)"); km figures are grouped by thousands.
    private static let en: [String: String] = [
        "mileage.rollback":
            "rollback confirmed: {reading} at {stage} ({at}) is {below_km} km below {earlier_reading} at {earlier_stage} ({earlier_at}) (rule: an odometer never goes back)",
        "mileage.rollback+unit_hint":
            "rollback confirmed: {reading} at {stage} ({at}) is {below_km} km below {earlier_reading} at {earlier_stage} ({earlier_at}) (rule: an odometer never goes back); possibly recorded in the wrong unit (ratio {ratio})",
        "mileage.conflict":
            "readings disagree: #{id} {reading} at {stage} ({at}) is {below_km} km below #{earlier_id} {earlier_reading} at {earlier_stage} ({earlier_at}); a wrong entry or a rollback: resolve it (inspect mileage resolve)",
        "mileage.conflict+unit_hint":
            "readings disagree: #{id} {reading} at {stage} ({at}) is {below_km} km below #{earlier_id} {earlier_reading} at {earlier_stage} ({earlier_at}); a wrong entry or a rollback: resolve it (inspect mileage resolve); possibly recorded in the wrong unit (ratio {ratio})",
        "mileage.unit_mismatch":
            "unit mismatch suspicion: {reading} at {stage} is {direction} of {earlier_reading} at {earlier_stage} (ratio {ratio}, rule: within {tolerance_percent}% of 1.609344; was km recorded as mi or the other way?)",
        "mileage.unexplained_growth":
            "unexplained growth: +{delta_km} km from {from_stage} to {to_stage} exceeds the allowance of {allowance_km} km ({rule})",
        "mileage.repeated_across_cars":
            "repeated across cars: {reading} at {stage} was also recorded for {other_vins} (rule: the same reading on different cars is rarely chance)",
        "mileage.implausible_speed":
            "implausible rate: +{delta_km} km in {duration} is an average of {speed_kmh} km/h (rule: at most {max_kmh} km/h)",
        "mileage.implausible_per_day":
            "implausible rate: +{delta_km} km in {duration} is {per_day_km} km/day (rule: at most {max_per_day_km} km/day)",
        "allowance.appraisal_to_audit": "appraisal to audit on site: {allowance_km} km",
        "allowance.flatbed": "flatbed: loading and unloading {allowance_km} km",
        "allowance.driven": "driven: route {route_km} km plus {slack_percent}% (at least {slack_minimum_km} km)",
        "allowance.driven_no_route": "driven without a route: other-leg allowance {allowance_km} km",
        "allowance.other": "other leg: {allowance_km} km",
        "allowance.trial_week": "the buyer's trial week before a return: {allowance_km} km",
        "allowance.with_owner": "with the owner after the sale: not judged",
        "delivery.odometer": "report {report_reading}, now {delivery_reading}, {delta} km, {route}, {status}",
        "route.flatbed": "flatbed",
        "route.driven": "driven {route_km} km route",
        "route.driven_no_route": "driven, route unknown",
        "route.not_recorded": "transport not recorded",
        "odometer_status.within": "within allowance",
        "odometer_status.over": "over the allowance of {allowance_km} km",
        "odometer_status.below": "below the report",
        "odometer_status.below_unit": "below the report (km and miles mixed up?)",
        "odometer_status.unit": "km and miles mixed up?",
        "delivery.odometer_below":
            "the odometer reads {below_km} km less than the condition report (rule: an odometer never goes back; suspected tampering): stop and escalate",
        "delivery.odometer_below+unit_hint":
            "the odometer reads {below_km} km less than the condition report (rule: an odometer never goes back; suspected tampering): stop and escalate; possibly recorded in the wrong unit (ratio {ratio})",
        "delivery.unit_mismatch":
            "unit mismatch suspicion: {delivery_reading} at delivery is {direction} of the report's {report_reading} (ratio {ratio}); was km recorded as mi or the other way?",
        "delivery.over_allowance": "+{delta_km} km since the report is more than the allowance of {allowance_km} km ({rule})",
        "delivery.new_damage": "{code} {part}: not in the condition report: new damage, stop and escalate",
        "delivery.worse_damage": "{code} {part}: worse than the report's {report_code}: stop and escalate",
        "delivery.dispute_recorded": "the buyer disputes report defect {code} (recorded)",
        "delivery.dispute_unlisted": "the buyer disputes {code}, which the condition report does not list",
        "delivery.photo_retake": "{angle}: {problem}; retake it",
        "delivery.customer.new_damage": "{code} {part}: found at the handover; not in the condition report",
        "delivery.customer.worse_damage": "{code} {part}: worse at the handover than the condition report records",
        "delivery.customer.odometer_verifying": "the odometer reading is being verified",
        "delivery.customer.over_allowance": "+{delta_km} km since the report, more than the transport allowance of {allowance_km} km",
        "delivery.customer.dispute_recorded": "your dispute about {code} is recorded",
        "delivery.customer.dispute_open": "your dispute about {code} is being handled",
        "delivery.customer.dispute_settled": "your dispute about {code} was settled: {decision_name}",
        "delivery.customer.photo_retake": "{angle}: photo being retaken",
        "delivery.customer.not_acknowledged": "the condition report says {item_name}: please confirm you have been told",
        "delivery.customer.documents_conflict": "the car's papers are being checked: {documents}",
        "delivery.not_acknowledged": "the report says {item_name}: the buyer has not acknowledged it at the handover (record it under acknowledged)",
        "delivery.documents_conflict":
            "{check} {check_name}: ok at the handover, but the vehicle record marks missing: {documents}; check the papers",
        "compare.context.driven": "driven {km} km and {duration} between appraisal and audit; {verdict}",
        "compare.context.rolled_back": "the odometer went back {back_km} km and {duration} between appraisal and audit; {verdict}",
        "compare.may_be_new":
            "new findings may have happened since the appraisal (over {threshold_km} km or {threshold_days} days)",
        "compare.may_be_new+transport":
            "the car was transported between them; new findings may have happened since the appraisal (over {threshold_km} km or {threshold_days} days)",
        "compare.most_likely_there":
            "within {threshold_km} km and {threshold_days} days, so findings were most likely there at the appraisal",
        "compare.odometer_rollback":
            "odometer: the audit reads {back_km} km less than the appraisal (rule: an odometer never goes back; suspected tampering)",
        "compare.confirmed": "{code} {part} {defect}: confirmed",
        "compare.degree_changed": "{part} {defect}: degree {from} to {to}",
        "compare.type_changed": "{part}: the appraiser recorded {appraisal_code}, the auditor {audit_code}",
        "compare.missed_by_appraiser": "{code} {part} {defect}: missed by the appraiser",
        "compare.missed_by_appraiser+grade": "{code} {part} {defect}: missed by the appraiser; changes the grade to {grade}",
        "compare.not_confirmed": "{code} {part} {defect}: not confirmed by the auditor",
        "compare.check_missed": "{check} {name}: missed by the appraiser ({appraisal_result} to {audit_result})",
        "compare.check_missed+grade":
            "{check} {name}: missed by the appraiser ({appraisal_result} to {audit_result}); changes the grade to {grade}",
        "compare.check_not_confirmed": "{check} {name}: not confirmed by the auditor ({appraisal_result} to {audit_result})",
        "compare.check_changed": "{check} {name}: result changed ({appraisal_result} to {audit_result})",
        "delivery.dispute_open": "dispute #{id} on report defect {code} is open: settle it with inspect dispute resolve",
        "delivery.dispute_settled": "dispute #{id} on report defect {code} was settled: {decision_name}",
        "after_sale.no_delivery": "no delivery on record: a car that was not handed over cannot be returned",
        "after_sale.handover_stopped": "the car was never handed over ({attempts} handover attempt(s), each stopped): it cannot be returned",
        "after_sale.outside_window":
            "returned at {returned_at}, after the {window_days}-day window that closed at {deadline} (delivered at {delivered_at})",
        "after_sale.refusing_finding": "{flag_name} found at the return (causes: {causes}): the return is refused",
        "after_sale.rollback": "the odometer reads {return_km} km, below {delivery_km} km at delivery (suspected tampering): the return is refused",
        "after_sale.new_damage": "{code} {part}: new damage since the delivery",
        "after_sale.worse_damage": "{code} {part}: worse than at the delivery",
        "after_sale.over_km": "{driven_km} km driven in the trial week, {over_km} km over the allowance of {allowance_km} km",
        "plausibility.over_max": "odometer {km} km is above {max_km} km, more than a passenger car plausibly covers: check the reading",
        "plausibility.too_few_km":
            "{km} km in {age_months} months is {per_year_km} km a year, below the {min_km} km a year a car of this use ({use_name}) usually covers: a clocked or swapped odometer, or a wrong use? Check it",
        "plausibility.too_many_km":
            "{km} km in {age_months} months is {per_year_km} km a year, above the {max_km} km a year a car of this use ({use_name}) usually covers: check the reading and the use",
        "plausibility.service_life":
            "{use_name}, {age_months} months since registration, {km} km: at or past the service life of that use ({limit_years} years or {limit_km} km): check whether it may be traded",
        "warranty.no_delivery": "no delivery on record: the warranty starts at the handover",
        "warranty.handover_stopped":
            "the car was never handed over ({attempts} handover attempt(s), each stopped): the warranty starts at the handover",
        "warranty.before_delivery": "claimed at {claimed_at}, before the delivery at {delivered_at}",
        "warranty.expired": "claimed at {claimed_at}, after the {period_days}-day warranty ended at {ended_at}",
        "warranty.disclosed": "{item}: recorded by the inspections (found and disclosed)",
        "warranty.missed": "{item}: passed by the appraiser and the auditor (missed)",
        "quote.excluded": "{flag_name}: the car is not reconditioned and not quoted (causes: {causes})",
        "quote.structural": "{code}: structural part, needs a body-shop assessment; not priced",
        "quote.earlier_repair": "{code}: a trace of an earlier repair, nothing to recondition",
        "quote.cosmetic": "{code}: cosmetic, no reconditioning",
        "quote.assessment_needed": "{code}: needs a workshop's assessment before it can be priced",
        "quote.no_rule": "{code}: no rule of the cost table covers it",
        "quote.check_not_priced": "{check}: the cost table prices no repair for this check",
    ]

    private static let zh: [String: String] = [
        "mileage.rollback": "已确认里程回退：{stage}（{at}）读数 {reading}，比{earlier_stage}（{earlier_at}）的 {earlier_reading} 少 {below_km} km（规则：里程表读数不会回退）",
        "mileage.rollback+unit_hint":
            "已确认里程回退：{stage}（{at}）读数 {reading}，比{earlier_stage}（{earlier_at}）的 {earlier_reading} 少 {below_km} km（规则：里程表读数不会回退）；可能是单位记错（比值 {ratio}）",
        "mileage.conflict":
            "读数矛盾：#{id} {stage}（{at}）读数 {reading}，比 #{earlier_id} {earlier_stage}（{earlier_at}）的 {earlier_reading} 少 {below_km} km；录入错误或里程回退，需人工核实处理",
        "mileage.conflict+unit_hint":
            "读数矛盾：#{id} {stage}（{at}）读数 {reading}，比 #{earlier_id} {earlier_stage}（{earlier_at}）的 {earlier_reading} 少 {below_km} km；录入错误或里程回退，需人工核实处理；可能是单位记错（比值 {ratio}）",
        "mileage.unit_mismatch":
            "疑似公里与英里混淆：{stage}读数 {reading} 约为{earlier_stage}读数 {earlier_reading} 的 {direction}（比值 {ratio}，规则：与 1.609344 相差不超过 {tolerance_percent}%）",
        "mileage.unexplained_growth": "里程增长无法解释：{from_stage}至{to_stage}增加 {delta_km} km，超过允许的 {allowance_km} km（{rule}）",
        "mileage.repeated_across_cars": "多车读数相同：{stage}读数 {reading} 也记录在 {other_vins}（规则：不同车辆读数相同很少是巧合）",
        "mileage.implausible_speed": "里程增长不合理：{duration}内增加 {delta_km} km，平均时速 {speed_kmh} km/h（规则：不超过 {max_kmh} km/h）",
        "mileage.implausible_per_day": "里程增长不合理：{duration}内增加 {delta_km} km，每天 {per_day_km} km（规则：每天不超过 {max_per_day_km} km）",
        "allowance.appraisal_to_audit": "评估至稽查现场移车：{allowance_km} km",
        "allowance.flatbed": "板车运输：装卸 {allowance_km} km",
        "allowance.driven": "自驾运输：路线 {route_km} km 加 {slack_percent}%（至少 {slack_minimum_km} km）",
        "allowance.driven_no_route": "自驾运输但无路线：按其他行程 {allowance_km} km",
        "allowance.other": "其他行程：{allowance_km} km",
        "allowance.trial_week": "退车前买家试用期：{allowance_km} km",
        "allowance.with_owner": "售后车主使用期间：不判定",
        "delivery.odometer": "报告 {report_reading}，现为 {delivery_reading}，变化 {delta} km，{route}，{status}",
        "route.flatbed": "板车运输",
        "route.driven": "自驾运输，路线 {route_km} km",
        "route.driven_no_route": "自驾运输，路线未知",
        "route.not_recorded": "未记录运输方式",
        "odometer_status.within": "在允许范围内",
        "odometer_status.over": "超过允许的 {allowance_km} km",
        "odometer_status.below": "低于报告读数",
        "odometer_status.below_unit": "低于报告读数（公里与英里混淆？）",
        "odometer_status.unit": "公里与英里混淆？",
        "delivery.odometer_below": "表显里程比车况报告少 {below_km} km（规则：里程表读数不会回退；调表嫌疑）：停止交付并上报",
        "delivery.odometer_below+unit_hint":
            "表显里程比车况报告少 {below_km} km（规则：里程表读数不会回退；调表嫌疑）：停止交付并上报；可能是单位记错（比值 {ratio}）",
        "delivery.unit_mismatch": "疑似公里与英里混淆：交付读数 {delivery_reading} 约为报告读数 {report_reading} 的 {direction}（比值 {ratio}）",
        "delivery.over_allowance": "报告后增加 {delta_km} km，超过允许的 {allowance_km} km（{rule}）",
        "delivery.new_damage": "{code} {part}：车况报告中没有：新增损伤，停止交付并上报",
        "delivery.worse_damage": "{code} {part}：比报告的 {report_code} 更严重：停止交付并上报",
        "delivery.dispute_recorded": "买家对报告缺陷 {code} 有异议（已记录）",
        "delivery.dispute_unlisted": "买家对 {code} 有异议，但车况报告未列出该项",
        "delivery.photo_retake": "{angle}：{problem}；请重拍",
        "delivery.customer.new_damage": "{code} {part}：交付时发现，车况报告中没有",
        "delivery.customer.worse_damage": "{code} {part}：交付时比车况报告记录的更严重",
        "delivery.customer.odometer_verifying": "表显里程正在核实",
        "delivery.customer.over_allowance": "报告后增加 {delta_km} km，超过运输允许的 {allowance_km} km",
        "delivery.customer.dispute_recorded": "您对 {code} 的异议已记录",
        "delivery.customer.dispute_open": "您对 {code} 的异议正在处理",
        "delivery.customer.dispute_settled": "您对 {code} 的异议已处理：{decision_name}",
        "delivery.customer.photo_retake": "{angle}：照片重拍中",
        "delivery.customer.not_acknowledged": "车况报告显示{item_name}：请确认您已知悉",
        "delivery.customer.documents_conflict": "随车证件正在核对：{documents}",
        "delivery.not_acknowledged": "车况报告显示{item_name}：买家尚未在交付时确认知悉",
        "delivery.documents_conflict": "{check} {check_name}：交付时记为正常，但车辆档案显示缺失：{documents}；请核对证件",
        "compare.context.driven": "评估与稽查间隔 {duration}，行驶 {km} km；{verdict}",
        "compare.context.rolled_back": "评估与稽查间隔 {duration}，里程回退 {back_km} km；{verdict}",
        "compare.may_be_new": "评估后可能出现新问题（超过 {threshold_km} km 或 {threshold_days} 天）",
        "compare.may_be_new+transport": "两次检测之间车辆经过运输；评估后可能出现新问题（超过 {threshold_km} km 或 {threshold_days} 天）",
        "compare.most_likely_there": "未超过 {threshold_km} km 和 {threshold_days} 天，问题很可能在评估时已存在",
        "compare.odometer_rollback": "表显里程：稽查读数比评估少 {back_km} km（规则：里程表读数不会回退；调表嫌疑）",
        "compare.confirmed": "{code} {part}{defect}：一致",
        "compare.degree_changed": "{part}{defect}：程度 {from} 变为 {to}",
        "compare.type_changed": "{part}：评估记录 {appraisal_code}，稽查记录 {audit_code}",
        "compare.missed_by_appraiser": "{code} {part}{defect}：评估漏检",
        "compare.missed_by_appraiser+grade": "{code} {part}{defect}：评估漏检；技术等级变为{grade}",
        "compare.not_confirmed": "{code} {part}{defect}：稽查未确认",
        "compare.check_missed": "{check} {name}：评估漏检（{appraisal_result} 变为 {audit_result}）",
        "compare.check_missed+grade": "{check} {name}：评估漏检（{appraisal_result} 变为 {audit_result}）；技术等级变为{grade}",
        "compare.check_not_confirmed": "{check} {name}：稽查未确认（{appraisal_result} 变为 {audit_result}）",
        "compare.check_changed": "{check} {name}：检查结果变化（{appraisal_result} 变为 {audit_result}）",
        "delivery.dispute_open": "对报告缺陷 {code} 的异议 #{id} 尚未处理",
        "delivery.dispute_settled": "对报告缺陷 {code} 的异议 #{id} 已处理：{decision_name}",
        "after_sale.no_delivery": "没有交付记录：未交付的车辆不能退车",
        "after_sale.handover_stopped": "车辆从未交付（{attempts} 次交付均被停止）：不能退车",
        "after_sale.outside_window": "退车时间 {returned_at} 已超过 {window_days} 天退车期（截止 {deadline}，交付于 {delivered_at}）",
        "after_sale.refusing_finding": "退车检测发现{flag_name}（原因：{causes}）：不予退车",
        "after_sale.rollback": "表显里程 {return_km} km 低于交付时的 {delivery_km} km（调表嫌疑）：不予退车",
        "after_sale.new_damage": "{code} {part}：交付后新增损伤",
        "after_sale.worse_damage": "{code} {part}：比交付时更严重",
        "after_sale.over_km": "试用期行驶 {driven_km} km，超出允许的 {allowance_km} km 共 {over_km} km",
        "plausibility.over_max": "表显里程 {km} km 超过 {max_km} km，超出乘用车的合理范围：请核对读数",
        "plausibility.too_few_km":
            "{age_months} 个月行驶 {km} km，年均 {per_year_km} km，低于该使用性质（{use_name}）通常的每年 {min_km} km：疑似里程表被调或更换，或使用性质有误，请核实",
        "plausibility.too_many_km":
            "{age_months} 个月行驶 {km} km，年均 {per_year_km} km，高于该使用性质（{use_name}）通常的每年 {max_km} km：请核对读数与使用性质",
        "plausibility.service_life":
            "{use_name}，登记后 {age_months} 个月，行驶 {km} km：已达到该用途的使用年限（{limit_years} 年或 {limit_km} km）：请核实能否交易",
        "warranty.no_delivery": "没有交付记录：质保自交付起算",
        "warranty.handover_stopped": "车辆从未交付（{attempts} 次交付均被停止）：质保自交付起算",
        "warranty.before_delivery": "索赔时间 {claimed_at} 早于交付时间 {delivered_at}",
        "warranty.expired": "索赔时间 {claimed_at} 已超过 {period_days} 天质保期（截止 {ended_at}）",
        "warranty.disclosed": "{item}：检测已记录（已发现并披露）",
        "warranty.missed": "{item}：评估与稽查均判为正常（漏检）",
        "quote.excluded": "{flag_name}：车辆不整备、不报价（原因：{causes}）",
        "quote.structural": "{code}：结构件，需钣金车间评估，不报价",
        "quote.earlier_repair": "{code}：以往修复痕迹，无需整备",
        "quote.cosmetic": "{code}：外观轻微，无需整备",
        "quote.assessment_needed": "{code}：需车间评估后才能报价",
        "quote.no_rule": "{code}：报价表中没有适用的规则",
        "quote.check_not_priced": "{check}：报价表未为此检查项定价",
    ]

    /// A duration in both languages, as reports show it: minutes under an hour, hours under two days, else days to
    /// one decimal (66 h is 2.8 days).
    package static func duration(seconds: Int64) -> LocalizedText {
        let seconds = max(seconds, 0)
        if seconds < 3600 { return LocalizedText(zh: "\(seconds / 60) 分钟", en: "\(seconds / 60) min") }
        if seconds < 86_400 * 2 { return LocalizedText(zh: "\(seconds / 3600) 小时", en: "\(seconds / 3600) h") }
        let days = NoticeValue.decimal((Double(seconds) / 8640).rounded() / 10)
        return LocalizedText(zh: "\(days) 天", en: "\(days) days")
    }

    /// A dispute's decision in both languages.
    package static func decision(_ decision: Dispute.Decision) -> LocalizedText {
        switch decision {
        case .accepted: LocalizedText(zh: "认可（按现状）", en: "accepted as it stands")
        case .polished: LocalizedText(zh: "已抛光处理", en: "polished")
        case .repaired: LocalizedText(zh: "已修复", en: "repaired")
        case .priceAdjusted: LocalizedText(zh: "已调整价格", en: "price adjusted")
        case .refused: LocalizedText(zh: "不予支持，以报告为准", en: "refused: the report stands")
        }
    }

    /// Who bore a settlement's cost, in both languages.
    package static func bearer(_ bearer: Dispute.Bearer) -> LocalizedText {
        switch bearer {
        case .platform: LocalizedText(zh: "平台", en: "platform")
        case .customer: LocalizedText(zh: "买家", en: "customer")
        case .seller: LocalizedText(zh: "卖家", en: "seller")
        }
    }

    /// A check result in both languages (`ok`, `minor`, `major`, `na`, or not answered).
    package static func checkResult(_ result: CheckResult?) -> LocalizedText {
        result.map(ChecklistTemplate.standardLabel) ?? LocalizedText(zh: "未作答", en: "not answered")
    }
}
