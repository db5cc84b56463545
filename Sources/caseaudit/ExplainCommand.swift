import ArgumentParser
import CaseAudit
import CaseAuditCLI

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Why a question applies to a case or not: the conditions, and the facts that decided them.")

    @Argument(help: ArgumentHelp("The case id.", valueName: "case"))
    var caseID: String

    @Argument(help: ArgumentHelp("The question id.", valueName: "question"))
    var question: String

    @OptionGroup var cases: CaseOptions

    func run() throws {
        let stream = try cases.open()
        let set = stream.schema.set
        guard let index = stream.schema.question(id: question) else {
            Output.diagnostics([ExplainRun.unknownQuestion(question, in: stream.schema)])
            throw ExitStatus.usageOrInput.exit
        }
        let printer = cases.limit.printer()
        let found = ExplainRun.find(caseID, in: stream, report: printer.print)
        printer.finish()
        guard let evaluation = found.evaluation else {
            Output.diagnostics([Diagnostic(.error, code: "usage.unknown-case", "no case '\(ExplainRun.shownID(caseID, in: stream))' in \(cases.paths.joined(separator: ", "))", at: nil)])
            throw ExitStatus.usageOrInput.exit
        }
        Output.write(ExplanationText.render(Explanation(evaluation, question: index, set: set), set: set))
        let status = CaseOptions.status(found.summary)
        if status != .success { throw status.exit }
    }
}
