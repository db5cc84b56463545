/// The criteria sets built into the binary (every directory under `Rules/`), addressable by name
/// (`--rules hmip-2018`, `extends: iaow-2013`).
public enum EmbeddedCriteriaSets {
    /// The names, in order.
    public static var names: [String] { EmbeddedRules.sets.map(\.name) }

    /// The files of the set with this name, or nil.
    public static func files(named name: String) -> [RuleFile]? {
        EmbeddedRules.sets.first { $0.name == name }?.files
    }

    /// True when `reference` is written as a name (no '/', not a `.yaml`/`.yml` file), so it means
    /// an embedded set rather than a path; `./name` always means a path.
    public static func isName(_ reference: String) -> Bool {
        !reference.contains("/") && !reference.hasSuffix(".yaml") && !reference.hasSuffix(".yml") && !reference.isEmpty
    }

    /// True when `reference` names a set built into the binary (not a path on disk).
    public static func isEmbedded(_ reference: String) -> Bool {
        isName(reference) && files(named: reference) != nil
    }

    /// Loads the embedded set with this name, or nil when there is none.
    public static func load(named name: String) -> CriteriaSetLoader.Result? {
        files(named: name).map { CriteriaSetLoader.load(files: $0, origin: .embedded(name)) }
    }
}
