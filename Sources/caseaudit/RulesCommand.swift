import ArgumentParser
import CaseAudit
import CaseAuditCLI

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "Check, show, document, list or compare criteria sets.",
        subcommands: [Check.self, Show.self, Doc.self, List.self, Diff.self]
    )

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Validate a criteria set and print a one-line summary, or its diagnostics.")

        @Argument(help: ArgumentHelp("The set to check (default: the --rules set, else the embedded one).", valueName: "path"), completion: Completions.rules)
        var path: String?

        @OptionGroup var rules: RulesOptions

        func run() throws {
            let set = try RulesOptions.loadSet(path: path ?? rules.rules)
            Output.write(RulesSummary.render(set))
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the criteria sets built into caseaudit, by the name --rules and extends take.")

        func run() throws {
            Output.write(EmbeddedSetList.render())
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Print the set's outline: outcome → criterion → question, with applicability.")

        @Flag(help: "Print the case facts instead: each fact's type, values and the questions and checks that read it.")
        var facts = false

        @OptionGroup var rules: RulesOptions

        func run() throws {
            let set = try RulesOptions.loadSet(path: rules.rules)
            Output.write(facts ? CaseFactsOutline.text(set) : RulesOutline.render(set))
        }
    }

    struct Doc: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "doc",
            abstract: "Write the criteria document a person reads.")

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case markdown
        }

        @Option(help: "Output format.")
        var format: Format = .markdown

        @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file (atomically) instead of standard output.", valueName: "file"))
        var output: String?

        @OptionGroup var rules: RulesOptions

        func run() throws {
            let set = try RulesOptions.loadSet(path: rules.rules)
            let text = CriteriaDocument.markdown(set)
            if let output {
                do {
                    try AtomicFile.write(text, to: output, inputs: rules.inputFiles)
                } catch {
                    Output.diagnostics([OutputOptions.diagnostic(error, path: output)])
                    throw ExitStatus.usageOrInput.exit
                }
            } else {
                Output.write(text)
            }
        }
    }
}
