/// Writes CSV rows (RFC 4180): a cell is quoted when it holds a comma, a quote or a line break.
/// A cell starting with `=`, `+`, `-` or `@` (after any apostrophes) gets a leading apostrophe so a
/// spreadsheet never runs it; ``unguarded(_:)`` takes it off again.
enum CSVWriter {
    static func row(_ cells: [String]) -> String {
        cells.map(cell).joined(separator: ",") + "\r\n"
    }

    static func cell(_ text: String) -> String {
        var text = text
        if isGuarded(text), Double(text) == nil { text = "'" + text }
        guard text.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingAll("\"", with: "\"\"") + "\""
    }

    /// A cell's text as written before ``cell(_:)`` guarded it.
    static func unguarded(_ text: String) -> String {
        text.utf8.first == UInt8(ascii: "'") && isGuarded(text) ? String(text.unicodeScalars.dropFirst()) : text
    }

    /// By Unicode scalars, not characters: comparing characters puts them in NFC, which takes time
    /// in the square of a run of combining marks (a cell of one letter and 400,000 accents).
    private static func isGuarded(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first(where: { $0 != "'" }) else { return false }
        return "=+-@".unicodeScalars.contains(first)
    }
}

extension String {
    /// Replaces every occurrence of one scalar (by scalar, so `"\r\n"` counts as two).
    func replacingAll(_ target: Unicode.Scalar, with replacement: String) -> String {
        var out = ""
        for scalar in unicodeScalars { if scalar == target { out += replacement } else { out.unicodeScalars.append(scalar) } }
        return out
    }

    /// The text on one line: line breaks (`\n`, `\r`, `\r\n`) become spaces.
    func oneLine() -> String {
        var out = ""
        var previous: Unicode.Scalar?
        for scalar in unicodeScalars {
            if scalar == "\n" || scalar == "\r" {
                if !(scalar == "\n" && previous == "\r") { out += " " }
            } else {
                out.unicodeScalars.append(scalar)
            }
            previous = scalar
        }
        return out
    }
}
