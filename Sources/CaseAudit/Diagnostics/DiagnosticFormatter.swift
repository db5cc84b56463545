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
        var out: [UInt8] = []
        format(diagnostic, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Every diagnostic, in output order.
    public func format(_ diagnostics: [Diagnostic]) -> String {
        var out: [UInt8] = []
        for diagnostic in diagnostics { format(diagnostic, into: &out) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends one diagnostic with its notes, as UTF-8, to `out`: lint may print millions of
    /// these, and bytes appended to an array cost a fraction of pieces appended to a `String`.
    public func format(_ diagnostic: Diagnostic, into out: inout [UInt8]) {
        header(location: diagnostic.location, label: diagnostic.severity.rawValue, color: color(for: diagnostic.severity),
               message: diagnostic.message, code: diagnostic.code, into: &out)
        if showSource, let location = diagnostic.location {
            excerpt(location, replacement: diagnostic.fixIt?.replacement, into: &out)
        }
        for note in diagnostic.notes {
            header(location: note.location, label: "note", color: "\u{1B}[1;36m", message: note.message, code: nil, into: &out)
            if showSource, let location = note.location { excerpt(location, replacement: nil, into: &out) }
        }
    }

    /// `path:line:col: label: message [code]` and a line break.
    private func header(location: SourceLocation?, label: String, color: String, message: String, code: String?, into out: inout [UInt8]) {
        if useColor { out += "\u{1B}[1m".utf8 }
        if let location {
            out += location.path.utf8
            out.append(UInt8(ascii: ":"))
            out += String(location.line).utf8
            out.append(UInt8(ascii: ":"))
            out += String(location.column).utf8
            out += ": ".utf8
        }
        if useColor { out += "\u{1B}[0m".utf8; out += color.utf8 }
        out += label.utf8
        out += (useColor ? ":\u{1B}[0m \u{1B}[1m" : ": ").utf8
        out += message.utf8
        if let code {
            out += " [".utf8
            out += code.utf8
            out.append(UInt8(ascii: "]"))
        }
        out += (useColor ? "\u{1B}[0m\n" : "\n").utf8
    }

    private func excerpt(_ location: SourceLocation, replacement: String?, into out: inout [UInt8]) {
        guard let line = location.lineText else { return }
        // Keep tabs so the caret lines up under the same characters the terminal shows.
        var prefix: [UInt8] = []
        for scalar in line.unicodeScalars.prefix(max(0, location.column - location.lineTextColumn)) {
            prefix.append(scalar == "\t" ? UInt8(ascii: "\t") : UInt8(ascii: " "))
        }
        out += "    ".utf8
        out += line.utf8
        out += "\n    ".utf8
        out += prefix
        out += (useColor ? "\u{1B}[1;32m^\u{1B}[0m\n" : "^\n").utf8
        if let replacement {
            out += "    ".utf8
            out += prefix
            out += replacement.utf8
            out.append(UInt8(ascii: "\n"))
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
