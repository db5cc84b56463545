import ArgumentParser
import CaseAudit
import CaseAuditCLI

struct AgreeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agree",
        abstract: "Inter-rater agreement: two assessors' case files for the same cases, question by question.",
        discussion: "Example: caseaudit agree moderation/first moderation/second --by assessor")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, markdown
    }

    enum By: String, ExpressibleByArgument, CaseIterable {
        case assessor
    }

    @Argument(help: ArgumentHelp("The first assessor's case files (a file or a directory).", valueName: "first"), completion: .file())
    var first: String

    @Argument(help: ArgumentHelp("The second assessor's case files for the same case ids.", valueName: "second"), completion: .file())
    var second: String

    @Option(help: "Also split agreement by pair of assessors.")
    var by: By?

    @Option(help: "Output format.")
    var format: Format = .text

    @OptionGroup var rules: RulesOptions

    @Option(help: ArgumentHelp("Replace case ids in the output with keyed hashes (HMAC-SHA-256); the key is the content of this file.", valueName: "key-file"))
    var pseudonymise: String?

    @OptionGroup var output: OutputOptions

    func run() throws {
        let pseudonymiser = try pseudonymise.map(CaseOptions.pseudonymiser)
        let firstInputs = try CaseOptions.expand([first])
        let secondInputs = try CaseOptions.expand([second])
        let schema = CaseSchema(try RulesOptions.loadSet(
            path: CaseOptions.chooseSet(for: firstInputs + secondInputs, rules: rules.rules).rules))
        let firstStream = CaseStream(schema: schema, inputs: firstInputs, pseudonymiser: pseudonymiser)
        let secondStream = CaseStream(schema: schema, inputs: secondInputs, pseudonymiser: pseudonymiser)
        let sink = try output.open(inputs: CaseOptions.inputFiles([firstStream, secondStream], rules: rules, key: pseudonymise))
        let (result, summaries) = AgreementRun.run(
            first: firstStream, second: secondStream, labels: (first, second), byAssessor: by == .assessor,
            report: Output.diagnostics)
        switch format {
        case .json: sink.write(AgreementJSON.render(result))
        case .markdown: sink.write(AgreementText.render(result, markdown: true))
        case .text: sink.write(AgreementText.render(result))
        }
        try output.finish(sink)
        let status = summaries.map(CaseOptions.status).max { $0.rawValue < $1.rawValue } ?? .success
        if status != .success { throw status.exit }
    }
}
