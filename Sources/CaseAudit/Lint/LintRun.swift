/// Options of a lint run.
public struct LintOptions: Sendable {
    /// Applicable questions left unanswered are errors, not warnings.
    public var requireComplete = false
    /// Warnings fail the run too.
    public var strict = false
    /// One `case.undetermined` and one `case.unanswered` finding per question, instead of one per
    /// case for each missing fact and one for the questions it has no answer key for.
    public var verbose = false

    public init(requireComplete: Bool = false, strict: Bool = false, verbose: Bool = false) {
        self.requireComplete = requireComplete
        self.strict = strict
        self.verbose = verbose
    }

    /// The least severity that fails the run.
    public var failingSeverity: Severity { strict ? .warning : .error }
}

/// What a lint run found.
public struct LintSummary: Sendable {
    public var files = 0
    public var cases = 0
    public var errors = 0
    public var warnings = 0
    /// Inputs that could not be read at all.
    public var unreadable = 0
    /// What was linted, when not case files ("the criteria set iaow-2013").
    public var subject: String?

    public init(files: Int = 0, cases: Int = 0, errors: Int = 0, warnings: Int = 0, unreadable: Int = 0, subject: String? = nil) {
        self.files = files
        self.cases = cases
        self.errors = errors
        self.warnings = warnings
        self.unreadable = unreadable
        self.subject = subject
    }

    /// The exit status: 2 if an input was unreadable, 1 with findings at or above the failing
    /// severity, else 0.
    public func status(_ options: LintOptions) -> ExitStatus {
        if unreadable > 0 { return .usageOrInput }
        if errors > 0 || (options.strict && warnings > 0) { return .findings }
        return .success
    }

    /// "2 errors and 1 warning in 10 files (49 cases)", or "no problems in …".
    public var line: String {
        var parts: [String] = []
        if errors > 0 { parts.append(counted(errors, "error")) }
        if warnings > 0 { parts.append(counted(warnings, "warning")) }
        let found = parts.isEmpty ? "no problems" : parts.joined(separator: " and ")
        if let subject { return "\(found) in \(subject)" }
        let place = counted(files, "file") + " (" + counted(cases, "case") + ")"
        return "\(found) in \(place)"
    }
}

/// `caseaudit lint`: every problem in case files (reading, typing, applicability, completeness,
/// the set's checks) or in a criteria set, as located diagnostics.
public enum LintRun {
    /// Lints case files. Diagnostics go to `report` input by input, in source order.
    public static func cases(
        _ stream: CaseStream, options: LintOptions = LintOptions(), report: ([Diagnostic]) -> Void
    ) -> LintSummary {
        let set = stream.schema.set
        let evaluator = Evaluator(set, runsChecks: true)
        let lint = CaseLint(set: set, requireComplete: options.requireComplete, verbose: options.verbose, eachUnanswered: options.verbose)
        let read = stream.forEach(start: { () }, add: { _, record, _ in
            lint.findings(evaluator.evaluate(record))
        }, merge: { _ in }, report: report)
        return LintSummary(
            files: stream.inputs.count, cases: read.cases, errors: read.errors, warnings: read.warnings, unreadable: read.unreadable)
    }

    /// Lints case inputs grouped by the set each is answered against (``SetChoice``): each group is
    /// read by its own set, through the stream `open` makes. A set that cannot be loaded, and a
    /// broken settings file, report their problems instead (a settings file's inputs are skipped).
    public static func cases(
        _ choice: SetChoice, options: LintOptions = LintOptions(),
        open: (CaseSchema, [CaseInput]) -> CaseStream, report: ([Diagnostic]) -> Void
    ) -> LintSummary {
        var total = LintSummary()
        report(choice.diagnostics)
        total.errors += choice.diagnostics.count(of: .error)
        total.warnings += choice.diagnostics.count(of: .warning)
        if total.errors > 0 { total.unreadable += 1 }
        for group in choice.groups {
            let loaded = CriteriaSetSource.load(path: group.rules)
            guard let set = loaded.set else {
                report(loaded.diagnostics.sortedForOutput())
                total.errors += loaded.diagnostics.count(of: .error)
                total.unreadable += loaded.isUnreadable ? 1 : 0
                if choice.groups.count == 1 { total.subject = "the criteria set at \(group.rules ?? "(embedded)")" }
                continue
            }
            let linted = cases(open(CaseSchema(set), group.inputs), options: options, report: report)
            total.files += linted.files
            total.cases += linted.cases
            total.errors += linted.errors
            total.warnings += linted.warnings
            total.unreadable += linted.unreadable
        }
        return total
    }

    /// Lints a criteria set: everything `rules check` finds, plus ``RulesLint`` warnings.
    public static func rules(path: String?) -> (diagnostics: [Diagnostic], summary: LintSummary) {
        let loaded = CriteriaSetSource.load(path: path)
        var diagnostics = loaded.diagnostics
        if let set = loaded.set { diagnostics += RulesLint.warnings(set) }
        diagnostics = diagnostics.sortedForOutput()
        let subject = loaded.set.map { "the criteria set \($0.id) \($0.version)" } ?? "the criteria set at \(path ?? "(embedded)")"
        return (diagnostics, LintSummary(
            files: 0, cases: 0, errors: diagnostics.count(of: .error), warnings: diagnostics.count(of: .warning),
            unreadable: loaded.isUnreadable ? 1 : 0, subject: subject))
    }
}
