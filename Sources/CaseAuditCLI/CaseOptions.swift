import ArgumentParser
import CaseAudit
import YAMLKit

/// The case files a command reads, and the criteria set it reads them by.
public struct CaseOptions: ParsableArguments {
    @Argument(help: ArgumentHelp(
        "Case files or directories (read recursively: *.yaml, *.yml, *.json, *.csv); '-' for standard input.",
        valueName: "path"), completion: .file(extensions: ["yaml", "yml", "json", "csv"]))
    public var paths: [String]

    @Option(help: ArgumentHelp(
        "The format of standard input ('-'); by default CSV when its first line is a CSV header with a 'case' column, else YAML.",
        valueName: "format"))
    public var stdinFormat: CaseFormat?

    @OptionGroup public var rules: RulesOptions

    @Option(help: ArgumentHelp(
        "Replace case ids in the output with keyed hashes (HMAC-SHA-256); the key is the content of this file (16 bytes or more).",
        valueName: "key-file"))
    public var pseudonymise: String?

    @OptionGroup public var jobs: JobsOptions

    @OptionGroup public var limit: DiagnosticLimitOptions

    public init() {}

    /// Lists the inputs and loads their set (`--rules`, else their `caseaudit.yaml`, else the
    /// embedded default), printing diagnostics; exits 2 when nothing can be read or the inputs are
    /// for different sets. `minBase` overrides the set's `min_base`. A large first input is read
    /// while the set loads.
    public func open(minBase: Int? = nil) throws -> CaseStream {
        let chosen = try inputsAndSet()
        let readAhead = InputReadAhead(chosen.inputs, jobs: jobs.count)
        return try open(chosen.inputs, set: RulesOptions.loadSet(path: chosen.rules), minBase: minBase, readAhead: readAhead)
    }

    /// The inputs, and the set they are read by as `CriteriaSetSource` takes it; exits 2 when
    /// nothing can be read or the inputs are for different sets.
    public func inputsAndSet() throws -> (inputs: [CaseInput], rules: String?) {
        let inputs = try Self.expand(paths)
        return (inputs, try Self.chooseSet(for: inputs, rules: rules.rules).rules)
    }

    /// The inputs read by a set already loaded (and the key read), with the first input's bytes if
    /// read ahead; exits 2 when the key cannot be read.
    public func open(_ inputs: [CaseInput], set: CriteriaSet, minBase: Int? = nil, readAhead: InputReadAhead? = nil) throws -> CaseStream {
        let pseudonymiser = try pseudonymise.map(Self.pseudonymiser)
        var set = set
        if let minBase { set.scoring.minBase = minBase }
        return CaseStream(
            schema: CaseSchema(set), inputs: inputs, pseudonymiser: pseudonymiser, standardInputFormat: stdinFormat,
            jobs: jobs.count, readAhead: readAhead)
    }

    /// The case files under `paths`, read by `set` on `jobs` threads; exits 2 when nothing can be read.
    public static func stream(
        _ paths: [String], set: CriteriaSet, pseudonymiser: Pseudonymiser?, standardInputFormat: CaseFormat? = nil, jobs: Int = 1
    ) throws -> CaseStream {
        CaseStream(
            schema: CaseSchema(set), inputs: try expand(paths), pseudonymiser: pseudonymiser,
            standardInputFormat: standardInputFormat, jobs: jobs)
    }

    /// The inputs `paths` name; exits 2 when one cannot be read or there are none.
    public static func expand(_ paths: [String]) throws -> [CaseInput] {
        let expanded = CaseInputs.expand(paths)
        Output.diagnostics(expanded.problems)
        if !expanded.problems.isEmpty { throw ExitStatus.usageOrInput.exit }
        guard !expanded.inputs.isEmpty else {
            Output.diagnostics([CaseInputs.noCaseFiles(paths)])
            throw ExitStatus.usageOrInput.exit
        }
        return expanded.inputs
    }

    /// The one set `inputs` are read by; exits 2 when a settings file is broken or the inputs are
    /// for different sets.
    public static func chooseSet(for inputs: [CaseInput], rules: String?) throws -> SetChoice.Group {
        let choice = SetChoice.choose(for: inputs, rules: rules)
        Output.diagnostics(choice.diagnostics)
        if choice.diagnostics.contains(where: { $0.severity == .error }) { throw ExitStatus.usageOrInput.exit }
        switch choice.single() {
        case .success(let group): return group
        case .failure(let diagnostic):
            Output.diagnostics([diagnostic])
            throw ExitStatus.usageOrInput.exit
        }
    }

    /// One whole input file (a caseload, a sample); exits 2 when it cannot be read.
    public static func readFile(_ path: String) throws -> SourceText {
        switch YAMLLoader.read(path: path, limits: .default) {
        case .success(let text): return text
        case .failure(let error):
            Output.diagnostics([Diagnostic(error, in: SourceText(path: path, bytes: []))])
            throw ExitStatus.usageOrInput.exit
        }
    }

