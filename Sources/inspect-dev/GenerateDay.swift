import ArgumentParser
import Common
import Foundation
import InspectDevTools

extension InspectDev {
    /// `inspect-dev generate-day DIR --cars N`: a synthetic day for tests and the batch benchmark.
    struct GenerateDay: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "generate-day", abstract: "Write a synthetic day folder (for tests and the batch benchmark).")

        @Option(name: .long, help: "Cars.")
        var cars: Int = 10

        @Option(name: .long, help: "Photo size, e.g. 4032x3024.")
        var size: String = "4032x3024"

        @Option(name: .long, help: "Seed.")
        var seed: UInt64 = 1

        @Argument(help: "The folder to write.")
        var folder: String

        func run() throws {
            let parts = size.split(separator: "x").compactMap { Int($0) }
            guard parts.count == 2, parts.allSatisfy({ $0 >= 64 && $0 <= 10_000 }) else { throw ValidationError("--size must be WIDTHxHEIGHT") }
            let start = ContinuousClock.now
            let photos = try DayGenerator(cars: cars, width: parts[0], height: parts[1], seed: seed).write(to: URL(filePath: folder))
            print("wrote \(cars) cars with \(photos) photos to \(folder) in \(Int((ContinuousClock.now - start).milliseconds)) ms")
        }
    }
}
