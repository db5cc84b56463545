import YAMLKit

/// `caseaudit.yaml`: settings for the case files in its directory and every directory below it
/// (unless a nearer one says otherwise). Today it says one thing: which criteria set the cases are
/// answered against, so that `caseaudit score DIR` needs no `--rules`.
///
/// ```yaml
/// rules: hmip-2018        # an embedded set's name, or a path relative to this file
/// ```
public struct CaseSettings: Sendable, Equatable {
    /// The file name looked for; directory walks never read it as a case file.
    public static let fileName = "caseaudit.yaml"

    /// The settings file.
    public var path: String
    /// The criteria set as `CriteriaSetSource.load` takes it: an embedded set's name, or a path
    /// (made relative to the working directory, as the settings file's own path is).
    public var rules: String?

    static let keys = ["rules"]

    /// Reads a settings file: the settings (nil when it cannot be used) and every problem, located.
    public static func read(path: String) -> (settings: CaseSettings?, diagnostics: [Diagnostic]) {
        let loaded = YAMLLoader.load(path: path, limits: .default)
        var sink = DiagnosticSink()
        for error in loaded.errors { sink.append(Diagnostic(error, in: loaded.source)) }
        if sink.hasErrors { return (nil, sink.diagnostics) }
        guard loaded.documents.count <= 1 else {
            sink.error("settings.wrong-type", "\(fileName) holds one document, not \(loaded.documents.count)",
                       at: loaded.documents[1].root, in: loaded.source)
            return (nil, sink.diagnostics)
        }
        var settings = CaseSettings(path: path, rules: nil)
        guard let root = loaded.documents.first?.root, !root.isNull else { return (settings, sink.diagnostics) }
        guard let pairs = root.mapping else {
            sink.error("settings.wrong-type", "\(fileName) must be a mapping (rules: SET), not \(root.kindDescription)", at: root, in: loaded.source)
            return (nil, sink.diagnostics)
        }
        for pair in pairs {
            guard let key = pair.key.scalar, keys.contains(key) else {
                let name = pair.key.scalar ?? pair.key.kindDescription
                let suggestion = Suggestions.closest(to: name, in: keys)
                sink.warning("settings.unknown-key", "unknown key '\(name)' in \(fileName), ignored" + Suggestions.didYouMean(suggestion)
                             + (suggestion == nil ? " (known: \(keys.joined(separator: ", ")))" : ""), at: pair.key, in: loaded.source)
                continue
            }
            guard let value = pair.value.scalar, !pair.value.isNull, !value.isEmpty else {
                sink.error("settings.wrong-type", "'rules' must name a criteria set (an embedded set's name or a path), not \(pair.value.isNull ? "nothing" : pair.value.kindDescription)",
                           at: pair.value, in: loaded.source)
                return (nil, sink.diagnostics)
            }
            settings.rules = reference(value, besides: path)
        }
        return (settings, sink.diagnostics)
    }

    /// An embedded set's name stays a name; a path is taken from the settings file's directory.
    static func reference(_ value: String, besides settingsPath: String) -> String {
        if EmbeddedCriteriaSets.isEmbedded(value) { return value }
        if value.hasPrefix("/") { return value }
        let joined = CriteriaSetLoader.directory(of: settingsPath) + value
        return EmbeddedCriteriaSets.isName(joined) ? "./" + joined : joined
    }
}
