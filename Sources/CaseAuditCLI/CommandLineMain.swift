import ArgumentParser
internal import CAllocator
import CaseAudit

extension ParsableCommand {
    /// Sets the allocator's options for the run (freed memory given back at once, so memory does not
    /// grow with the number of files read), parses the command line and runs the command,
    /// mapping argument errors to the documented usage status (2) rather than the parser's own
    /// code; `help` says where to read more.
    public static func runMappingUsageErrors(help: String) {
        caseaudit_configure_allocator()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                Output.error("error: \(message(for: error))\n\(help)")
                ExitStatus.usageOrInput.exit.terminate()
            }
            exit(withError: error)
        }
    }
}
