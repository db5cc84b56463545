import ArgumentParser
import CaseAudit

struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Outcome, criterion and question scores of a sample of cases.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, csv, markdown
    }

    @OptionGroup var cases: CaseOptions

    @Option(help: ArgumentHelp("Split the score tables by a fact (repeat, or separate with commas).", valueName: "fact"))
    var by: [String] = []

    @Option(help: ArgumentHelp("Facts for the sample profile (default: every enum, ordinal and set fact).", valueName: "fact"))
    var profile: [String] = []

    @Option(help: "Output format.")
    var format: Format = .text

    @Option(help: "Detail of the text and Markdown formats.")
    var level: ScoreText.Level = .question

    @OptionGroup var output: OutputOptions

    func run() throws {
        let stream = try cases.open()
        let by = try CaseOptions.facts(self.by, in: stream.schema)
        let profile = self.profile.isEmpty
            ? Aggregate.defaultProfile(stream.schema.set) : try CaseOptions.facts(self.profile, in: stream.schema)
        let sink = try output.open()
        let result = ScoreRun.run(stream, by: by, profile: profile, report: Output.diagnostics)
        switch format {
        case .text: sink.write(ScoreText.render(result, level: level))
        case .json: sink.write(ScoreJSON.render(result))
        case .csv: sink.write(ScoreCSV.render(result))
        case .markdown: sink.write(ScoreMarkdown.render(result, level: level))
        }
        try output.finish(sink)
        let status = CaseOptions.status(result.summary)
        if status != .success { throw status.exit }
    }
}

extension ScoreText.Level: ExpressibleByArgument {}
