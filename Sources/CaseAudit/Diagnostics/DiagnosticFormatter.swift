/// Renders diagnostics the way compilers do:
///
/// ```
/// cases/017.yaml:12:9: error: 'meduim' is not a RoSH level; did you mean 'medium'? [case.enum-value]
///    rosh: meduim
///          ^~~~~~
///          medium
/// ```
public struct DiagnosticFormatter: Sendable {
    /// Use ANSI colours (only when writing to a terminal).
    public var useColor: Bool
    /// Show the source line and caret under each located diagnostic.
    public var showSource: Bool

    public init(useColor: Bool = false, showSource: Bool = true) {
        self.useColor = useColor
        self.showSource = showSource
    }

    /// One diagnostic with its notes, ending in a newline.
    public func format(_ diagnostic: Diagnostic) -> String {
        var out = header(
            location: diagnostic.location, label: diagnostic.severity.rawValue,
            color: color(for: diagnostic.severity), message: diagnostic.message + " [\(diagnostic.code)]")
        if showSource, let location = diagnostic.location {
            out += excerpt(location, replacement: diagnostic.fixIt?.replacement)
        }
        for note in diagnostic.notes {
            out += header(location: note.location, label: "note", color: "\u{1B}[1;36m", message: note.message)
            if showSource, let location = note.location { out += excerpt(location, replacement: nil) }
        }
        return out
    }

    /// Every diagnostic, in output order.
    public func format(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map(format).joined()
    }

    private func header(location: SourceLocation?, label: String, color: String, message: String) -> String {
        let place = location.map { "\($0.path):\($0.line):\($0.column): " } ?? ""
        if useColor {
            return "\u{1B}[1m\(place)\u{1B}[0m\(color)\(label):\u{1B}[0m \u{1B}[1m\(message)\u{1B}[0m\n"
        }
        return "\(place)\(label): \(message)\n"
    }

    private func excerpt(_ location: SourceLocation, replacement: String?) -> String {
        guard let line = location.lineText else { return "" }
        // Keep tabs so the caret lines up under the same characters the terminal shows.
        let prefix = line.unicodeScalars.prefix(max(0, location.column - location.lineTextColumn))
            .map { $0 == "\t" ? "\t" : " " }.joined()
        let marker = useColor ? "\u{1B}[1;32m^\u{1B}[0m" : "^"
        var out = "    \(line)\n    \(prefix)\(marker)\n"
        if let replacement { out += "    \(prefix)\(replacement)\n" }
        return out
    }

    private func color(for severity: Severity) -> String {
        switch severity {
        case .error: return "\u{1B}[1;31m"
        case .warning: return "\u{1B}[1;35m"
        case .note: return "\u{1B}[1;36m"
        }
    }
}
