import Common

/// The wordings of a batch run's failure reasons, one table per language (see ``Notice``). Validation diagnostics are
/// carried as the `detail` parameter as the validator wrote them (file, line and column included).
package enum BatchMessages {
    /// The table.
    package static let table = MessageTable(zh: zh, en: en)

    private static let en: [String: String] = [
        "batch.no_submissions": "no appraisal.yaml, audit.yaml, delivery.yaml or return.yaml in {car}",
        "batch.invalid": "{detail}",
        "batch.wrong_stage": "{file}: the file says stage {stage}",
        "batch.vin_differs": "{file}: VIN {vin} differs from the folder's other submissions ({other_vin})",
        "batch.submit_failed": "{file}: {detail}",
        "batch.reports_failed": "reports: {detail}",
        "batch.recorded": "{detail}",
    ]

    private static let zh: [String: String] = [
        "batch.no_submissions": "{car} 中没有 appraisal.yaml、audit.yaml、delivery.yaml 或 return.yaml",
        "batch.invalid": "提交文件有误：{detail}",
        "batch.wrong_stage": "{file}：文件中的环节为 {stage}",
        "batch.vin_differs": "{file}：车架号 {vin} 与同一文件夹中其他提交（{other_vin}）不一致",
        "batch.submit_failed": "{file}：提交失败：{detail}",
        "batch.reports_failed": "报告生成失败：{detail}",
        "batch.recorded": "{detail}",
    ]
}