    /// The pseudonymiser keyed by a file's content; exits 2 when it cannot be read or is too short.
    public static func pseudonymiser(keyFile path: String) throws -> Pseudonymiser {
        switch Pseudonymiser.load(keyFile: path) {
        case .success(let pseudonymiser): return pseudonymiser
        case .failure(let diagnostic):
            Output.diagnostics([diagnostic])
            throw ExitStatus.usageOrInput.exit
        }
    }

    /// Fact indexes for `--by` and similar options; exits 2 on an unknown name.
    public static func facts(_ names: [String], in schema: CaseSchema) throws -> [Int] {
        switch schema.facts(named: names) {
        case .success(let indexes): return indexes
        case .failure(let diagnostic):
            Output.diagnostics([diagnostic])
            throw ExitStatus.usageOrInput.exit
        }
    }

    /// The one fact an option names (`gaps --by`, `report --gaps-by`); exits 2 otherwise.
    public static func fact(_ name: String, option: String, in schema: CaseSchema) throws -> Int {
        let facts = try facts([name], in: schema)
        guard facts.count == 1 else { throw ValidationError("\(option) takes exactly one fact") }
        return facts[0]
    }

    /// Every file the command reads — case files (and standard input when it is a file), the
    /// criteria set's files, the key file — so that `-o` can never overwrite one of them.
    public func inputFiles(_ stream: CaseStream) -> Set<FileIdentity> {
        Self.inputFiles([stream], rules: rules, key: pseudonymise)
    }

    /// The files read through these streams, their set (`--rules`, or the one their settings name)
    /// with its settings files, and the key file.
    public static func inputFiles(_ streams: [CaseStream], rules: RulesOptions, key: String?, others: [String] = []) -> Set<FileIdentity> {
        inputFiles(inputs: streams.flatMap(\.inputs), rules: rules, key: key, others: others)
    }

    /// The files read as these inputs, their set with its settings files, the key file and `others`.
    public static func inputFiles(inputs: [CaseInput], rules: RulesOptions, key: String?, others: [String] = []) -> Set<FileIdentity> {
        var files = rules.inputFiles.union(inputs.compactMap(\.identity))
        let choice = SetChoice.choose(for: inputs, rules: rules.rules)
        for group in choice.groups { files.formUnion(group.rules.map(FileIdentity.of(fileOrDirectory:)) ?? []) }
        files.formUnion((choice.settingsFiles + others + (key.map { [$0] } ?? [])).compactMap(FileIdentity.init(path:)))
        return files
    }

    /// The exit status after reading: 2 if an input was unreadable, 1 if the input had errors.
    public static func status(_ summary: CaseStream.Summary) -> ExitStatus {
        if summary.unreadable > 0 { return .usageOrInput }
        return summary.errors > 0 ? .findings : .success
    }
}

extension CaseFormat: ExpressibleByArgument {}

/// `--min-base N`: the smallest base a figure is shown without a flag, for this run.
public struct MinBaseOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Flag figures with a base below N, instead of the set's min_base (a small audit of 8 cases: --min-base 3).",
        valueName: "N"))
    public var minBase: Int?

    public init() {}

    public func validate() throws {
        if let minBase, minBase < 1 { throw ValidationError("--min-base must be 1 or more") }
    }
}

/// `--jobs N`: how many threads read and evaluate cases.
public struct JobsOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Threads reading and evaluating cases (default: the number of cores). The output is the same for any number.",
        valueName: "n"))
    public var jobs: Int?

    public init() {}

    public func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs takes a number of threads, 1 or more") }
    }

    public var count: Int { jobs ?? CaseStream.defaultJobs }
}

/// `-o FILE`: where a command writes.
public struct OutputOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file (atomically) instead of standard output.", valueName: "file"))
    public var output: String?

    public init() {}

    /// Writes to `path` (nil: standard output).
    public init(path: String?) {
        output = path
    }

    /// Opens the output; exits 2 when the file cannot be created or is one of `inputs`.
    public func open(inputs: Set<FileIdentity>) throws -> OutputSink {
        do {
            return try OutputSink(path: output, inputs: inputs)
        } catch {
            Output.diagnostics([Self.diagnostic(error, path: output ?? "-")])
            throw ExitStatus.usageOrInput.exit
        }
    }

    /// The diagnostic for an output that cannot be written (or must not be).
    public static func diagnostic(_ error: OutputSink.Failure, path: String) -> Diagnostic {
        let verb = error.code == "output.is-input" ? "refusing to write" : "cannot write"
        return Diagnostic(.error, code: error.code, "\(verb) '\(path)': \(error.reason)", at: nil)
    }

    /// Finishes the output; exits 2 when it could not be written.
    public func finish(_ sink: OutputSink) throws {
        do {
            try sink.finish()
        } catch {
            Output.diagnostics([Self.diagnostic(error, path: output ?? "-")])
            throw ExitStatus.usageOrInput.exit
        }
    }
}
