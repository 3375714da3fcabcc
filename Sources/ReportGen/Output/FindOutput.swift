import Common
import Inspection

/// `inspect find QUERY --format json`: `format: find-result/1` (schema `schemas/find-result-1.schema.json`): how the query
/// was understood, how many cars match, one line per car (newest first, at most the limit), and for a single hit the
/// car's fact sheet.
package struct FindOutput: Sendable, Hashable, Codable {
    /// The contract's name and version.
    package static let formatName = "find-result/1"

    /// What a car's result line shows (also what the lookup index keeps per car).
    package struct CarLine: Sendable, Hashable, Codable {
        package var vin: String
        package var plate: String?
        package var make: String?
        package var model: String?
        package var modelYear: Int?
        package var trim: String?
        package var equipment: [ConditionReport.Coded]
        /// The condition report's headline (一级 .. 五级（事故车）, 泡水车 · 不评级, 不可交易), when the car was graded.
        package var headline: LocalizedText?
        package var headlineKind: String?
        /// The latest inspection of any stage: stage, its label, site and time.
        package var latestStage: String
        package var latestStageLabel: LocalizedText
        package var latestSite: String?
        package var latestAt: String

        /// Creates a line.
        package init(
            vin: String, plate: String?, make: String?, model: String?, modelYear: Int?, trim: String?, equipment: [ConditionReport.Coded],
            headline: LocalizedText?, headlineKind: String?, latestStage: String, latestStageLabel: LocalizedText, latestSite: String?,
            latestAt: String
        ) {
            self.vin = vin
            self.plate = plate
            self.make = make
            self.model = model
            self.modelYear = modelYear
            self.trim = trim
            self.equipment = equipment
            self.headline = headline
            self.headlineKind = headlineKind
            self.latestStage = latestStage
            self.latestStageLabel = latestStageLabel
            self.latestSite = latestSite
            self.latestAt = latestAt
        }
    }

    /// A single hit's fact sheet: the result line and the whole vehicle record.
    package struct FactSheet: Sendable, Hashable, Codable {
        package var vehicle: ConditionReport.Vehicle
        /// The latest odometer reading in km, when one is recorded.
        package var latestOdometerKm: Int?
        /// The same reading as the odometer shows it (a miles odometer in miles).
        package var latestOdometer: Reading?

        /// A reading in its own unit.
        package struct Reading: Sendable, Hashable, Codable {
            package var reading: Int
            package var unit: String
        }

        /// Creates a fact sheet.
        package init(vehicle: ConditionReport.Vehicle, latestOdometer: (reading: Int, unit: String, km: Int)?) {
            self.vehicle = vehicle
            self.latestOdometerKm = latestOdometer?.km
            self.latestOdometer = latestOdometer.map { Reading(reading: $0.reading, unit: $0.unit) }
        }
    }

    package var format = Self.formatName
    /// The query as given.
    package var query: String
    /// `vin`, `vin_tail`, `plate`, `text`, or `none` when nothing could be searched.
    package var matchedBy: String
    /// How many cars match (more than `cars` holds when the list was cut).
    package var total: Int
    package var cars: [CarLine]
    package var facts: FactSheet?

    /// Creates the output.
    package init(query: String, matchedBy: String, total: Int, cars: [CarLine], facts: FactSheet?) {
        self.query = query
        self.matchedBy = matchedBy
        self.total = total
        self.cars = cars
        self.facts = facts
    }
}
