import ArgumentParser
import CaseAudit

/// `--max-diagnostics N`, on the commands that print diagnostics as they read cases.
public struct DiagnosticLimitOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Print at most N diagnostics, then how many more there were; counts and the exit status are unchanged.",
        valueName: "n"))
    public var maxDiagnostics: Int?

    public init() {}

    public func validate() throws {
        if let maxDiagnostics, maxDiagnostics < 0 { throw ValidationError("--max-diagnostics must be 0 or more") }
    }

    /// A printer of diagnostics on standard error under this limit.
    public func printer() -> DiagnosticPrinter { DiagnosticPrinter(DiagnosticLimit(maxDiagnostics)) }
}

/// Diagnostics on standard error as a run reports them, cut by `--max-diagnostics`.
public final class DiagnosticPrinter {
    private let limit: DiagnosticLimit

    public init(_ limit: DiagnosticLimit) {
        self.limit = limit
    }

    public func print(_ diagnostics: [Diagnostic]) {
        Output.diagnostics(Array(limit.admit(diagnostics.sortedForOutput())))
    }

    /// Says how many diagnostics were not printed, if any.
    public func finish() {
        if let notice = limit.notice { Output.error(notice) }
    }
}
