import ArgumentParser
import CaseAudit

/// `--rules SET`: swaps the embedded default criteria set for another, on every command.
public struct RulesOptions: ParsableArguments {
    @Option(
        name: .customLong("rules"),
        help: ArgumentHelp(
            "A criteria set to use instead of the one the case files' caseaudit.yaml names (else the embedded IAOW 2013 set): an embedded set's name (see 'caseaudit rules list') or a path (a YAML file or a directory of them).",
            valueName: "set"),
        completion: Completions.rules)
    public var given: [String] = []

    public init() {}

    /// The set named, if any (at most one: a derived set layers sets with `extends`).
    public var rules: String? { given.first }

    public func validate() throws {
        if given.count > 1 {
            throw ValidationError("--rules is given \(given.count) times ('\(given.joined(separator: "', '"))'); give one set (to layer sets, write a derived set with 'extends')")
        }
    }

    /// Loads the set, printing diagnostics; throws the exit status when it has errors.
    public static func loadSet(path: String?) throws -> CriteriaSet {
        try loaded(CriteriaSetSource.load(path: path))
    }

    /// The set of a load, printing its diagnostics; throws the exit status when it has errors.
    public static func loaded(_ result: CriteriaSetLoader.Result) throws -> CriteriaSet {
        Output.diagnostics(result.diagnostics)
        guard let set = result.set else {
            throw (result.isUnreadable ? ExitStatus.usageOrInput : ExitStatus.findings).exit
        }
        return set
    }

    /// The set's files on disk (none for an embedded set), which `-o` must never overwrite.
    public var inputFiles: Set<FileIdentity> {
        Set(rules.map(FileIdentity.of(fileOrDirectory:)) ?? [])
    }
}
