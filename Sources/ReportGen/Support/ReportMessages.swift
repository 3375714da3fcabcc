import Common

/// The wordings of the report's own notices (warnings, verdicts), one table per language (see ``Notice``).
package enum ReportMessages {
    /// The table.
    package static let table = MessageTable(zh: zh, en: en)

    private static let en: [String: String] = [
        "report.no_audit": "no audit yet: the findings are the appraiser's alone",
        "report.customer.one_inspection": "This report stands on one inspection (the appraisal); the car has not been re-inspected yet",
        "report.customer.reading_being_verified": "this reading is being verified",
        "photo.customer.retaking": "photo being retaken",
        "report.different_templates": "the appraisal uses {appraisal_template} and the audit {audit_template}; they cannot be compared item by item",
        "report.photo_failed": "{angle} photo: {problems}",
        "report.photo_reused": "{angle} photo: the same picture was submitted for another car (report {other_report}): retake required",
        "report.photo_reused_later":
            "{angle} photo: the same picture turned up later in another car's inspection (report {other_report}); that inspection is flagged, this photo stands",
        "report.photo_resembles": "{angle} photo resembles one of another car (report {other_report}, distance {distance}): worth a look",
        "report.safety_item": "safety: {code} {part}: {degree}",
        "report.structural_not_scored":
            "{code} {part} deducts no points: under {template}, damage to the body structure is not scored but raises the flag \u{201C}{flag}\u{201D}",
        "report.supersedes":
            "This report replaces report {report_id}: the car was returned on {returned_at}, and the return inspection's findings are in it",
        "report.superseded": "Superseded: the car was returned on {returned_at}; report {report_id} replaces this one",
        "delivery.verdict.ok": "OK to hand over",
        "delivery.verdict.attention": "attention",
        "delivery.verdict.stop": "STOP",
        "delivery.tag.ok": "ok",
        "delivery.tag.attention": "attention",
        "delivery.tag.stop": "stop",
        "delivery.tag.dispute": "dispute",
        "photo.verdict.retake_required": "retake required",
    ]

    private static let zh: [String: String] = [
        "report.no_audit": "尚无稽查：缺陷仅来自评估师",
        "report.customer.one_inspection": "本报告仅基于一次检测（评估），车辆尚未复检",
        "report.customer.reading_being_verified": "该读数正在核实",
        "photo.customer.retaking": "照片重拍中",
        "report.different_templates": "评估使用 {appraisal_template}，稽查使用 {audit_template}，无法逐项对比",
        "report.photo_failed": "{angle}照片：{problems}",
        "report.photo_reused": "{angle}照片：同一张照片已用于另一辆车（报告 {other_report}）：需重拍",
        "report.photo_reused_later": "{angle}照片：同一张照片后来出现在另一辆车的检测中（报告 {other_report}）；已标记该检测，本照片有效",
        "report.photo_resembles": "{angle}照片与另一辆车的照片相似（报告 {other_report}，距离 {distance}）：请人工核对",
        "report.safety_item": "安全隐患：{code} {part}：{degree}",
        "report.structural_not_scored": "{code} {part} 不扣分：按 {template}，车体骨架损伤不计入得分，而是判定为“{flag}”",
        "report.supersedes": "本报告取代报告 {report_id}：车辆于 {returned_at} 退回，退车检测的发现已计入",
        "report.superseded": "已被取代：车辆于 {returned_at} 退回，以报告 {report_id} 为准",
        "delivery.verdict.ok": "可交付",
        "delivery.verdict.attention": "需核查",
        "delivery.verdict.stop": "停止交付",
        "delivery.tag.ok": "正常",
        "delivery.tag.attention": "需核查",
        "delivery.tag.stop": "停止",
        "delivery.tag.dispute": "异议",
        "photo.verdict.retake_required": "需重拍",
    ]

    /// The wording of a code without parameters (a verdict, a tag).
    package static func label(_ code: String) -> LocalizedText { table.wording(code, params: [:], labels: [:]) }
}
