import ImageOps
import Inspection

/// The photos behind a comparison: each discrepancy's defect photos on both sides, and the same-angle walkaround
/// photos of the two inspections with their pHash distance (a large distance on one angle is worth a look).
package struct ComparisonEvidence: Sendable, Hashable, Codable {
    /// Defect photos of one part on both sides (normalised files, relative to the database folder).
    package struct DefectPhotos: Sendable, Hashable, Codable {
        package var item: String
        package var appraisal: [String]
        package var audit: [String]
    }

    /// One angle photographed at both inspections.
    package struct AnglePair: Sendable, Hashable, Codable {
        package var angle: String
        package var appraisal: String
        package var audit: String
        package var distance: Int
        package var worthALook: Bool
    }

    package var defects: [DefectPhotos]
    package var angles: [AnglePair]

    /// Builds the evidence from the two stored inspections and their photo rows.
    package init(
        comparison: InspectionComparison, appraisal: StoredInspection, audit: StoredInspection, appraisalPhotos: [StoredPhoto],
        auditPhotos: [StoredPhoto], policy: MileagePolicy
    ) {
        func defectPhotos(_ inspection: StoredInspection, _ photos: [StoredPhoto], part: String) -> [String] {
            let seqs = inspection.submission.defects.enumerated().filter { $0.element.part == part }.map { $0.offset + 1 }
            return photos.filter { $0.role == .defect && seqs.contains($0.findingSeq ?? 0) }.map(\.storedPath)
        }
        defects = comparison.discrepancies.filter { $0.kind != .checkChanged }.map { item in
            DefectPhotos(
                item: item.audit ?? item.appraisal ?? item.item, appraisal: defectPhotos(appraisal, appraisalPhotos, part: item.item),
                audit: defectPhotos(audit, auditPhotos, part: item.item))
        }
        var pairs: [AnglePair] = []
        for before in appraisalPhotos where before.role == .angle {
            guard let angle = before.angle, let after = auditPhotos.first(where: { $0.role == .angle && $0.angle == angle }),
                let a = PerceptualHash(dHashHex: before.dHash, pHashHex: before.pHash),
                let b = PerceptualHash(dHashHex: after.dHash, pHashHex: after.pHash)
            else { continue }
            let distance = a.pHashDistance(to: b)
            pairs.append(
                AnglePair(
                    angle: angle, appraisal: before.storedPath, audit: after.storedPath, distance: distance,
                    worthALook: distance > policy.photoDistanceWorthALook))
        }
        angles = pairs
    }
}
