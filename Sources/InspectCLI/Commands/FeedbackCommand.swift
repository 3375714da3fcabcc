import ArgumentParser
import Common
import Foundation
import Inspection
import ReportGen
import Workflows

extension InspectCommand {
    /// `inspect feedback record|close|list|summary`.
    struct FeedbackCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "feedback", abstract: "What customers tell the service desk about a car (append-only): complaints, praise, questions.",
            subcommands: [Record.self, Close.self, List.self, Summary.self])
    }
}

extension Feedback.Kind: ExpressibleByArgument {}
extension Feedback.Channel: ExpressibleByArgument {}

extension InspectCommand.FeedbackCommand {
    /// A `--at`, `--from` or `--to` value: a full ISO 8601 time, or a day (`YYYY-MM-DD`, starting at 00:00 UTC+08:00).
    static func time(_ text: String, option: String, endOfDay: Bool = false) throws -> Timestamp {
        if case let .success(time) = Timestamp.parse(text) { return time }
        if CalendarDate(parsing: text) != nil, case let .success(time) = Timestamp.parse("\(text)T00:00:00+08:00") {
            return endOfDay ? time.adding(seconds: 86_400) : time
        }
        throw ValidationError("\(option) must be a day (YYYY-MM-DD) or an ISO 8601 time with a zone, e.g. 2026-11-25T10:00:00+08:00")
    }

    static func failure(_ failure: FeedbackWorkflow.Failure) -> CLIFailure {
        if case let .store(error) = failure { return CLIFailure.store(error) }
        return CLIFailure.invalid(failure.description)
    }

    /// `inspect feedback record VIN --kind complaint|praise|question --channel phone|online|store --text TEXT --at TIME [--about X]`.
    struct Record: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record what a customer said about a car; prints its id.")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var clock: ClockOptions

        @Argument(help: "The car's VIN.") var vin: String
        @Option(name: .long, help: "complaint, praise or question.") var kind: Feedback.Kind
        @Option(name: .long, help: "phone, online or store.") var channel: Feedback.Channel
        @Option(name: .long, help: "What the customer said.") var text: String
        @Option(name: .long, help: "When it was received, ISO 8601 with a zone.") var at: String
        @Option(name: .long, help: "What it is about: a finding code (21HH2) or a stage (delivery).") var about: String?

        func run() throws {
            let time = try InspectCommand.FeedbackCommand.time(at, option: "--at")
            let workflow = FeedbackWorkflow(store: try database.existingStore())
            do {
                let feedback = Feedback(
                    vin: vin.uppercased(), kind: kind, channel: channel, text: text, receivedAt: time, about: try FeedbackWorkflow.about(about))
                print("feedback #\(try workflow.record(feedback, recordedAt: try clock.currentTime())) recorded")
            } catch let failure as FeedbackWorkflow.Failure { throw InspectCommand.FeedbackCommand.failure(failure) }
        }
    }

    /// `inspect feedback close ID --resolution TEXT --by WHO [--at TIME]`.
    struct Close: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Close a complaint, once, with its resolution and who resolved it.")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var clock: ClockOptions

        @Argument(help: "The complaint's id (from `feedback list`).") var id: Int64
        @Option(name: .long, help: "How it was resolved.") var resolution: String
        @Option(name: .long, help: "Who resolved it (staff id).") var by: String
        @Option(name: .long, help: "When, ISO 8601 with a zone (default: now).") var at: String?

        func run() throws {
            guard !resolution.trimmingWhitespace.isEmpty, !by.trimmingWhitespace.isEmpty else {
                throw ValidationError("--resolution and --by must not be empty")
            }
            let now = try clock.currentTime()
            let time = try InspectCommand.FeedbackCommand.time(at ?? now, option: "--at")
            let workflow = FeedbackWorkflow(store: try database.existingStore())
            do {
                try workflow.close(id: id, .init(resolution: resolution, resolvedBy: by, resolvedAt: time), recordedAt: now)
                print("complaint #\(id) closed")
            } catch { throw InspectCommand.FeedbackCommand.failure(error) }
        }
    }

    /// `inspect feedback list [--vin VIN] [--from] [--to] [--format json]`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Feedback, oldest first, of one car or all, in a period.")

        @OptionGroup var database: DatabaseOptions
        @Option(name: .long, help: "One car.") var vin: String?
        @Option(name: .long, help: "From this day or time (inclusive).") var from: String?
        @Option(name: .long, help: "To this day (inclusive) or time (exclusive).") var to: String?
        @Option(name: .long, help: "text or json.") var format: ReportPrinter.Format = .text

        func run() throws {
            let start = try from.map { try InspectCommand.FeedbackCommand.time($0, option: "--from") }
            let end = try to.map { try InspectCommand.FeedbackCommand.time($0, option: "--to", endOfDay: true) }
            let workflow = FeedbackWorkflow(store: try database.existingStore())
            do {
                let output = FeedbackListOutput(try workflow.list(vin: vin?.uppercased(), from: start, to: end))
                print(format == .json ? try JSONOutput.encode(output) : output.text, terminator: "")
            } catch let failure as FeedbackWorkflow.Failure { throw InspectCommand.FeedbackCommand.failure(failure) }
        }
    }

    /// `inspect feedback summary --from --to [--open-after DAYS] [--format json]`.
    struct Summary: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "The desk's view of a period: counts by kind and channel, complaints open too long, complaints about defects the appraiser missed.")

        @OptionGroup var database: DatabaseOptions
        @Option(name: .long, help: "First day (or time) of the period.") var from: String
        @Option(name: .long, help: "Last day (inclusive) or end time (exclusive).") var to: String
        @Option(name: .long, help: "List complaints open more than this many days at the end.") var openAfter = 7
        @Option(name: .long, help: "text or json.") var format: ReportPrinter.Format = .text
        @Option(name: .long, help: "Language of the text: zh or en.") var lang: ReportLanguage = .zh

        func validate() throws { guard openAfter >= 0 else { throw ValidationError("--open-after must not be negative") } }

        func run() throws {
            let start = try InspectCommand.FeedbackCommand.time(from, option: "--from")
            let end = try InspectCommand.FeedbackCommand.time(to, option: "--to", endOfDay: true)
            guard start < end else { throw ValidationError("--from must be before --to") }
            let workflow = FeedbackWorkflow(store: try database.existingStore())
            do {
                let summary = try workflow.summary(from: start, to: end, openAfterDays: openAfter)
                let output = FeedbackSummaryOutput(summary, from: from, to: to, openAfterDays: openAfter)
                print(format == .json ? try JSONOutput.encode(output) : output.text(lang), terminator: "")
            } catch let failure as FeedbackWorkflow.Failure { throw InspectCommand.FeedbackCommand.failure(failure) }
        }
    }
}
