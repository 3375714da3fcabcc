import Common
import Foundation
import ImageOps
import Inspection
import Store
import Synchronization

/// Writes a realistic synthetic day folder from a seed: cars with appraisal and audit submissions (some discrepant,
/// some with odometer rollbacks, some invalid, one with a corrupt photo), some deliveries, and camera-sized JPEG
/// photos with EXIF orientation and GPS tags. For tests and the batch benchmark.
package struct DayGenerator: Sendable {
    /// Cars to write.
    package var cars: Int
    /// Photo size (long x short edge).
    package var width: Int
    /// See ``width``.
    package var height: Int
    /// Seed: the same seed writes the same day.
    package var seed: UInt64
    /// Photos encoded at once.
    package var concurrency: Int

    /// Creates a generator.
    package init(cars: Int, width: Int = 4032, height: Int = 3024, seed: UInt64 = 1, concurrency: Int = ProcessInfo.processInfo.activeProcessorCount)
    {
        self.cars = cars
        self.width = width
        self.height = height
        self.seed = seed
        self.concurrency = concurrency
    }

    static let angles = [
        "front_left_45", "front", "front_right_45", "right_side", "rear_right_45", "rear", "rear_left_45", "left_side", "dashboard_odometer",
        "vin_plate", "engine_bay", "front_seats", "rear_seats", "trunk", "wheel_lf", "wheel_rf", "wheel_rr", "wheel_lr",
    ]

    /// A VIN with a valid check digit, starting with L (China), unique per index.
    static func vin(_ index: Int) -> String {
        let serial = String(format: "%06d", index)
        let base = Array("LSGBC5340" + "K" + "B" + serial)  // position 9 placeholder fixed below
        var chars = base
        if let digit = VIN.expectedCheckDigit(String(chars)) { chars[8] = digit }
        return String(chars)
    }

    /// Writes the day into `folder` (created); returns the number of photos written.
    package func write(to folder: URL) throws -> Int {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var jobs: [(URL, Int, Int, Int)] = []  // file, car, photo index, orientation
        for car in 0..<cars {
            let vin = Self.vin(car + 1)
            let carFolder = folder.appending(path: vin)
            try FileManager.default.createDirectory(at: carFolder.appending(path: "photos"), withIntermediateDirectories: true)
            for (index, angle) in Self.angles.enumerated() {
                jobs.append((carFolder.appending(path: "photos/\(angle).jpg"), car, index, angle == "front" ? 6 : (angle == "rear" ? 3 : 1)))
            }
            jobs.append((carFolder.appending(path: "photos/defect-a.jpg"), car, 20, 1))
            jobs.append((carFolder.appending(path: "photos/defect-b.jpg"), car, 21, 1))
            try writeSubmissions(car: car, vin: vin, folder: carFolder)
        }
        let failures = Locked<[String]>([])
        let next = Atomic<Int>(0)
        let work = jobs
        DispatchQueue.concurrentPerform(iterations: max(1, concurrency)) { _ in
            while true {
                let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard index < work.count else { return }
                let (url, car, photo, orientation) = work[index]
                do {
                    try Data(photoBytes(car: car, photo: photo, orientation: orientation)).write(to: url, options: .atomic)
                } catch {
                    failures.withLock { $0.append("\(url.path): \(error)") }
                }
            }
        }
        if let failure = failures.withLock({ $0.first }) { throw DayGeneratorError(message: failure) }
        // One car gets a corrupt photo: a broken file in place of a walkaround angle.
        if cars > 17 {
            try Data("this is not a JPEG".utf8).write(to: folder.appending(path: Self.vin(18)).appending(path: "photos/left_side.jpg"))
        }
        return jobs.count
    }

    struct DayGeneratorError: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }

    private func writeSubmissions(car: Int, vin: String, folder: URL) throws {
        var random = SplitMix64(seed: seed &+ UInt64(car) &* 0x9E37)
        let reading = 20_000 + Int(random.next() % 150_000)
        let baseDefects = ["14HH1", "26AX2", "21XS1", "17HH2", "33LW1"].shuffledPrefix(Int(random.next() % 4), using: &random)
        var auditDefects = baseDefects
        var auditReading = reading + 3 + Int(random.next() % 10)
        var results: [String: String] = [:]
        if car % 7 == 4 { results["engine.3"] = "minor" }
        var auditResults = results
        if car % 10 == 3 { auditDefects.append("4SH") }  // the appraiser missed a welded pillar
        if car % 10 == 5 { auditDefects = auditDefects.map { $0 == "14HH1" ? "14HH3" : $0 } + ["27HH1"] }
        if car % 9 == 6 { auditResults["start.8"] = "major" }
        if car % 12 == 7 { auditReading = reading - 40 }  // odometer rollback
        let at = "2026-11-20T\(String(format: "%02d", 8 + car % 10)):\(String(format: "%02d", car % 60)):00+08:00"
        let auditAt = "2026-11-21T\(String(format: "%02d", 8 + car % 10)):\(String(format: "%02d", (car * 7) % 60)):00+08:00"
        let appraiser = ["APR-0117", "APR-0204", "APR-0309", "APR-0412"][car % 4]
        let auditor = ["AUD-0031", "AUD-0044"][car % 2]
        try yaml(stage: "appraisal", vin: vin, inspector: appraiser, at: at, reading: reading, defects: baseDefects, results: results)
            .write(to: folder.appending(path: "appraisal.yaml"), atomically: true, encoding: .utf8)
        var audit = yaml(
            stage: "audit", vin: vin, inspector: auditor, at: auditAt, reading: auditReading, defects: auditDefects, results: auditResults)
        if car % 25 == 11 { audit = audit.replacingOccurrences(of: "checks:", with: "defects_extra: oops\nchecks:") }  // invalid submission
        try audit.write(to: folder.appending(path: "audit.yaml"), atomically: true, encoding: .utf8)
        if car % 8 == 2 {
            let delivery = """
                format: inspection/1
                template: walkaround-basic
                stage: delivery
                vehicle: { vin: \(vin) }
                inspector: { id: DLV-0009 }
                inspected_at: 2026-11-25T15:\(String(format: "%02d", car % 60)):00+08:00
                odometer: { reading: \(auditReading + 20), unit: km, photo: photos/dashboard_odometer.jpg }
                transport: { mode: driven, route_km: 18 }
                checks: { handover.1: ok, handover.2: ok, handover.3: ok, handover.4: ok }
                photos:
                  front_left_45: photos/front_left_45.jpg
                  front_right_45: photos/front_right_45.jpg
                  rear_right_45: photos/rear_right_45.jpg
                  rear_left_45: photos/rear_left_45.jpg
                  dashboard_odometer: photos/dashboard_odometer.jpg

                """
            try delivery.write(to: folder.appending(path: "delivery.yaml"), atomically: true, encoding: .utf8)
        }
    }

    private func yaml(stage: String, vin: String, inspector: String, at: String, reading: Int, defects: [String], results: [String: String]) -> String
    {
        var lines = [
            "format: inspection/1", "template: gbt30323-2013", "stage: \(stage)", "vehicle: { vin: \(vin), make: Synthetic, model: Sedan }",
            "inspector: { id: \(inspector) }", "inspected_at: \(at)", "site: GEN-1",
            "odometer: { reading: \(reading), unit: km, photo: photos/dashboard_odometer.jpg }",
        ]
        if !defects.isEmpty {
            lines.append("defects:")
            for (index, code) in defects.enumerated() {
                lines.append("  - code: \(code)")
                if index < 2 { lines.append("    photos: [photos/defect-\(index == 0 ? "a" : "b").jpg]") }
            }
        }
        lines.append("checks:")
        for (section, count) in [("tradeable", 8), ("engine", 10), ("cabin", 15), ("start", 10), ("road", 10), ("chassis", 8)] {
            for n in 1...count { lines.append("  \(section).\(n): \(results["\(section).\(n)"] ?? "ok")") }
        }
        lines.append("photos:")
        for angle in Self.angles { lines.append("  \(angle): photos/\(angle).jpg") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One synthetic camera photo: sky, a brick wall, a floor and a car in this car's colour, stored rotated for
    /// `orientation`, JPEG with an EXIF APP1 (camera make, orientation, GPS).
    func photoBytes(car: Int, photo: Int, orientation: Int) throws -> [UInt8] {
        var random = SplitMix64(seed: seed &* 31 &+ UInt64(car) &* 1_000_003 &+ UInt64(photo))
        let w = width, h = height
        var pixels = [UInt8](repeating: 0, count: w * h * 3)
        let horizon = h / 3 + Int(random.next() % UInt64(h / 6))
        let wallBottom = horizon + h / 5
        let paint: [UInt8] = [UInt8(random.next() % 200 + 30), UInt8(random.next() % 200 + 30), UInt8(random.next() % 200 + 30)]
        pixels.withUnsafeMutableBufferPointer { buffer in
            for y in 0..<h {
                let row = y * w * 3
                let color: [UInt8] =
                    y < horizon
                    ? [UInt8(110 + 60 * y / horizon), UInt8(150 + 40 * y / horizon), 230] : (y < wallBottom ? [150, 80, 60] : [95, 95, 100])
                for x in 0..<w { buffer[row + 3 * x] = color[0]; buffer[row + 3 * x + 1] = color[1]; buffer[row + 3 * x + 2] = color[2] }
            }
            func fill(_ x0: Int, _ y0: Int, _ x1: Int, _ y1: Int, _ c: [UInt8]) {
                for y in max(0, y0)..<min(h, y1) {
                    let row = y * w * 3
                    for x in max(0, x0)..<min(w, x1) { buffer[row + 3 * x] = c[0]; buffer[row + 3 * x + 1] = c[1]; buffer[row + 3 * x + 2] = c[2] }
                }
            }
            let brick = max(8, h / 60)
            var y = horizon
            while y < wallBottom {  // mortar lines: edges for the blur gate
                fill(0, y, w, y + 2, [200, 195, 185])
                var x = (y / brick) % 2 == 0 ? 0 : brick * 2
                while x < w { fill(x, y, x + 2, y + brick, [200, 195, 185]); x += brick * 4 }
                y += brick
            }
            for _ in 0..<40 {  // clutter, different for every photo
                let x = Int(random.next() % UInt64(w)), y = horizon + Int(random.next() % UInt64(h - horizon))
                let size = 10 + Int(random.next() % UInt64(max(11, w / 12)))
                fill(x, y, x + size, y + size / 2, [UInt8(random.next() % 255), UInt8(random.next() % 255), UInt8(random.next() % 255)])
            }
            let carX = w / 8 + Int(random.next() % UInt64(w / 4)), carW = w / 2, carY = wallBottom - h / 10
            fill(carX, carY, carX + carW, carY + h / 6, paint)
            fill(carX + carW / 5, carY - h / 10, carX + carW * 3 / 4, carY + 4, paint)
            for k in 0..<3 {
                fill(carX + carW / 5 + 20 + k * carW / 6, carY - h / 12, carX + carW / 5 + k * carW / 6 + carW / 7, carY - 10, [50, 65, 85])
            }
            for wheel in [carX + carW / 6, carX + carW * 5 / 6] { fill(wheel - h / 20, carY + h / 8, wheel + h / 20, carY + h / 4, [25, 25, 25]) }
        }
        var image = PixelImage(width: w, height: h, channels: 3, pixels: pixels)
        switch orientation {
        case 6: image = image.oriented(8)  // stored turned left; orientation 6 turns it right again
        case 3: image = image.oriented(3)
        default: break
        }
        let jpeg = try ImageEncoder.jpeg(image, quality: 85)
        return ExifSegment.insert(into: jpeg, orientation: orientation, latitude: 39.78 + Double(car % 50) / 1000, longitude: 116.5)
    }
}

extension Array {
    /// The first `count` elements after a seeded shuffle.
    fileprivate func shuffledPrefix(_ count: Int, using random: inout SplitMix64) -> [Element] {
        var copy = self
        copy.shuffle(using: &random)
        return Array(copy.prefix(count))
    }
}
