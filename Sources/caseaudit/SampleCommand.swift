import ArgumentParser
import CaseAudit
import CaseAuditCLI
import YAMLKit

struct SampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample",
        abstract: "Draw a reproducible stratified sample of cases from a caseload extract (CSV).",
        discussion: """
            Example: caseaudit sample caseload.csv --size 60 --preset hmip --buffer 10 --seed 2026-Q4 -o sample.csv
            The sample (CSV) goes to -o, or to standard output; the allocation table to standard output, or to standard error when the sample goes there. The same caseload, options and seed give the same bytes on any machine.
            """)

    @Argument(help: ArgumentHelp("The caseload extract: a CSV file with a 'case' column, then facts.", valueName: "caseload"),
              completion: .file(extensions: ["csv"]))
    var caseload: String

    @Option(help: ArgumentHelp("How many cases to sample.", valueName: "n"))
    var size: Int

    @Option(help: ArgumentHelp("Stratify by these columns (one stratum per combination of values; repeat, or separate with commas).", valueName: "column"))
    var strata: [String] = []

    @Option(help: ArgumentHelp("A named stratum, NAME=CONDITION (repeat; the first that holds places a case; cases none holds form '(other)').", valueName: "name=condition"))
    var stratum: [String] = []

    @Option(name: .customLong("max-per"), help: ArgumentHelp("At most K sampled cases (reserves included) per value of a column, e.g. offender_manager=6.", valueName: "column=k"))
    var maxPer: [String] = []

    @Option(help: ArgumentHelp("Reserve cases, as a percentage of the size (rounded up), e.g. 10%.", valueName: "percent"))
    var buffer: String = "0"

    @Option(help: ArgumentHelp("The seed of the draw: a whole number, or any text. Without it, a seed is chosen and printed.", valueName: "seed"))
    var seed: String?

    @Option(help: ArgumentHelp("Leave out cases for which this condition holds (repeat).", valueName: "condition"))
    var exclude: [String] = []

    @Option(help: ArgumentHelp("Cases with equal values in these columns are the same case: keep the earliest (repeat for other keys; 'case' always is one).", valueName: "columns"))
    var dedupe: [String] = []

    @Option(help: ArgumentHelp("The column (e.g. a date) whose smallest value is the earliest of duplicates (default: first in the file).", valueName: "column"))
    var earliest: String?

    @Option(help: ArgumentHelp("Start from a documented set of rules: hmip (the inspectorate's exclusions, de-duplication, strata and cap).", valueName: "preset"))
    var preset: SamplePreset?

    @OptionGroup var rules: RulesOptions
    @OptionGroup var limits: DiagnosticLimitOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        guard (1...1_000_000).contains(size) else { throw ValidationError("--size takes a whole number from 1 to 1,000,000") }
        let set = try RulesOptions.loadSet(path: rules.rules)
        let seedText = seed ?? String(UInt64.random(in: 0...UInt64(UInt32.max)))
        var plan = SamplePlan(size: size, seedText: seedText)
        plan.bufferPercent = try Self.percent(buffer)
        plan.exclusions = exclude
        plan.duplicateKeys = dedupe.map { $0.split(separator: ",").map { $0.trimmingSpaces() } }
        plan.earliest = earliest
        plan.caps = try maxPer.map(Self.cap)
        if !stratum.isEmpty, !strata.isEmpty { throw ValidationError("give --strata or --stratum, not both") }
        if !stratum.isEmpty { plan.strata = .rules(try stratum.map(Self.namedStratum)) }
        if !strata.isEmpty { plan.strata = .columns(strata.flatMap { $0.split(separator: ",").map { $0.trimmingSpaces() } }) }
        if let preset { plan.declaredColumns = preset.declaredColumns }

        let source = try CaseOptions.readFile(caseload)
        let read = Caseload.read(source, set: set, declared: plan.declaredColumns)
        // In the order found (the caseload's rows, then the draw's), cut by --max-diagnostics.
        let limit = DiagnosticLimit(limits.maxDiagnostics)
        defer { if let notice = limit.notice { Output.error(notice) } }
        guard let table = read.caseload, !read.diagnostics.contains(where: { $0.severity == .error }) else {
            Output.diagnostics(Array(limit.admit(read.diagnostics)))
            throw ExitStatus.findings.exit
        }
        let presetWarnings = preset.map { plan.apply($0, to: table) } ?? []
        let drawn = SampleRun.draw(table, plan: plan, set: set)
        Output.diagnostics(Array(limit.admit(read.diagnostics + presetWarnings + drawn.diagnostics)))
        guard let result = drawn.result else {
            let usage = drawn.diagnostics.contains { $0.code.hasPrefix("usage.") }
            throw (usage ? ExitStatus.usageOrInput : ExitStatus.findings).exit
        }
        let sink = try output.open(inputs: CaseOptions.inputFiles([], rules: rules, key: nil, others: [caseload]))
        sink.write(SampleCSV.render(result))
        try output.finish(sink)
        if output.output == nil { Output.error(SampleText.render(result)) } else { Output.write(SampleText.render(result)) }
    }

    private static func percent(_ text: String) throws -> Int {
        let digits = text.hasSuffix("%") ? String(text.dropLast()) : text
        guard let value = Int(digits), (0...1000).contains(value) else {
            throw ValidationError("--buffer takes a whole percentage from 0 to 1000, e.g. 10%")
        }
        return value
    }

    private static func cap(_ text: String) throws -> (column: String, max: Int) {
        let parts = text.split(separator: "=", maxSplits: 1).map { $0.trimmingSpaces() }
        guard parts.count == 2, !parts[0].isEmpty, let max = Int(parts[1]), max > 0 else {
            throw ValidationError("--max-per takes COLUMN=K with K a positive whole number, e.g. offender_manager=6")
        }
        return (parts[0], max)
    }

    private static func namedStratum(_ text: String) throws -> (name: String, condition: String) {
        guard let equals = text.firstIndex(of: "="), !text[..<equals].trimmingSpaces().isEmpty else {
            throw ValidationError("--stratum takes NAME=CONDITION, e.g. 'female=gender == female'")
        }
        return (text[..<equals].trimmingSpaces(), String(text[text.index(after: equals)...]).trimmingSpaces())
    }
}

extension SamplePreset: ExpressibleByArgument {}
