/// Where a command takes its criteria set from: the embedded default, an embedded set by name
/// (`--rules hmip-2018`), or a path (`--rules PATH`).
public enum CriteriaSetSource {
    /// Loads the set `reference` names, or the embedded default set when it is nil. A reference
    /// written as a name (no '/', no `.yaml`) is an embedded set; anything else is a path.
    public static func load(path reference: String?) -> CriteriaSetLoader.Result {
        read(path: reference).result
    }

    /// The set's own rule files as read and where they came from (kept with a recorded round, so
    /// the set can be loaded again after its files change), and the set loaded from them. A
    /// derived set's base is not among the files: loading them again resolves `extends` anew.
    public static func read(path reference: String?) -> (files: [RuleFile], origin: SetOrigin, result: CriteriaSetLoader.Result) {
        guard let reference else { return (DefaultCriteriaSet.files, .embedded(DefaultCriteriaSet.name), DefaultCriteriaSet.load()) }
        if EmbeddedCriteriaSets.isName(reference), let files = EmbeddedCriteriaSets.files(named: reference) {
            return (files, .embedded(reference), CriteriaSetLoader.load(files: files, origin: .embedded(reference)))
        }
        switch RuleFiles.read(path: reference) {
        case .success(let files): return (files, .disk(reference), CriteriaSetLoader.load(files: files, origin: .disk(reference)))
        case .failure(let diagnostic): return ([], .disk(reference), CriteriaSetLoader.Result(set: nil, diagnostics: [diagnostic]))
        }
    }
}
