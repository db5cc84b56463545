import ArgumentParser
import CaseAudit

@main
struct CaseAuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "caseaudit",
        abstract: "Audit probation case records against a criteria set.",
        version: CaseAuditVersion.current,
        subcommands: [
            ScoreCommand.self, GapsCommand.self, ExplainCommand.self, ReportCommand.self, LintCommand.self, TemplateCommand.self,
            ConvertCommand.self, RulesCommand.self, SampleCommand.self, AgreeCommand.self, ServeCommand.self, HistoryCommand.self,
        ]
    )

    /// Runs the command, mapping argument errors to the documented usage status (2) rather than
    /// the parser's own code.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                Output.error("error: \(message(for: error))\nSee 'caseaudit help' or 'caseaudit <command> --help'.")
                ExitStatus.usageOrInput.exit.terminate()
            }
            exit(withError: error)
        }
    }
}
