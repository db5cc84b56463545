/// Where a command takes its criteria set from: the embedded default, an embedded set by name
/// (`--rules hmip-2018`), or a path (`--rules PATH`).
public enum CriteriaSetSource {
    /// Loads the set `reference` names, or the embedded default set when it is nil. A reference
    /// written as a name (no '/', no `.yaml`) is an embedded set; anything else is a path.
    public static func load(path reference: String?) -> CriteriaSetLoader.Result {
        read(path: reference).result
    }

    /// The set loaded, with the chain of rule files it was loaded from (its own, then every base's,
    /// each with its origin): kept with a recorded round, so the set loads again from them alone
    /// (``SetChain/load()``) after any of its files change.
    public static func read(path reference: String?) -> (chain: SetChain, result: CriteriaSetLoader.Result) {
        let reference = reference ?? DefaultCriteriaSet.name
        if EmbeddedCriteriaSets.isName(reference), let files = EmbeddedCriteriaSets.files(named: reference) {
            return CriteriaSetLoader.loadChain(files: files, origin: .embedded(reference))
        }
        switch RuleFiles.read(path: reference) {
        case .success(let files): return CriteriaSetLoader.loadChain(files: files, origin: .disk(reference))
        case .failure(let diagnostic): return (SetChain(members: []), CriteriaSetLoader.Result(set: nil, diagnostics: [diagnostic]))
        }
    }
}
