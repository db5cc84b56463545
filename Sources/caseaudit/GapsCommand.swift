import ArgumentParser
import CaseAudit
import CaseAuditCLI

struct GapsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gaps",
        abstract: "Per-case gaps: every insufficient, unanswered, undetermined or invalid answer.",
        discussion: "With --by offender_manager, one section per practitioner: the supervision feedback sheet.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, csv, markdown
    }

    @OptionGroup var cases: CaseOptions
    @OptionGroup var minBase: MinBaseOptions

    @Option(help: ArgumentHelp(
        "Group the cases by a fact (repeat, or separate with commas: one group per combination of values); a summary of the groups comes first.",
        valueName: "fact"), completion: Completions.facts)
    var by: [String] = []

    @Flag(help: "Leave the assessors' notes out.")
    var noNotes = false

    @Option(help: "Output format.")
    var format: Format = .text

    @OptionGroup var output: OutputOptions

    func run() throws {
        let stream = try cases.open(minBase: minBase.minBase)
        let by = try CaseOptions.facts(self.by, in: stream.schema)
        let sink = try output.open(inputs: cases.inputFiles(stream))
        let notes = !noNotes
        let printer = cases.limit.printer()
        func run(_ writer: some GapWriter) -> GapsRun.Summary {
            var writer = writer
            return GapsRun.run(stream, by: by, to: &writer, report: printer.print)
        }
        let summary: GapsRun.Summary
        switch format {
        case .text: summary = run(GapsText(sink, includeNotes: notes))
        case .json: summary = run(GapsJSON(sink, includeNotes: notes))
        case .csv: summary = run(GapsCSV(sink, includeNotes: notes))
        case .markdown: summary = run(GapsMarkdown(sink, includeNotes: notes))
        }
        try output.finish(sink)
        printer.finish()
        let status = CaseOptions.status(summary.read)
        if status != .success { throw status.exit }
    }
}
