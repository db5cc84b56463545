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
        if useColor { out.append(literal: "\u{1B}[1m") }
        if let location {
            out.append(text: location.path)
            out.append(UInt8(ascii: ":"))
            out.append(decimal: location.line)
            out.append(UInt8(ascii: ":"))
            out.append(decimal: location.column)
            out.append(literal: ": ")
        }
        if useColor {
            out.append(literal: "\u{1B}[0m")
            out.append(text: color)
        }
        out.append(text: label)
        out.append(literal: useColor ? ":\u{1B}[0m \u{1B}[1m" : ": ")
        out.append(text: message)
        if let code {
            out.append(literal: " [")
            out.append(text: code)
            out.append(UInt8(ascii: "]"))
        }
        out.append(literal: useColor ? "\u{1B}[0m\n" : "\n")
    }

    private func excerpt(_ location: SourceLocation, replacement: String?, into out: inout [UInt8]) {
        guard let line = location.lineText else { return }
        let indent = max(0, location.column - location.lineTextColumn)
        out.append(literal: "    ")
        out.append(text: line)
        out.append(literal: "\n    ")
        Self.indent(under: line, characters: indent, into: &out)
        out.append(literal: useColor ? "\u{1B}[1;32m^\u{1B}[0m\n" : "^\n")
        if let replacement {
            out.append(literal: "    ")
            Self.indent(under: line, characters: indent, into: &out)
            out.append(text: replacement)
            out.append(UInt8(ascii: "\n"))
        }
    }

    /// A space for each of the first `count` characters (Unicode scalars) of `line`, a tab for a
    /// tab, so the caret lines up under the same characters the terminal shows. Read from the
    /// UTF-8 bytes: each byte that is not a continuation byte starts a scalar.
    private static func indent(under line: String, characters count: Int, into out: inout [UInt8]) {
        var left = count
        for byte in line.utf8 where byte & 0xC0 != 0x80 {
            guard left > 0 else { break }
            out.append(byte == UInt8(ascii: "\t") ? UInt8(ascii: "\t") : UInt8(ascii: " "))
            left -= 1
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
