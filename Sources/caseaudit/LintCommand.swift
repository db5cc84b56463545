import ArgumentParser
import CaseAudit
import CaseAuditCLI

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
    var format: LintOutput.Format = .text

    @Flag(help: "Warnings fail the run too (exit 1).")
    var strict = false

    @Flag(help: "An applicable question left unanswered is an error, not a warning.")
    var requireComplete = false

    @OptionGroup var jobs: JobsOptions

    @Flag(help: "One finding per question left unanswered or whose applicability cannot be decided, not one per case for each missing fact or answer and one for its unanswered questions.")
    var verbose = false

    @OptionGroup var limit: DiagnosticLimitOptions

    @OptionGroup var output: OutputOptions

    @Option(help: ArgumentHelp(
        "Replace case ids in the findings with keyed hashes (HMAC-SHA-256), and show no source lines; the key is the content of this file (16 bytes or more).",
        valueName: "key-file"))
    var pseudonymise: String?

    func run() throws {
        let options = LintOptions(requireComplete: requireComplete, strict: strict, verbose: verbose)
        if paths.isEmpty, rules.rules == nil {
            throw ValidationError("give case files to lint, or --rules PATH to lint a criteria set")
        }
        let pseudonymiser = try pseudonymise.map(CaseOptions.pseudonymiser(keyFile:))
        var expanded = CaseInputs.expand(paths)
        if !paths.isEmpty, expanded.problems.isEmpty, expanded.inputs.isEmpty {
            expanded.problems.append(CaseInputs.noCaseFiles(paths))
        }
        let sink = try output.open(inputs: CaseOptions.inputFiles(
            inputs: expanded.inputs, rules: rules, key: pseudonymise))
        let formatter = DiagnosticFormatter(useColor: output.output == nil && isatty(1) == 1 && getenv("NO_COLOR") == nil)
        let writer = LintOutput(format, to: sink, formatter: formatter, limit: DiagnosticLimit(limit.maxDiagnostics))
        let summary: LintSummary
        if paths.isEmpty {
            let linted = LintRun.rules(path: rules.rules)
            writer.write(linted.diagnostics)
            summary = linted.summary
        } else {
            writer.write(expanded.problems)
            // A large first input is read while its set loads.
            let readAhead = InputReadAhead(expanded.inputs, jobs: jobs.count)
            let choice = SetChoice.choose(for: expanded.inputs, rules: rules.rules)
            var result = LintRun.cases(choice, options: options, open: { schema, inputs in
                CaseStream(schema: schema, inputs: inputs, pseudonymiser: pseudonymiser, standardInputFormat: stdinFormat,
                           jobs: jobs.count, readAhead: readAhead)
            }, report: writer.write)
            result.unreadable += expanded.problems.count
            result.errors += expanded.problems.count
            summary = result
        }
        try finish(sink, writer, summary, options)
    }

    private func finish(_ sink: OutputSink, _ writer: LintOutput, _ summary: LintSummary, _ options: LintOptions) throws {
        writer.finish(summary, options)
        try output.finish(sink)
        let status = summary.status(options)
        if status != .success { throw status.exit }
    }
}

extension LintOutput.Format: ExpressibleByArgument {}
