import ArgumentParser
import CaseAudit
import CaseAuditCLI
import CaseAuditHistory
import Foundation

/// `caseaudit-history`, which `caseaudit history` runs: argument parsing only.
@main
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "caseaudit history",
        abstract: "Record audit rounds in a SQLite history and follow scores over them.",
        discussion: "See docs/history.md: the workflow, the statistics and the database's tables.",
        version: CaseAuditVersion.current,
        subcommands: [Record.self, List.self, Show.self, Remove.self, TrendCommand.self, ReportData.self]
    )

    /// Runs the command; argument errors exit with status 2.
    static func main() {
        runMappingUsageErrors(help: "See 'caseaudit history --help' or 'caseaudit history <command> --help'.")
    }

    /// Runs a history operation, printing its error as a diagnostic (exit status 2).
    static func run<T>(_ body: () throws(HistoryError) -> T) throws -> T {
        do {
            return try body()
        } catch {
            Output.diagnostics([error.diagnostic])
            throw ExitStatus.usageOrInput.exit
        }
    }

    struct Record: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "record",
            abstract: "Score a sample and store it as one round (in one transaction).")

        @OptionGroup var cases: CaseOptions
        @OptionGroup var database: DatabaseOptions

        @Option(help: ArgumentHelp("The round's label, e.g. 2014-Q1 (unique in the history).", valueName: "label"))
        var round: String

        @Option(help: ArgumentHelp("The round's date; rounds are ordered by it.", valueName: "YYYY-MM-DD"))
        var date: Day?

        @Flag(help: "Replace a round already stored under this label.")
        var replace = false

        func validate() throws {
            if round.isEmpty || round.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
                throw ValidationError("--round needs a label of printable characters")
            }
        }

        func run() throws {
            // One read of the set: the files stored are the ones the cases are scored by.
            let chosen = try cases.inputsAndSet()
            let read = CriteriaSetSource.read(path: chosen.rules)
            let stream = try cases.open(chosen.inputs, set: RulesOptions.loaded(read.result))
            let store = try HistoryCommand.run { () throws(HistoryError) in try HistoryStore(path: database.path) }
            let request = RoundRecorder.Request(label: round, date: date, chain: read.chain, replace: replace)
            let printer = cases.limit.printer()
            let result = try HistoryCommand.run { () throws(HistoryError) in
                try RoundRecorder.record(stream, request, in: store, report: printer.print)
            }
            printer.finish()
            Output.write("Recorded round \(round): \(result.scorecard.cases) cases, \(result.set.id) version \(result.set.version).\n")
            let status = CaseOptions.status(result.summary)
            if status != .success { throw status.exit }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the recorded rounds.")

        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let rounds = try HistoryCommand.run { () throws(HistoryError) in try database.open().rounds() }
            Output.write(HistoryText.list(rounds))
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Print a round's scorecard as it was recorded, under the set it was recorded with.")

        @OptionGroup var database: DatabaseOptions

        @Argument(help: ArgumentHelp("The round's label.", valueName: "round"))
        var round: String

        @Option(help: ArgumentHelp("Split the score tables by a fact (an enum, ordinal or set fact; repeat, or separate with commas).", valueName: "fact"))
        var by: [String] = []

        @OptionGroup var scorecard: ScoreFormatOptions

        @OptionGroup var output: OutputOptions

        func run() throws {
            let by = self.by.flatMap { $0.split(separator: ",").map(String.init) }
            let (result, inputs) = try HistoryCommand.run { () throws(HistoryError) in try database.open().scoreResult(round, by: by) }
            let sink = try output.open(inputs: Set([database.path].compactMap(FileIdentity.init(path:))))
            if let rendered = scorecard.render(result) {
                sink.write(rendered)
            } else {
                let options = ReportOptions(by: result.breakdowns.map(\.fact), profile: result.profile.map(\.fact), includesGaps: false)
                sink.write(ReportRun.figures(result, options, inputs: inputs))
            }
            try output.finish(sink)
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove a round and everything stored with it.")

        @OptionGroup var database: DatabaseOptions

        @Argument(help: ArgumentHelp("The round's label.", valueName: "round"))
        var round: String

        func run() throws {
            try HistoryCommand.run { () throws(HistoryError) in try database.open().remove(round) }
            Output.write("Removed round \(round).\n")
        }
    }

    struct ReportData: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "report-data",
            abstract: "Print, as JSON, the stored rounds 'caseaudit report --history' compares a report with.",
            discussion: "What caseaudit report --history reads from this program (the core command line links no SQLite); the document is described in docs/history.md.")

        @OptionGroup var database: DatabaseOptions

        @Option(help: ArgumentHelp("The recorded round the report is of (the rounds end there); without it, every round.", valueName: "label"))
        var round: String?

        func run() throws {
            let history = try HistoryCommand.run { () throws(HistoryError) in try database.open().reportHistory(current: round) }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            Output.write(String(decoding: try encoder.encode(history), as: UTF8.self) + "\n")
        }
    }
}

/// `--db PATH`: the history database.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: ArgumentHelp("The history database (default: caseaudit-history.sqlite in the working directory).", valueName: "path"))
    var path: String = HistoryStore.defaultPath

    /// Opens an existing history (commands that only read or remove never create one).
    func open() throws(HistoryError) -> HistoryStore {
        try HistoryStore(path: path, create: false)
    }
}

extension HistoryCommand {
    struct TrendCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "trend",
            abstract: "Scores over the rounds with 95% intervals, the change from each round before, and whether it is clear.",
            discussion: "Without --outcome, --criterion or --question: every outcome. See docs/history.md for the statistics.")

        @OptionGroup var database: DatabaseOptions

        @Option(help: ArgumentHelp("Follow one outcome (by id).", valueName: "id"))
        var outcome: String?

        @Option(help: ArgumentHelp("Follow one criterion (by id).", valueName: "id"))
        var criterion: String?

        @Option(help: ArgumentHelp("Follow one question (by id).", valueName: "id"))
        var question: String?

        @Option(help: ArgumentHelp("One trend per value of a fact (an enum, ordinal or set fact).", valueName: "fact"))
        var by: String?

        @Option(help: "Output format.")
        var format: ScoreFormat = .text

        @OptionGroup var output: OutputOptions

        func validate() throws {
            if [outcome, criterion, question].compactMap({ $0 }).count > 1 {
                throw ValidationError("give at most one of --outcome, --criterion and --question")
            }
        }

        func run() throws {
            let subject: TrendSubject? = outcome.map(TrendSubject.outcome) ?? criterion.map(TrendSubject.criterion)
                ?? question.map(TrendSubject.question)
            let report = try HistoryCommand.run { () throws(HistoryError) in try database.open().trends(subject, by: by) }
            let sink = try output.open(inputs: Set([database.path].compactMap(FileIdentity.init(path:))))
            switch format {
            case .text: sink.write(TrendText.render(report))
            case .json: sink.write(TrendJSON.render(report))
            case .csv: sink.write(TrendCSV.render(report))
            case .markdown: sink.write(TrendMarkdown.render(report))
            case .html: sink.write(TrendHTML.render(report))
            }
            try output.finish(sink)
        }
    }
}
