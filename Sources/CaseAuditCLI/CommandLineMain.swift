import ArgumentParser
import CaseAudit

extension ParsableCommand {
    /// Parses the command line and runs the command, mapping argument errors to the documented
    /// usage status (2) rather than the parser's own code; `help` says where to read more.
    public static func runMappingUsageErrors(help: String) {
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
