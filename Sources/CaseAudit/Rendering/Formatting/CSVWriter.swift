/// Writes CSV rows (RFC 4180): a cell is quoted when it holds a comma, a quote or a line break.
/// A cell starting with `=`, `+`, `-` or `@` gets a leading apostrophe so a spreadsheet never runs it.
enum CSVWriter {
    static func row(_ cells: [String]) -> String {
        cells.map(cell).joined(separator: ",") + "\r\n"
    }

    static func cell(_ text: String) -> String {
        var text = text
        if let first = text.first, "=+-@".contains(first), Double(text) == nil { text = "'" + text }
        guard text.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingAll("\"", with: "\"\"") + "\""
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
