import ArgumentParser
import CaseAudit

@main
struct CaseAuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "caseaudit",
        abstract: "Audit probation case records against a criteria set.",
        version: CaseAuditVersion.current,
        subcommands: [ScoreCommand.self, GapsCommand.self, ExplainCommand.self, RulesCommand.self]
    )
}
