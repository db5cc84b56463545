/// A table of text aligned in columns, for the terminal. Numbers are right-aligned.
struct TextTable {
    enum Alignment { case left, right }

    var headers: [String]
    var alignments: [Alignment]
    var rows: [[String]] = []
    /// Text wider than this (in characters) is cut with an ellipsis, for the columns listed.
    var maxWidths: [Int: Int] = [:]

    init(_ headers: [String], alignments: [Alignment]) {
        self.headers = headers
        self.alignments = alignments
    }

    mutating func add(_ row: [String]) { rows.append(row) }

    func render(indent: String = "") -> String {
        let cut = ([headers] + rows).map { row in
            row.enumerated().map { column, text in
                guard let limit = maxWidths[column], text.count > limit else { return text }
                return String(text.prefix(limit - 1)) + "…"
            }
        }
        var widths = [Int](repeating: 0, count: headers.count)
        for row in cut { for (column, text) in row.enumerated() where column < widths.count { widths[column] = max(widths[column], text.count) } }
        var out = ""
        for (number, row) in cut.enumerated() {
            var line = indent
            for (column, text) in row.enumerated() where column < widths.count {
                let pad = String(repeating: " ", count: widths[column] - text.count)
                let cell = alignments[column] == .right ? pad + text : text + (column == row.count - 1 ? "" : pad)
                line += (column == 0 ? "" : "  ") + cell
            }
            out += line.trimmingTrailingSpaces() + "\n"
            if number == 0 {
                out += indent + widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ") + "\n"
            }
        }
        return out
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
