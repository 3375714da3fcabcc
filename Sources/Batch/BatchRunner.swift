import Common
import Foundation
import ImageOps
import Inspection
import ReportGen
import Store
import Workflows

/// Processes every car of a day folder: submit what is new (photos normalised), compare, update the ledger, check
/// the delivery and render the reports. Cars run in parallel (bounded by `jobs`, structured concurrency); each car's
/// progress is recorded in the database when it finishes, so a killed run resumes where it stopped and an unchanged
/// car is not redone. One broken car is recorded as failed with its reasons and does not stop the others.
package struct BatchRunner: Sendable {
    package var store: InspectionStore
    package var catalog: TemplateCatalog
    package var photoPolicy: PhotoPolicy
    package var mileagePolicy: MileagePolicy
    /// Cars processed at the same time.
    package var jobs: Int
    /// Where reports go (`<VIN>.json/.html/.md`), or nil for none.
    package var outFolder: URL?
    /// Photos in the HTML reports (as `report --all` writes them).
    package var reportPhotos: ReportFiles.PhotoMode
    /// Stamped on stored records and reports.
    package var now: String
    /// The repair cost table for the reports' estimate, when configured.
    package var costTable: CostTable?
    /// The return and warranty terms, when configured (a return is then given its verdict).
    package var afterSalePolicy: AfterSalePolicy?
    /// The plausibility rules for validation (dates against ``now``) and the reports.
    package var plausibility: PlausibilityPolicy?

    /// Creates a runner.
    package init(
        store: InspectionStore, catalog: TemplateCatalog, photoPolicy: PhotoPolicy, mileagePolicy: MileagePolicy, jobs: Int, outFolder: URL?,
        reportPhotos: ReportFiles.PhotoMode = .embed, costTable: CostTable? = nil, afterSalePolicy: AfterSalePolicy? = nil, now: String
    ) {
        self.afterSalePolicy = afterSalePolicy
        self.reportPhotos = reportPhotos
        self.costTable = costTable
        self.store = store
        self.catalog = catalog
        self.photoPolicy = photoPolicy
        self.mileagePolicy = mileagePolicy
        self.jobs = max(1, jobs)
        self.outFolder = outFolder
        self.now = now
    }

    /// The step name under which a car's outcome is recorded.
    package static let carStep = "car"

    /// The key a day folder's progress is recorded under.
    package static func dayKey(_ day: URL) -> String { day.standardizedFileURL.resolvingSymlinksInPath().path }

    /// Runs the whole day.
    package func run(day: URL, progress: ProgressReporter) async throws -> BatchSummary {
        let started = ContinuousClock.now
        let cars = try CarFolder.list(day: day)
        let key = Self.dayKey(day)
        let recorded = Dictionary(
            try store.batchSteps(day: key).filter { $0.step == Self.carStep }.map { ($0.car, $0) }, uniquingKeysWith: { a, _ in a })
        let photoWorkers = max(1, ProcessInfo.processInfo.activeProcessorCount / jobs)
        var outcomes: [CarOutcome] = []
        await withTaskGroup(of: CarOutcome.self) { group in
            var pending = cars.makeIterator()
            func startNext() -> Bool {
                guard let car = pending.next() else { return false }
                let previous = recorded[car.name]
                group.addTask { self.process(car, dayKey: key, previous: previous, photoWorkers: photoWorkers) }
                return true
            }
            for _ in 0..<jobs where !startNext() { break }
            while let outcome = await group.next() {
                outcomes.append(outcome)
                await progress.finished(photos: outcome.unchanged ? 0 : outcome.photos, failed: outcome.status == .failed)
                _ = startNext()
            }
        }
        // A car stored before another car's photo matched one of its own learns of it only then: its outcome and reports
        // are made again, so the attribution does not depend on the order the cars ran in.
        let matched = outcomes.reduce(into: Set<String>()) { $0.formUnion($1.matchedCars) }
        for index in outcomes.indices where outcomes[index].vin.map(matched.contains) == true && !outcomes[index].unchanged {
            if let car = cars.first(where: { $0.name == outcomes[index].car }) { outcomes[index] = revisit(car, outcomes[index], dayKey: key) }
        }
        // The day's cars go into the lookup index now, so the desk's first `inspect find` does not wait for them (a
        // failure here only leaves them marked: the next find indexes them).
        _ = try? CarIndexer(catalog: catalog).refresh(store, indexedAt: now)
        let elapsed = ContinuousClock.now - started
        return BatchSummary(
            day: key, outcomes: outcomes.sorted { $0.car < $1.car },
            seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }

    /// One car, start to finish (synchronous: run inside a task).
    func process(_ car: CarFolder, dayKey: String, previous: BatchStep?, photoWorkers: Int) -> CarOutcome {
        let started = ContinuousClock.now
        let fingerprint = car.fingerprint()
        if let previous, previous.fingerprint == fingerprint,
            var outcome = try? JSONDecoder().decode(CarOutcome.self, from: Data(previous.detail.utf8))
        {
            outcome.unchanged = true
            return outcome
        }
        var outcome = CarOutcome(car: car.name)
        var clock = ContinuousClock.now
        func step(_ name: String) {
            let now = ContinuousClock.now
            outcome.steps.append(.init(name: name, ms: Int((now - clock).milliseconds)))
            clock = now
        }
        func fail(_ code: String, _ params: [String: NoticeValue]) {
            outcome.status = .failed
            outcome.reasons.append(Notice(code, params, table: BatchMessages.table))
        }
        let validator = SubmissionValidator(catalog: catalog, plausibility: plausibility, now: try? Timestamp.parse(now).get())
        let intake = SubmissionIntake(store: store, policy: photoPolicy, concurrency: photoWorkers)
        let lenient = photoPolicy.forHandover
        var cache: [String: NormalisedPhoto] = [:]
        let submissions = car.submissions
        if submissions.isEmpty { fail("batch.no_submissions", ["car": .text(car.name)]) }
        var vin: String?
        var handovers: [ValidatedSubmission] = []  // delivery, then return: stored after the inspections, with lenient photos
        for (stage, url) in submissions {
            let display = "\(car.name)/\(url.lastPathComponent)"
            let report = validator.validate(fileAt: url, displayPath: display)
            guard let validated = report.validated else {
                for problem in report.errors { fail("batch.invalid", ["file": .text(display), "detail": .text(problem.rendered)]) }
                step("validate \(stage.rawValue)")
                continue
            }
            guard validated.submission.stage == stage else {
                fail("batch.wrong_stage", ["file": .text(display), "stage": .text(validated.submission.stage.rawValue)])
                continue
            }
            if let vin, vin != validated.submission.vehicle.vin.value {
                fail("batch.vin_differs", ["file": .text(display), "vin": .text(validated.submission.vehicle.vin.value), "other_vin": .text(vin)])
                continue
            }
            vin = validated.submission.vehicle.vin.value
            outcome.vin = vin
            if stage == .delivery || stage == .return {
                handovers.append(validated)
                continue
            }
            do {
                let before = cache.count
                let result = try intake.take(validated, submittedAt: now, cache: &cache)
                outcome.photos += cache.count - before
                for problem in result.diagnostics where problem.severity == .error {
                    fail("batch.invalid", ["file": .text(display), "detail": .text(problem.rendered)])
                }
                if case let .stored(revision)? = result.outcome {
                    outcome.matchedCars.formUnion(revision.reuse.map(\.otherVIN))
                }
            } catch {
                fail("batch.submit_failed", ["file": .text(display), "detail": .text("\(error)")])
            }
            step("submit \(stage.rawValue)")
        }
        for handover in handovers where outcome.status == .ok {
            let file = "\(car.name)/\(handover.submission.stage.rawValue).yaml"
            do {
                let before = cache.count
                let result = try SubmissionIntake(store: store, policy: lenient, concurrency: photoWorkers).take(
                    handover, submittedAt: now, cache: &cache)
                outcome.photos += cache.count - before
                for problem in result.diagnostics where problem.severity == .error {
                    fail("batch.invalid", ["file": .text(file), "detail": .text(problem.rendered)])
                }
            } catch {
                fail("batch.submit_failed", ["file": .text(file), "detail": .text("\(error)")])
            }
            step("submit \(handover.submission.stage.rawValue)")
        }
        if let vin, outcome.status == .ok || outcome.vin != nil, let record = try? CarRecordLoader.load(vin: vin, from: store) {
            summarise(record, into: &outcome)
            step("compare + ledger")
            if let outFolder, outcome.status == .ok {
                do {
                    try writeReports(record, to: outFolder)
                } catch {
                    fail("batch.reports_failed", ["detail": .text("\(error)")])
                }
                step("reports")
            }
        }
        let detail = (try? JSONEncoder().encode(outcome)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        try? store.recordBatchStep(
            BatchStep(
                day: dayKey, car: car.name, step: Self.carStep, fingerprint: fingerprint, status: outcome.status == .ok ? .done : .failed,
                detail: detail,
                durationMs: Int((ContinuousClock.now - started).milliseconds), recordedAt: now))
        return outcome
    }

    /// A processed car's outcome and reports made again from the store as it is now.
    private func revisit(_ car: CarFolder, _ previous: CarOutcome, dayKey: String) -> CarOutcome {
        var outcome = previous
        guard outcome.status == .ok, let vin = outcome.vin, let record = try? CarRecordLoader.load(vin: vin, from: store) else { return outcome }
        summarise(record, into: &outcome)
        if let outFolder {
            do { try writeReports(record, to: outFolder) } catch {
                outcome.status = .failed
                outcome.reasons.append(Notice("batch.reports_failed", ["detail": .text("\(error)")], table: BatchMessages.table))
            }
        }
        let detail = (try? JSONEncoder().encode(outcome)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        try? store.recordBatchStep(
            BatchStep(
                day: dayKey, car: car.name, step: Self.carStep, fingerprint: car.fingerprint(), status: outcome.status == .ok ? .done : .failed,
                detail: detail, durationMs: 0, recordedAt: now))
        return outcome
    }

    private func summarise(_ record: CarRecord, into outcome: inout CarOutcome) {
        outcome.reuse =
            record.vehicle.latestByStage.filter { $0.stage == .appraisal || $0.stage == .audit }.flatMap(\.reuse).filter(\.isSuspect)
            .count
        outcome.appraiser = record.latest(.appraisal)?.submission.inspector.id
        // The report's headline: the band, or why there is none (a flood car is not counted as 一级).
        if let basis = record.reportBasis, let template = try? catalog.template(id: basis.submission.templateID),
            let label = Headline.of(basis.assessment, template: template).label
        {
            outcome.grade = "\(label.zh) (\(label.en))"
        }
        if let comparison = record.comparison(catalog: catalog, policy: mileagePolicy).compared?.comparison {
            outcome.discrepancies = comparison.discrepancies.count
            outcome.critical = comparison.discrepancies.filter { $0.severity == .critical }.count
        }
        outcome.mileageFlags = record.mileageLedger(policy: mileagePolicy).flags.count
        if let handover = record.latest(.delivery),
            let check = DeliveryCheck.evaluate(delivery: handover, record: record, catalog: catalog, policy: mileagePolicy)
        {
            outcome.delivery = check.verdict.rawValue
        }
        if let returned = record.latest(.return), let afterSalePolicy,
            let check = try? ReturnCheck.evaluate(
                returned: returned, record: record, catalog: catalog, policy: afterSalePolicy, mileagePolicy: mileagePolicy, costTable: costTable)
        {
            outcome.returned = check.verdict.rawValue
        }
    }

    /// The car's condition report when it has an appraisal or audit, and the page of every service visit it has
    /// (`<VIN>-<work order>.html|json|md`, the customer's view).
    private func writeReports(_ record: CarRecord, to folder: URL) throws {
        let files = ReportFiles(language: .zh, photos: reportPhotos, databaseFolder: store.photoBase)
        if record.reportBasis != nil {
            let assembly = ReportAssembly(
                catalog: catalog, mileagePolicy: mileagePolicy, costTable: costTable, afterSalePolicy: afterSalePolicy, plausibility: plausibility)
            try files.write(try assembly.report(record, generatedAt: now), to: folder)
        }
        let orders = Set(record.vehicle.latestByStage.compactMap { $0.stage.isService ? $0.submission.service?.workOrder : nil })
        let service = ServiceWorkflow(store: store, catalog: catalog, costTable: costTable)
        for order in orders.sorted() {
            let page = try service.page(vin: record.vin, workOrder: order, customer: true)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for format in ReportFiles.Format.allCases {
                let file = folder.appending(path: "\(record.vin)-\(order).\(format.rawValue)")
                try Data(try files.render(page, format, outputFolder: folder).utf8).write(to: file, options: .atomic)
            }
        }
    }
}
