import Common
import Inspection
import ReportGen
import Store

/// The service-visit use cases: a visit's page model, and the customer's decision on a quote line (once).
package struct ServiceWorkflow: Sendable {
    package var store: InspectionStore
    package var catalog: TemplateCatalog
    /// Prices the quote lines, when configured.
    package var costTable: CostTable?

    /// Creates the use cases.
    package init(store: InspectionStore, catalog: TemplateCatalog, costTable: CostTable?) {
        self.store = store
        self.catalog = catalog
        self.costTable = costTable
    }

    /// Why there is no visit or no decision.
    package enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        case unknownVisit(vin: String, workOrder: String)
        case unknownLine(line: Int, lines: [Int])
        case template(String)
        case store(StoreError)

        package var description: String {
            switch self {
            case let .unknownVisit(vin, workOrder): "no reception or health check of \(vin) under work order \(workOrder)"
            case let .unknownLine(line, lines):
                "work order has no quote line \(line) (lines: \(lines.isEmpty ? "none" : lines.map(String.init).joined(separator: " ")))"
            case let .template(message): message
            case let .store(error): error.description
            }
        }
    }

    /// The visit `workOrder` of `vin` as stored now.
    package func visit(vin: String, workOrder: String) throws(Failure) -> Visit {
        let record: CarRecord?
        let decisions: [QuoteDecision]
        do {
            record = try CarRecordLoader.load(vin: vin, from: store)
            decisions = try store.decisions(vin: vin, workOrder: workOrder)
        } catch { throw .store(error) }
        guard let record else { throw .unknownVisit(vin: vin, workOrder: workOrder) }
        let visit: Visit?
        do { visit = try Visit.of(record: record, workOrder: workOrder, catalog: catalog, table: costTable, decisions: decisions) } catch {
            throw .template(error.description)
        }
        guard let visit else { throw .unknownVisit(vin: vin, workOrder: workOrder) }
        return visit
    }

    /// The visit's page model for the customer or the staff.
    package func page(vin: String, workOrder: String, customer: Bool) throws(Failure) -> ServiceVisitOutput {
        let visit = try visit(vin: vin, workOrder: workOrder)
        let record: CarRecord?
        do { record = try CarRecordLoader.load(vin: vin, from: store) } catch { throw .store(error) }
        guard let record else { throw .unknownVisit(vin: vin, workOrder: workOrder) }
        do {
            return try ServiceVisitOutput(
                visit: visit, record: record, catalog: catalog, currency: costTable?.currency, customer: customer,
                agreedPrice: costTable?.agreedPrice ?? .upperBound)
        } catch {
            throw .template(error.description)
        }
    }

    /// Every visit received from `first` to `last` (local dates of the reception, else the health check), at `site`
    /// when given.
    package func visits(from first: CalendarDate, to last: CalendarDate, site: String?) throws(Failure) -> [Visit] {
        var visits: [Visit] = []
        do {
            for vin in try store.vins() {
                guard let record = try CarRecordLoader.load(vin: vin, from: store) else { continue }
                let orders = Set(record.vehicle.inspections.compactMap { $0.stage.isService ? $0.submission.service?.workOrder : nil })
                for order in orders.sorted() {
                    let decisions = try store.decisions(vin: vin, workOrder: order)
                    guard let visit = try? Visit.of(record: record, workOrder: order, catalog: catalog, table: costTable, decisions: decisions),
                        let start = (visit.reception ?? visit.healthCheck)?.submission,
                        let day = start.inspectedAt.localDate, day >= first, day <= last,
                        site == nil || start.site == site
                    else { continue }
                    visits.append(visit)
                }
            }
        } catch {
            throw .store(error)
        }
        return visits
    }

    /// Records the decision on one line of the visit's quote; a line is decided once.
    package func confirm(_ decision: QuoteDecision, recordedAt: String) throws(Failure) {
        let visit = try visit(vin: decision.vin, workOrder: decision.workOrder)
        guard visit.lines.contains(where: { $0.number == decision.line }) else {
            throw .unknownLine(line: decision.line, lines: visit.lines.map(\.number))
        }
        do { try store.recordDecision(decision, recordedAt: recordedAt) } catch { throw .store(error) }
    }
}
