import Common
import Inspection

/// Renders what is stored for one car as plain text for `inspect show`: identity, every stage and revision,
/// scores, grade (一级..五级 with the English name), flags with their causes, findings, and the odometer ledger.
package struct VehicleSummaryRenderer: Sendable {
    /// Templates by id, for part and check names; a missing template only loses the names.
    package var templates: [String: ChecklistTemplate]

    /// Creates a renderer.
    package init(templates: [String: ChecklistTemplate]) { self.templates = templates }

    /// The summary, ending with a newline.
    package func render(_ vehicle: StoredVehicle) -> String {
        var lines: [String] = []
        let newest = vehicle.inspections.max { ($0.submission.inspectedAt, $0.id) < ($1.submission.inspectedAt, $1.id) }
        if let newest {
            let identity = newest.submission.vehicle
            let year = identity.modelYear(inspectedIn: newest.submission.inspectedAt.localYear)
            lines.append("VIN \(vehicle.vin)" + (year.map { " · model year \($0)" } ?? ""))
            let details = [
                identity.plate.map { "plate \($0)" }, [identity.make, identity.model].compactMap { $0 }.joined(separator: " ").nonEmpty,
                identity.color, identity.firstRegistered.map { "first registered \($0)" },
            ].compactMap { $0 }
            if !details.isEmpty { lines.append("  " + details.joined(separator: " · ")) }
        }
        lines.append("  condition report \(vehicle.reportID) · reference \(vehicle.reportReference) (how other cars' reports name it)")
        for stage in Stage.allCases {
            let revisions = vehicle.inspections.filter { $0.stage == stage }
            guard let latest = revisions.last else { continue }
            lines.append("")
            lines.append(contentsOf: renderInspection(latest, of: revisions.count))
            for earlier in revisions.dropLast().reversed() {
                let grade = earlier.assessment.grade.map { " · \($0.label.zh) (\($0.label.en))" } ?? ""
                let total = earlier.assessment.total.map { " · score \($0)" } ?? ""
                lines.append(
                    "  earlier: revision \(earlier.revision) stored \(Self.local(earlier.submittedAt, like: earlier.submission.inspectedAt))\(total)\(grade)"
                )
            }
        }
        if !vehicle.odometer.isEmpty {
            lines.append("")
            lines.append("odometer readings (里程):")
            var previous: (Int, DistanceUnit)?
            for reading in vehicle.odometer {
                var line = "  \(reading.readAt)  \(reading.stage.padding(9))  \(reading.reading) \(reading.unit.rawValue)"
                if reading.unit != .km { line += " (\(reading.kilometres) km)" }
                if let previous {
                    // The leg as the ledger has it: from the unrounded readings, rounded once (4 mi is 6 km, not 7).
                    let delta = DistanceUnit.kilometresBetween(previous, (reading.reading, reading.unit))
                    line += delta >= 0 ? "  +\(delta) km" : "  \(delta) km"
                }
                previous = (reading.reading, reading.unit)
                lines.append(line)
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func renderInspection(_ inspection: StoredInspection, of count: Int) -> [String] {
        let submission = inspection.submission
        let template = templates[submission.templateID]
        var lines: [String] = []
        var head = "\(submission.stage.rawValue) (\(submission.stage.label.zh)) revision \(inspection.revision) of \(count)"
        head += " · inspected \(submission.inspectedAt) by \(submission.inspector.id)"
        if let name = submission.inspector.name { head += " \(name)" }
        if let site = submission.site { head += " at \(site)" }
        lines.append(head)
        lines.append(
            "  template \(submission.templateID) · stored \(Self.local(inspection.submittedAt, like: submission.inspectedAt)) from \(inspection.sourcePath)"
        )
        var odometer = "  odometer \(submission.odometer.reading) \(submission.odometer.unit.rawValue)"
        if submission.odometer.unit != .km { odometer += " (\(submission.odometer.kilometres) km)" }
        if let transport = submission.transport {
            odometer += " · transport \(transport.mode.rawValue)" + (transport.routeKm.map { ", route \($0) km" } ?? "")
        }
        lines.append(odometer)
        let assessment = inspection.assessment
        if let total = assessment.total, let grade = assessment.grade {
            let max = template?.scoring?.total.description ?? "100"
            lines.append("  score \(total) / \(max) · grade \(grade.label.zh) (\(grade.label.en))")
            let sections = assessment.sections.map { "\($0.label.zh) \($0.label.en) \($0.score)/\($0.allowance)" }
            lines.append("  sections: " + sections.joined(separator: " · "))
        }
        if assessment.flags.isEmpty {
            lines.append("  flags: none")
        } else {
            for flag in assessment.flags {
                lines.append("  flag: \(flag.label.zh) (\(flag.label.en)) from \(flag.causes.joined(separator: " "))")
            }
        }
        if submission.defects.isEmpty {
            lines.append("  defects: none")
        } else {
            lines.append("  defects:")
            for defect in submission.defects { lines.append("    " + describe(defect, template: template)) }
        }
        let faults = submission.checks.filter(\.result.isFinding)
        if !faults.isEmpty {
            lines.append("  checks not ok:")
            for check in faults {
                let label = template?.check(check.id).map { " \($0.check.label.zh) (\($0.check.label.en))" } ?? ""
                lines.append("    \(check.id) \(check.result.rawValue)\(label)" + (check.note.map { " · \($0)" } ?? ""))
            }
        }
        if let notes = submission.notes { lines.append("  notes: \(notes)") }
        let defectPhotos = submission.defects.reduce(0) { $0 + $1.photos.count }
        var photoLine =
            "  photos: \(submission.photos.count) walkaround, \(defectPhotos) defect, \(submission.odometer.photo == nil ? 0 : 1) odometer"
        if !inspection.photoVerdicts.isEmpty {
            let counts = ["ok", "warn", "fail"].compactMap { verdict -> String? in
                let count = inspection.photoVerdicts.filter { $0 == verdict }.count
                return count > 0 ? "\(count) \(verdict)" : nil
            }
            photoLine += " · quality " + counts.joined(separator: ", ")
        }
        lines.append(photoLine)
        for match in inspection.reuse { lines.append("  photo reuse: \(match.summary)") }
        return lines
    }

    private func describe(_ defect: Defect, template: ChecklistTemplate?) -> String {
        guard let template, let (group, part) = template.part(defect.part),
            let type = group.defectTypes.first(where: { $0.code == defect.type })
        else { return defect.code }
        var zh = "\(part.label.zh) \(type.label.zh)"
        var en = "\(part.label.en), \(type.label.en.lowercased())"
        if let degree = defect.degree {
            zh += " 程度\(degree)"
            en += ", degree \(degree)"
        }
        return "\(defect.code.padding(6)) \(zh) (\(en))" + (defect.note.map { " · \($0)" } ?? "")
    }

    /// A stored time written in the zone of the inspection it belongs to (one zone per output).
    static func local(_ stored: String, like inspected: Timestamp) -> String {
        (try? Timestamp.parse(stored).get()).map { $0.inZone(of: inspected).text } ?? stored
    }
}

extension String {
    fileprivate var nonEmpty: String? { isEmpty ? nil : self }

    fileprivate func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }

}
