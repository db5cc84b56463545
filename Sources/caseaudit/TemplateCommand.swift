import ArgumentParser
import CaseAudit
import CaseAuditCLI
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import YAMLKit

struct TemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "A case-file skeleton listing only the questions that apply to given facts.",
        discussion: """
            Example: caseaudit template --facts case_type=licence,rosh_recorded=high,offending_related_factors=alcohol_misuse+ete
            Quote a value with ';' in it, which a shell reads as the end of the command: --facts 'offending_related_factors=alcohol_misuse;ete'
            """)

    @Option(help: ArgumentHelp(
        "The facts, as name=value pairs separated by commas; repeatable. A set fact's elements are separated by '+', ',' or ';' ([] for none).",
        valueName: "facts"))
    var facts: [String] = []

    @Option(name: .customLong("case"), help: ArgumentHelp("The case id to write.", valueName: "id"))
    var caseID: String = "NEW-CASE"

    @Flag(help: "Write the spreadsheet form: a CSV header and one row.")
    var csv = false

    @Option(name: .customLong("from-sample"), help: ArgumentHelp(
        "A sample written by 'caseaudit sample': one skeleton per sampled case, its facts from the sample's columns; -o names a directory.",
        valueName: "sample.csv"), completion: .file(extensions: ["csv"]))
    var fromSample: String?

    @Flag(name: .customLong("include-reserves"), help: "With --from-sample, also write the reserves' skeletons.")
    var includeReserves = false

    @OptionGroup var rules: RulesOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let set = try RulesOptions.loadSet(path: rules.rules)
        if let fromSample {
            guard facts.isEmpty, !csv else { throw ValidationError("--from-sample takes the facts from the sample: give no --facts or --csv") }
            return try writeSample(fromSample, set: set)
        }
        if let problem = CaseIDRule.problem(caseID) { throw ValidationError("--case: " + problem) }
        let given: [FactValue?]
        switch CaseTemplate.facts(facts, schema: CaseSchema(set)) {
        case .success(let parsed):
            Output.diagnostics(parsed.warnings)
            given = parsed.values
        case .failure(let diagnostic):
            Output.diagnostics([diagnostic])
            throw ExitStatus.usageOrInput.exit
        }
        let template = CaseTemplate(set: set, facts: given, caseID: caseID)
        let sink = try output.open(inputs: rules.inputFiles)
        sink.write(csv ? template.csv() : template.yaml())
        try output.finish(sink)
    }

    /// One skeleton per sampled case: into the -o directory as ID.yaml (never over an existing
    /// file), or as one YAML stream on standard output.
    private func writeSample(_ path: String, set: CriteriaSet) throws {
        let source = try CaseOptions.readFile(path)
        let read = SampleTemplates.read(source, set: set, includeReserves: includeReserves)
        Output.diagnostics(read.diagnostics)
        if read.diagnostics.contains(where: { $0.severity == .error }) { throw ExitStatus.findings.exit }
        guard let directory = output.output else {
            let sink = try output.open(inputs: CaseOptions.inputFiles([], rules: rules, key: nil, others: [path]))
            sink.write(read.templates.map { $0.yaml() }.joined(separator: "---\n"))
            try output.finish(sink)
            return
        }
        var problems: [Diagnostic] = []
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            Output.diagnostics([Diagnostic(.error, code: "output.unwritable", "cannot create the directory '\(directory)'", at: nil)])
            throw ExitStatus.usageOrInput.exit
        }
        for template in read.templates {
            guard let name = SampleTemplates.fileName(template.caseID) else {
                problems.append(Diagnostic(.error, code: "output.unwritable",
                                           "case id '\(template.caseID)' cannot be a file name (letters, digits, '.', '_' and '-' only); its skeleton is not written", at: nil))
                continue
            }
            let target = directory + "/" + name
            if FileManager.default.fileExists(atPath: target) {
                problems.append(Diagnostic(.error, code: "output.unwritable", "'\(target)' exists already; it is left as it is", at: nil))
                continue
            }
            do {
                let file = try OutputSink(path: target)
                file.write(template.yaml())
                try file.finish()
            } catch {
                problems.append(Diagnostic(.error, code: "output.unwritable", "cannot write '\(target)': \(error.reason)", at: nil))
            }
        }
        Output.diagnostics(problems)
        if !problems.isEmpty { throw ExitStatus.findings.exit }
    }
}
