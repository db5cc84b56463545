import ArgumentParser
import CaseAudit
import CaseAuditCLI

extension RulesCommand {
    struct Diff: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "diff",
            abstract: "Compare two criteria sets: what changed, and with --cases what it does to the scores.")

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case text, json, markdown
        }

        @Argument(help: ArgumentHelp("The old set: an embedded set's name or a path.", valueName: "old"), completion: Completions.rules)
        var old: String

        @Argument(help: ArgumentHelp("The new set: an embedded set's name or a path.", valueName: "new"), completion: Completions.rules)
        var new: String

        @Option(parsing: .upToNextOption, help: ArgumentHelp(
            "Case files or directories to score under both sets, side by side (each case is read once).", valueName: "path"))
        var cases: [String] = []

        @Option(help: "Output format.")
        var format: Format = .text

        @OptionGroup var output: OutputOptions

        func run() throws {
            let oldSet = try RulesOptions.loadSet(path: old)
            let newSet = try RulesOptions.loadSet(path: new)
            let diff = SetDiff(old: oldSet, new: newSet)
            var impact: ScoreImpact?
            var status = ExitStatus.success
            if !cases.isEmpty {
                let stream = try CaseOptions.stream(cases, set: oldSet, pseudonymiser: nil)
                let (result, summary) = ScoreImpactRun.run(stream, new: newSet, report: Output.diagnostics)
                impact = result
                status = CaseOptions.status(summary)
            }
            let sets = Set([old, new].flatMap(FileIdentity.of(fileOrDirectory:)))
            let sink = try output.open(inputs: sets.union(CaseInputs.expand(cases).inputs.compactMap(\.identity)))
            switch format {
            case .json: sink.write(DiffJSON.render(diff, impact: impact))
            case .markdown: sink.write(DiffText.render(diff, impact: impact, markdown: true))
            case .text: sink.write(DiffText.render(diff, impact: impact))
            }
            try output.finish(sink)
            if status != .success { throw status.exit }
        }
    }
}
