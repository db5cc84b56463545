/// Where a command takes its criteria set from: the embedded default, an embedded set by name
/// (`--rules hmip-2018`), or a path (`--rules PATH`).
public enum CriteriaSetSource {
    /// Loads the set `reference` names, or the embedded default set when it is nil. A reference
    /// written as a name (no '/', no `.yaml`) is an embedded set; anything else is a path.
    public static func load(path reference: String?) -> CriteriaSetLoader.Result {
        guard let reference else { return DefaultCriteriaSet.load() }
        if EmbeddedCriteriaSets.isName(reference), let result = EmbeddedCriteriaSets.load(named: reference) {
            return result
        }
        return CriteriaSetLoader.load(path: reference)
    }
}
