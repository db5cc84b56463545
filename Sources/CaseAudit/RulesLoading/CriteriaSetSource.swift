/// Where a command takes its criteria set from: the embedded default, or `--rules PATH`.
public enum CriteriaSetSource {
    /// Loads the set at `path`, or the embedded default set when `path` is nil.
    public static func load(path: String?) -> CriteriaSetLoader.Result {
        guard let path else { return DefaultCriteriaSet.load() }
        return CriteriaSetLoader.load(path: path)
    }
}
