import ArgumentParser
import CaseAudit
import CaseAuditCLI
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "The audit report a manager reads: one self-contained HTML file (or Markdown).",
        discussion: """
            Stamp, summary table, one section per outcome (criterion scores, key strengths and areas for \
            improvement, Yes/No charts per question, answers by option, the factor table), the sample profile, \
            breakdowns (--by) and per-case gaps (--gaps-by offender_manager groups them per practitioner).
            """)

    @OptionGroup var cases: CaseOptions
    @OptionGroup var minBase: MinBaseOptions

    @Option(help: "Output format.")
    var format: ReportOptions.Format = .html

    @Option(help: ArgumentHelp("Break the outcome and criterion scores down by a fact (repeat, or separate with commas).", valueName: "fact"), completion: Completions.facts)
    var by: [String] = []

    @Option(help: ArgumentHelp("Facts for the sample profile (default: every enum, ordinal and set fact).", valueName: "fact"), completion: Completions.facts)
    var profile: [String] = []

    @Option(name: .customLong("gaps-by"), help: ArgumentHelp("Group the per-case gaps by a fact, e.g. offender_manager.", valueName: "fact"), completion: Completions.facts)
    var gapsBy: String?

    @Flag(help: "Print the assessors' notes beside the gaps (left out by default: the report is shared).")
    var includeNotes = false

    @Flag(help: "Leave the per-case gaps out: the figures only.")
    var noGaps = false

    @Option(help: ArgumentHelp("The report's date, printed in the stamp (none by default).", valueName: "YYYY-MM-DD"))
    var date: Day?

    @Option(help: ArgumentHelp("The report's heading (default: \"Case audit report\").", valueName: "text"))
    var title: String?

    @Option(name: .customLong("history"), help: ArgumentHelp(
        "Compare with the rounds recorded in this history database: the previous round's scores, the change and a chart over the rounds.",
        valueName: "db"))
    var history: String?

    @Option(help: ArgumentHelp(
        "With --history: the recorded round this report is of (its trends end there); without it the sample is added as the latest round.",
        valueName: "label"))
    var round: String?

    @OptionGroup var output: OutputOptions

    func validate() throws {
        if round != nil && history == nil { throw ValidationError("--round needs --history") }
    }

    func run() throws {
        let stream = try cases.open(minBase: minBase.minBase)
        let set = stream.schema.set
        let gapsBy = try self.gapsBy.map { try CaseOptions.fact($0, option: "--gaps-by", in: stream.schema) }
        let options = ReportOptions(
            format: format, title: title, date: date,
            by: try CaseOptions.facts(by, in: stream.schema),
            profile: profile.isEmpty ? Aggregate.defaultProfile(set) : try CaseOptions.facts(profile, in: stream.schema),
            gapsBy: gapsBy,
            includeNotes: includeNotes, includesGaps: !noGaps,
            history: try history.map { try Self.history(database: $0, round: round) })
        let sink = try output.open(inputs: CaseOptions.inputFiles([stream], rules: cases.rules, key: cases.pseudonymise, others: history.map { [$0] } ?? []))
        let printer = cases.limit.printer()
        let summary = ReportRun.run(stream, options, to: sink, report: printer.print)
        try output.finish(sink)
        printer.finish()
        let status = CaseOptions.status(summary)
        if status != .success { throw status.exit }
    }
}

extension ReportCommand {
    /// The rounds stored in the history database, as `caseaudit-history report-data` prints them
    /// (the command line links no SQLite); exits with its status when it fails (2: no database, an
    /// unknown round), 2 when it is missing or prints what cannot be read.
    static func history(database: String, round: String?) throws -> ReportHistory {
        let program = CompanionProgram.history.needed(by: "caseaudit report --history")
        let document = try program.output(["report-data", "--db=\(database)"] + (round.map { ["--round=\($0)"] } ?? []))
        do {
            return try JSONDecoder().decode(ReportHistory.self, from: Data(document))
        } catch {
            Output.error("error: cannot read the history data \(program.name) printed (\(error)); build caseaudit and \(program.name) from the same source")
            throw ExitStatus.usageOrInput.exit
        }
    }
}

extension ReportOptions.Format: ExpressibleByArgument {}
