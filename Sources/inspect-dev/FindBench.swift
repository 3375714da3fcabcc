import ArgumentParser
import Common
import Foundation
import ImageOps
import InspectDevTools
import Inspection
import ReportGen
import Store
import Workflows

extension InspectDev {
    /// `inspect-dev find-bench --cars 100000`: fills a fresh store with synthetic cars in the lookup index (makes, models,
    /// trims, plates, equipment drawn from the GB/T template's vocabulary) and prints the median and p95 of `inspect find`
    /// lookups by full VIN, VIN tail, plate and words.
    struct FindBench: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "find-bench", abstract: "Time inspect find's lookups on a store of synthetic cars.")

        @Option(name: .long, help: "Cars in the store.") var cars = 100_000
        @Option(name: .long, help: "Timed runs per query.") var runs = 200
        @Option(name: .long, help: "The database to create (must not exist).") var db = "/tmp/inspect-find-bench/inspect.db"
        @Option(name: .long, help: "Folder of checklist templates.") var checklists = "checklists"
        @Option(name: .long, help: "A real car whose appraisal and audit are stored too (its full-VIN lookup loads the fact sheet).")
        var realCar = "samples/day-2026-11-20/LSVAM4189C2184526"
        @Option(name: .long, help: "Photo policy for storing the real car.") var photoPolicy = "config/photo-policy.yaml"

        static let models: [(make: String, model: String, trims: [String])] = [
            ("FAW-Volkswagen", "Jetta", ["1.5L 手动 时尚版", "1.5L 自动 舒适版"]), ("Volkswagen", "Lavida", ["1.5L 自动 风尚版", "280TSI 豪华版"]),
            ("Volkswagen", "Passat", ["330TSI 精英版", "380TSI 旗舰版"]), ("Toyota", "Corolla", ["1.2T 先锋版", "1.8L 双擎 精英版"]),
            ("Toyota", "Camry", ["2.0L 豪华版", "2.5L 双擎 旗舰版"]), ("Honda", "Accord", ["260TURBO 精英版", "2.0L 混动 豪华版"]),
            ("Honda", "Civic", ["220TURBO 劲动版"]), ("Nissan", "Sylphy", ["1.6L XL 智享版"]), ("BYD", "Qin", ["DM-i 55km 尊贵型"]),
            ("BYD", "Han", ["EV 605km 旗舰型"]), ("Buick", "Excelle", ["1.3T 精英型"]), ("Geely", "Emgrand", ["1.5L 手动 精英型"]),
        ]
        static let provinces = Array("京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼")

        func run() throws {
            guard !FileManager.default.fileExists(atPath: db) else { throw ValidationError("\(db) exists; give a new path") }
            let template = try TemplateCatalog(folders: [URL(filePath: checklists)]).template(id: "gbt30323-2013")
            let store = try InspectionStore(path: db)
            var random = SystemRandomNumberGenerator()
            var generator = SplitMix64(seed: 20_261_201)
            let start = ContinuousClock.now
            var rows: [(row: CarIndexRow, generation: Int64)] = []
            var samples: [FindOutput.CarLine] = []
            for index in 0..<cars {
                let vin = String(format: "SYN%014d", index + 1)
                let (make, model, trims) = Self.models[Int(generator.next() % UInt64(Self.models.count))]
                let equipment = template.equipment.filter { _ in generator.next() % 4 == 0 }
                let plate =
                    "\(Self.provinces[Int(generator.next() % UInt64(Self.provinces.count))])\(Character(UnicodeScalar(UInt8(65 + generator.next() % 26))))"
                    + String(format: "%05d", Int(generator.next() % 100_000))
                let line = FindOutput.CarLine(
                    vin: vin, plate: plate, make: make, model: model, modelYear: 2010 + Int(generator.next() % 15),
                    trim: trims[Int(generator.next() % UInt64(trims.count))], equipment: equipment.map { .init(code: $0.id, name: $0.label) },
                    headline: LocalizedText(zh: "二级", en: "Grade 2"), headlineKind: "graded", latestStage: "audit",
                    latestStageLabel: Stage.audit.label, latestSite: "BJ-Yizhuang", latestAt: "2026-11-20T09:30:00+08:00")
                let use = template.vehicleUses[Int(generator.next() % UInt64(template.vehicleUses.count))].label
                rows.append((try CarIndexer.row(line, color: "white", use: [use], latestEpoch: Int64(index)), 1))
                if index % (cars / 20 + 1) == 7 { samples.append(line) }
            }
            try SyntheticVehicleSeeder.seed(databasePath: db, vins: rows.map(\.row.vin))
            try store.index(rows, indexedAt: "bench")
            let catalog = TemplateCatalog(folders: [URL(filePath: checklists)])
            let intake = SubmissionIntake(store: store, policy: try PhotoPolicyLoader.load(from: URL(filePath: photoPolicy)), concurrency: 2)
            for stage in ["appraisal", "audit"] {
                let file = URL(filePath: realCar).appending(path: "\(stage).yaml")
                guard let validated = SubmissionValidator(catalog: catalog).validate(fileAt: file, displayPath: file.path).validated else {
                    throw ValidationError("\(file.path) is not valid")
                }
                _ = try intake.take(validated, submittedAt: "bench")
            }
            let realVIN = URL(filePath: realCar).lastPathComponent
            print("seeded \(cars) cars in \(String(format: "%.1f", (ContinuousClock.now - start).milliseconds / 1000)) s")
            let finder = CarFinder(catalog: catalog)
            let sample = samples.randomElement(using: &random) ?? samples[0]
            let queries: [(String, String)] = [
                ("full VIN, real car (fact sheet)", realVIN), ("full VIN", sample.vin), ("VIN tail", String(sample.vin.suffix(6))),
                ("plate", sample.plate ?? ""),
                ("words, common (Jetta sunroof)", "Jetta sunroof"), ("words, very common (天窗)", "天窗"),
                ("words, rare (Han 全景天窗 出租)", "Han 全景天窗 出租"), ("no match (Ferrari)", "Ferrari"),
            ]
            print("query                              matches   median ms   p95 ms   (lookup + fact sheet, warm, \(runs) runs)")
            for (name, query) in queries {
                var times: [Double] = []
                var total = 0
                for _ in 0..<max(1, runs) {
                    let begin = ContinuousClock.now
                    total = try finder.find(query, in: store, now: "bench").total
                    times.append((ContinuousClock.now - begin).milliseconds)
                }
                times.sort()
                let p95 = times[min(times.count - 1, Int(Double(times.count) * 0.95))]
                print(
                    "\(name.padding(toLength: 34, withPad: " ", startingAt: 0)) \(String(total).leftPadded(7))   \(String(format: "%9.2f", times[times.count / 2]))   \(String(format: "%6.2f", p95))"
                )
            }
        }
    }
}

extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}
