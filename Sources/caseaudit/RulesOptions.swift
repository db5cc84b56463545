import ArgumentParser
import CaseAudit

/// `--rules SET`: swaps the embedded default criteria set for another, on every command.
struct RulesOptions: ParsableArguments {
    @Option(
        name: .customLong("rules"),
        help: ArgumentHelp(
            "A criteria set to use instead of the one the case files' caseaudit.yaml names (else the embedded IAOW 2013 set): an embedded set's name (see 'caseaudit rules list') or a path (a YAML file or a directory of them).",
            valueName: "set"),
        completion: Completions.rules)
    var given: [String] = []

    /// The set named, if any (at most one: a derived set layers sets with `extends`).
    var rules: String? { given.first }

    func validate() throws {
        if given.count > 1 {
            throw ValidationError("--rules is given \(given.count) times ('\(given.joined(separator: "', '"))'); give one set (to layer sets, write a derived set with 'extends')")
        }
    }

    /// The set's files on disk (none for an embedded set), which `-o` must never overwrite.
    var inputFiles: Set<FileIdentity> {
        Set(rules.map(FileIdentity.of(fileOrDirectory:)) ?? [])
    }
}
