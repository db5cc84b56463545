import ArgumentParser
import CaseAudit
import CaseAuditCLI

struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Outcome, criterion and question scores of a sample of cases.")

    @OptionGroup var cases: CaseOptions
    @OptionGroup var minBase: MinBaseOptions

    @Option(help: ArgumentHelp("Split the score tables by a fact (repeat, or separate with commas).", valueName: "fact"), completion: Completions.facts)
    var by: [String] = []

    @Option(help: ArgumentHelp("Facts for the sample profile (default: every enum, ordinal and set fact).", valueName: "fact"))
    var profile: [String] = []

    @OptionGroup var scorecard: ScoreFormatOptions

    @OptionGroup var output: OutputOptions

    func run() throws {
        let stream = try cases.open(minBase: minBase.minBase)
        let by = try CaseOptions.facts(self.by, in: stream.schema)
        let profile = self.profile.isEmpty
            ? Aggregate.defaultProfile(stream.schema.set) : try CaseOptions.facts(self.profile, in: stream.schema)
        let sink = try output.open(inputs: cases.inputFiles(stream))
        let printer = cases.limit.printer()
        let summary: CaseStream.Summary
        if scorecard.format == .html {
            // The audit report's figures, without the per-case gaps.
            let options = ReportOptions(by: by, profile: profile, includesGaps: false)
            summary = ReportRun.run(stream, options, to: sink, report: printer.print)
        } else {
            let result = ScoreRun.run(stream, by: by, profile: profile, report: printer.print)
            sink.write(scorecard.render(result) ?? "")
            summary = result.summary
        }
        try output.finish(sink)
        printer.finish()
        let status = CaseOptions.status(summary)
        if status != .success { throw status.exit }
    }
}
