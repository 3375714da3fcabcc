import Common

/// The wordings of the quality gates, one table per language (see ``Notice``).
package enum PhotoMessages {
    /// The table.
    package static let table = MessageTable(zh: zh, en: en)

    private static let en: [String: String] = [
        "photo.blur.fail": "blurry: focus {value} (fail below {threshold})",
        "photo.blur.warn": "possibly blurry: focus {value} (warn below {threshold})",
        "photo.blur.ok": "sharp: focus {value}",
        "photo.exposure.too_dark": "too dark to show the paint: mean luma {mean_luma} (fail below {threshold})",
        "photo.exposure.dark": "dark: mean luma {mean_luma} (warn below {threshold})",
        "photo.exposure.washed_out": "washed out: mean luma {mean_luma} (fail above {threshold})",
        "photo.exposure.bright": "bright: mean luma {mean_luma} (warn above {threshold})",
        "photo.exposure.black_fail": "{share} of pixels are black (fail above {threshold})",
        "photo.exposure.black_warn": "{share} of pixels are black (warn above {threshold})",
        "photo.exposure.blown_fail": "{share} of pixels are blown out (fail above {threshold})",
        "photo.exposure.blown_warn": "{share} of pixels are blown out (warn above {threshold})",
        "photo.exposure.ok": "mean luma {mean_luma}, {black} black, {blown} blown out",
        "photo.resolution.fail": "source {size} is below {minimum}: too small to show damage",
        "photo.resolution.warn": "source {size} is below {minimum}",
        "photo.resolution.ok": "source {size}",
        "photo.verdict.ok": "ok",
        "photo.verdict.warn": "check",
        "photo.verdict.fail": "retake",
    ]

    private static let zh: [String: String] = [
        "photo.blur.fail": "照片模糊：清晰度 {value}（低于 {threshold} 不合格）",
        "photo.blur.warn": "照片可能模糊：清晰度 {value}（低于 {threshold} 需留意）",
        "photo.blur.ok": "清晰：清晰度 {value}",
        "photo.exposure.too_dark": "太暗，看不清漆面：平均亮度 {mean_luma}（低于 {threshold} 不合格）",
        "photo.exposure.dark": "偏暗：平均亮度 {mean_luma}（低于 {threshold} 需留意）",
        "photo.exposure.washed_out": "过亮发白：平均亮度 {mean_luma}（高于 {threshold} 不合格）",
        "photo.exposure.bright": "偏亮：平均亮度 {mean_luma}（高于 {threshold} 需留意）",
        "photo.exposure.black_fail": "{share} 的像素为纯黑（超过 {threshold} 不合格）",
        "photo.exposure.black_warn": "{share} 的像素为纯黑（超过 {threshold} 需留意）",
        "photo.exposure.blown_fail": "{share} 的像素过曝（超过 {threshold} 不合格）",
        "photo.exposure.blown_warn": "{share} 的像素过曝（超过 {threshold} 需留意）",
        "photo.exposure.ok": "平均亮度 {mean_luma}，纯黑 {black}，过曝 {blown}",
        "photo.resolution.fail": "原图 {size} 小于 {minimum}：太小，看不清损伤",
        "photo.resolution.warn": "原图 {size} 小于 {minimum}",
        "photo.resolution.ok": "原图 {size}",
        "photo.verdict.ok": "合格",
        "photo.verdict.warn": "需留意",
        "photo.verdict.fail": "需重拍",
    ]
}
