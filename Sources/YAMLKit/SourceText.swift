import Synchronization

/// The bytes of one input (a file, a string or standard input) and the name it is reported under.
///
/// Immutable and shared: documents and diagnostics refer to it to print source lines.
public final class SourceText: Sendable {
    /// The path (or a name such as `<stdin>`) shown in diagnostics.
    public let path: String
    /// The raw bytes as read. Not guaranteed to be valid UTF-8.
    public let bytes: SourceBytes
    /// Where each line starts, built on first use: only diagnostics need it, and most loads
    /// produce none.
    private let lineTable = Mutex<LineTable?>(nil)

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = SourceBytes(bytes)
    }

    public init(path: String, bytes: SourceBytes) {
        self.path = path
        self.bytes = bytes
    }

    /// True when the input is a file that another program changed (truncated, or wrote to) while it
    /// was read: what was found in it is not to be trusted. Asked once the input has been read.
    public var changedWhileRead: Bool { bytes.fileChanged }

    /// The line table, built on first use (the split of a large input walks it for `---` lines).
    var lineStarts: LineTable {
        lineTable.withLock { table in
            if let table { return table }
            let built = LineTable(of: bytes)
            table = built
            return built
        }
    }

    public convenience init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }

    /// Builds the line table now, on this thread, if it was not: an input that several workers
    /// will read in runs is indexed while the command loads its set, before any of them needs it.
    public func indexLines() { _ = lineStarts }

    /// The number of lines (a final line without a newline counts).
    public var lineCount: Int { lineStarts.count }

    /// The text of a 1-based line without its line break, decoded leniently (invalid bytes become U+FFFD).
    public func line(_ number: Int) -> String? {
        let lineStarts = self.lineStarts
        guard number >= 1, number <= lineStarts.count else { return nil }
        let start = lineStarts[number - 1]
        var end = number < lineStarts.count ? lineStarts[number] - 1 : bytes.count
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        guard end >= start else { return "" }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// At most `width` characters of a position's line around its column, for a caret display:
    /// the text (with `…` where the line goes on) and the column its first character stands for.
    /// The work is bounded by `width`, however long the line (a 10 MB CSV cell, a 50 MB scalar).
    public func excerpt(at position: SourcePosition, width: Int = 120) -> (text: String, column: Int)? {
        let lineStarts = self.lineStarts
        guard position.line >= 1, position.line <= lineStarts.count else { return nil }
        let start = lineStarts[position.line - 1]
        var end = position.line < lineStarts.count ? lineStarts[position.line] - 1 : bytes.count
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        guard end > start else { return ("", 1) }
        func isLead(_ index: Int) -> Bool { bytes[index] & 0xC0 != 0x80 }
        // The caret's byte: the position's offset when it lies on this line, else found by column.
        var caret = position.offset
        if !(start...end).contains(caret) {
            caret = start
            var column = 1
            while caret < end, column < position.column {
                caret += 1
                while caret < end, !isLead(caret) { caret += 1 }
                column += 1
            }
        }
        while caret > start, caret < end, !isLead(caret) { caret -= 1 }
        var from = caret
        var before = 0
        while from > start, before < width / 2 {
            from -= 1
            while from > start, !isLead(from) { from -= 1 }
            before += 1
        }
        var to = caret
        var count = before
        while to < end, count < width {
            to += 1
            while to < end, !isLead(to) { to += 1 }
            count += 1
        }
        // A line that ends soon after the column shows more of what comes before it.
        while from > start, count < width {
            from -= 1
            while from > start, !isLead(from) { from -= 1 }
            before += 1
            count += 1
        }
        var line = String(decoding: bytes[from..<to], as: UTF8.self)
        // A control character (an escape sequence in a CSV cell, a NUL in a YAML line) is shown as
        // U+FFFD, one for one so the caret stays under its column: a source line shown under a
        // diagnostic must not drive the terminal. Tabs stay.
        let hidden = { (scalar: Unicode.Scalar) in scalar != "\t" && isTerminalControl(scalar) }
        if line.unicodeScalars.contains(where: hidden) {
            line = String(String.UnicodeScalarView(line.unicodeScalars.map { hidden($0) ? "\u{FFFD}" : $0 }))
        }
        let text = (from > start ? "…" : "") + line + (to < end ? "…" : "")
        // With a leading `…`, the excerpt's first character stands one column before the window.
        let column = max(1, position.column - before - (from > start ? 1 : 0))
        return (text, column)
    }

    /// The position of a byte offset: its line, and its column in characters (UTF-8 lead bytes).
    public func position(ofByte offset: Int) -> SourcePosition {
        let lineStarts = self.lineStarts
        let clamped = max(0, min(offset, bytes.count, Int(UInt32.max)))
        let line = lineStarts.line(containing: clamped)
        var column = 1
        var index = lineStarts[line]
        while index < clamped {
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        return SourcePosition(line: line + 1, column: column, offset: clamped)
    }
}
