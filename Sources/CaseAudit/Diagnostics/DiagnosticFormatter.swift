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
        // Appended to one string: lint may print millions of these.
        var out = ""
        out.reserveCapacity(320)
        header(location: diagnostic.location, label: diagnostic.severity.rawValue, color: color(for: diagnostic.severity),
               message: diagnostic.message, code: diagnostic.code, into: &out)
        if showSource, let location = diagnostic.location {
            excerpt(location, replacement: diagnostic.fixIt?.replacement, into: &out)
        }
        for note in diagnostic.notes {
            header(location: note.location, label: "note", color: "\u{1B}[1;36m", message: note.message, code: nil, into: &out)
            if showSource, let location = note.location { excerpt(location, replacement: nil, into: &out) }
        }
        return out
    }

    /// Every diagnostic, in output order.
    public func format(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map(format).joined()
    }

    /// `path:line:col: label: message [code]` and a line break.
    private func header(location: SourceLocation?, label: String, color: String, message: String, code: String?, into out: inout String) {
        if useColor { out += "\u{1B}[1m" }
        if let location {
            out += location.path
            out += ":"
            out += String(location.line)
            out += ":"
            out += String(location.column)
            out += ": "
        }
        if useColor { out += "\u{1B}[0m" + color }
        out += label
        out += useColor ? ":\u{1B}[0m \u{1B}[1m" : ": "
        out += message
        if let code {
            out += " ["
            out += code
            out += "]"
        }
        out += useColor ? "\u{1B}[0m\n" : "\n"
    }

    private func excerpt(_ location: SourceLocation, replacement: String?, into out: inout String) {
        guard let line = location.lineText else { return }
        // Keep tabs so the caret lines up under the same characters the terminal shows.
        var prefix = ""
        for scalar in line.unicodeScalars.prefix(max(0, location.column - location.lineTextColumn)) {
            prefix += scalar == "\t" ? "\t" : " "
        }
        out += "    "
        out += line
        out += "\n    "
        out += prefix
        out += useColor ? "\u{1B}[1;32m^\u{1B}[0m\n" : "^\n"
        if let replacement {
            out += "    "
            out += prefix
            out += replacement
            out += "\n"
        }
    }

    private func color(for severity: Severity) -> String {
        switch severity {
        case .error: return "\u{1B}[1;31m"
        case .warning: return "\u{1B}[1;35m"
        case .note: return "\u{1B}[1;36m"
        }
    }
}
