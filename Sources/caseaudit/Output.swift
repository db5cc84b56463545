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
enum Output {
    static func write(_ text: String) {
        writeAll(text, to: 1)
    }

    /// A line of text on standard error.
    static func error(_ text: String) {
        writeAll(text.hasSuffix("\n") ? text : text + "\n", to: 2)
    }

    static func diagnostics(_ diagnostics: [Diagnostic]) {
        let formatter = DiagnosticFormatter(useColor: isatty(2) == 1 && getenv("NO_COLOR") == nil)
        writeAll(formatter.format(diagnostics.sortedForOutput()), to: 2)
    }

    private static func writeAll(_ text: String, to descriptor: Int32) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { systemWrite(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            bytes = bytes.dropFirst(written)
        }
    }
}

private let systemWrite = write
private let systemExit: @Sendable (Int32) -> Never = exit

extension ExitStatus {
    /// Ends the command with this status.
    var exit: ExitCode { ExitCode(rawValue) }
}

extension ExitCode {
    /// Ends the process now with this code.
    func terminate() -> Never {
        systemExit(rawValue)
    }
}
