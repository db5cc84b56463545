import ArgumentParser
import CaseAudit

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check case files (or, with --rules alone, a criteria set) like a compiler.",
        discussion: """
            Prints path:line:column: severity: message [code] for every problem, then a summary line.
            Exit status: 0 no findings at or above the failing severity (error; warning with --strict), \
            1 findings, 2 usage error or unreadable input.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, sarif, github
    }

    @Argument(help: ArgumentHelp(
        "Case files or directories (*.yaml, *.yml, *.json, *.csv); '-' for standard input. None: lint the --rules set.",
        valueName: "path"), completion: .file(extensions: ["yaml", "yml", "json", "csv"]))
    var paths: [String] = []

    @Option(help: ArgumentHelp(
        "The format of standard input ('-'); by default CSV when its first line is a CSV header with a 'case' column, else YAML.",
        valueName: "format"))
    var stdinFormat: CaseFormat?

    @OptionGroup var rules: RulesOptions

    @Option(help: "Output format.")
    var format: Format = .text

    @Flag(help: "Warnings fail the run too (exit 1).")
    var strict = false

    @Flag(help: "An applicable question left unanswered is an error, not a warning.")
    var requireComplete = false

    @OptionGroup var output: OutputOptions

    func run() throws {
        let options = LintOptions(requireComplete: requireComplete, strict: strict)
        if paths.isEmpty, rules.rules == nil {
            throw ValidationError("give case files to lint, or --rules PATH to lint a criteria set")
        }
        let sink = try output.open()
        let formatter = DiagnosticFormatter(useColor: output.output == nil && isatty(1) == 1 && getenv("NO_COLOR") == nil)
        var collected: [Diagnostic] = []
        let emit: ([Diagnostic]) -> Void = { diagnostics in
            switch format {
            case .text: sink.write(formatter.format(diagnostics))
            case .github: diagnostics.forEach { sink.write(GitHubAnnotations.render($0)) }
            case .json, .sarif: collected += diagnostics
            }
        }
        let summary: LintSummary
        if paths.isEmpty {
            let linted = LintRun.rules(path: rules.rules)
            emit(linted.diagnostics)
            summary = linted.summary
        } else {
            let loaded = CriteriaSetSource.load(path: rules.rules)
            guard let set = loaded.set else {
                // The set is broken: its problems are the findings (2 when it cannot be read at all).
                emit(loaded.diagnostics.sortedForOutput())
                try finish(sink, collected, LintSummary(
                    errors: loaded.diagnostics.count(of: .error), unreadable: loaded.isUnreadable ? 1 : 0,
                    subject: "the criteria set at \(rules.rules ?? "(embedded)")"), options)
                return
            }
            var expanded = CaseInputs.expand(paths)
            if expanded.problems.isEmpty, expanded.inputs.isEmpty {
                expanded.problems.append(CaseInputs.noCaseFiles(paths))
            }
            emit(expanded.problems)
            var result = LintRun.cases(
                CaseStream(schema: CaseSchema(set), inputs: expanded.inputs, standardInputFormat: stdinFormat), options: options, report: emit)
            result.unreadable += expanded.problems.count
            result.errors += expanded.problems.count
            summary = result
        }
        try finish(sink, collected, summary, options)
    }

    private func finish(_ sink: OutputSink, _ collected: [Diagnostic], _ summary: LintSummary, _ options: LintOptions) throws {
        switch format {
        case .text: sink.write(summary.line + "\n")
        case .github: break
        case .json: sink.write(LintJSON.render(collected, summary, options))
        case .sarif: sink.write(SARIFLog.render(collected))
        }
        try output.finish(sink)
        let status = summary.status(options)
        if status != .success { throw status.exit }
    }
}
