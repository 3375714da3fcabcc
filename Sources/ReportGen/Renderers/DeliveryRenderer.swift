import Common
import Inspection

/// `inspect deliver` as text.
package enum DeliveryRenderer {
    /// The delivery check of `vin`, ending with a newline.
    package static func text(vin: String, check: DeliveryCheck) -> String {
        var lines = ["delivery check of \(vin): \(check.verdict.rawValue.uppercased())", "  odometer: \(check.odometer.message.en)"]
        for reason in check.reasons { lines.append("  [\(reason.tag)] \(reason.topic): \(reason.message)") }
        if !check.openDisputes.isEmpty { lines.append("  open disputes: " + check.openDisputes.map { "#\($0)" }.joined(separator: " ")) }
        return lines.joined(separator: "\n") + "\n"
    }
}
