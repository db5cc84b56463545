import ArgumentParser
import CaseAudit
import CaseAuditCLI

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

    /// Runs the command; argument errors exit with status 2.
    static func main() {
        runMappingUsageErrors(help: "See 'caseaudit help' or 'caseaudit <command> --help'.")
    }
}
