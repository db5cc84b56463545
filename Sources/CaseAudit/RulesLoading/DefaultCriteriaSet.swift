/// The criteria set built into the binary: HM Inspectorate of Probation's IAOW 2013–14.
public enum DefaultCriteriaSet {
    /// The default set's name among the embedded sets.
    public static let name = "iaow-2013"

    /// The embedded rule files, as `Rules/iaow-2013/NAME.yaml`.
    public static var files: [RuleFile] { EmbeddedCriteriaSets.files(named: name) ?? [] }

    /// Loads the embedded set.
    public static func load() -> CriteriaSetLoader.Result {
        CriteriaSetLoader.load(files: files, origin: .embedded(name))
    }
}
