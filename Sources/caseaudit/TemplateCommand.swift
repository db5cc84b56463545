import ArgumentParser
import CaseAudit

struct TemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "A case-file skeleton listing only the questions that apply to given facts.",
        discussion: "Example: caseaudit template --facts case_type=licence,rosh_recorded=high,offending_related_factors=alcohol_misuse;ete")

    @Option(help: ArgumentHelp(
        "The facts, as name=value pairs separated by commas (a set fact's elements by ';', [] for none).", valueName: "facts"))
    var facts: String = ""

    @Option(name: .customLong("case"), help: ArgumentHelp("The case id to write.", valueName: "id"))
    var caseID: String = "NEW-CASE"

    @Flag(help: "Write the spreadsheet form: a CSV header and one row.")
    var csv = false

    @OptionGroup var rules: RulesOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let set = try RulesCommand.loadSet(path: rules.rules)
        let given: [FactValue?]
        switch CaseTemplate.facts(facts, schema: CaseSchema(set)) {
        case .success(let values): given = values
        case .failure(let diagnostic):
            Output.diagnostics([diagnostic])
            throw ExitStatus.usageOrInput.exit
        }
        let template = CaseTemplate(set: set, facts: given, caseID: caseID)
        let sink = try output.open()
        sink.write(csv ? template.csv() : template.yaml())
        try output.finish(sink)
    }
}
