import ArgumentParser
import CaseAudit

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writing to the terminal: standard output, and diagnostics on standard error (coloured on a terminal).
public enum Output {
    public static func write(_ text: String) {
        writeAll(text, to: 1)
    }

    /// A line of text on standard error.
    public static func error(_ text: String) {
        writeAll(text.hasSuffix("\n") ? text : text + "\n", to: 2)
    }

    public static func diagnostics(_ diagnostics: [Diagnostic]) {
        let formatter = DiagnosticFormatter(useColor: isatty(2) == 1 && getenv("NO_COLOR") == nil)
        writeAll(formatter.format(diagnostics.sortedForOutput()), to: 2)
    }

    /// Writes all of `text`; a terminal that has gone away is not an error worth reporting.
    private static func writeAll(_ text: String, to descriptor: Int32) {
        let sink = OutputSink(descriptor: descriptor)
        sink.write(text)
        try? sink.finish()
    }
}
private let systemExit: @Sendable (Int32) -> Never = exit

extension ExitStatus {
    /// Ends the command with this status.
    public var exit: ExitCode { ExitCode(rawValue) }
}

extension ExitCode {
    /// Ends the process now with this code.
    public func terminate() -> Never {
        systemExit(rawValue)
    }
}
