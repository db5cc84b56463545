/// The process exit codes of every caseaudit command, defined once and documented in docs/cli.md.
public enum ExitStatus: Int32, Sendable, CaseIterable {
    /// Success: no findings at or above the failing severity.
    case success = 0
    /// Findings: the input was read, and has errors (or warnings under `--strict`).
    case findings = 1
    /// Usage error or unreadable input: nothing could be checked.
    case usageOrInput = 2

    /// One line for documentation.
    public var meaning: String {
        switch self {
        case .success: return "success: no findings at or above the failing severity"
        case .findings: return "findings: the input was read and has errors (or warnings with --strict)"
        case .usageOrInput: return "usage error or unreadable input"
        }
    }
}
