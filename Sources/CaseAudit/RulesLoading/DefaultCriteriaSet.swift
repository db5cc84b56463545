/// The criteria set built into the binary: HM Inspectorate of Probation's IAOW 2013–14.
public enum DefaultCriteriaSet {
    /// The embedded rule files, as `Rules/iaow-2013/NAME.yaml`.
    public static var files: [RuleFile] { EmbeddedRules.files }

    /// Loads the embedded set.
    public static func load() -> CriteriaSetLoader.Result {
        CriteriaSetLoader.load(files: files)
    }
}
