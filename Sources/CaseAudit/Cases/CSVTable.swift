import YAMLKit

/// One cell of a CSV file: its text (quotes removed) and where it starts.
struct CSVCell: Sendable {
    var text: String
    var position: SourcePosition
}

/// An RFC 4180 reader that keeps the line and column of every cell. Comment lines (`#` first) before
/// the header and blank lines are skipped. Rows are handed over one at a time.
struct CSVTable {
    let source: SourceText

    /// Most cells read from one row; the rest are reported and skipped, so a hostile header cannot
    /// make work or memory grow with the square of its width.
    static let maxColumns = 4096
    /// Longest cell in bytes (as long as the longest YAML scalar); a longer one is reported and read as empty.
    static let maxCellBytes = 1 << 20

    /// Calls `row` for every row, header first, and `report` with each syntax problem as it is found,
    /// before its row (the rest of the file is still read after each).
    /// A file that looks like UTF-16 or UTF-32 is refused whole, with one error: false.
    @discardableResult
    func forEachRow(report: (Diagnostic) -> Void, _ row: ([CSVCell]) -> Void) -> Bool {
        guard !source.bytes.looksLikeUTF16OrUTF32 else {
            report(Diagnostic(.error, code: "csv.syntax", "the file looks like UTF-16 or UTF-32; save it as UTF-8",
                              at: SourceLocation(path: source.path, position: .start)))
            return false
        }
        source.bytes.withUnsafeBufferPointer { bytes in
            var scanner = Scanner(bytes: bytes)
            // A UTF-8 byte-order mark (spreadsheets write one) is not part of the first cell.
            if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
                scanner.index = 3
                scanner.lineStart = 3
                scanner.cursor = (3, 1)
            }
            var sawRow = false
            while !scanner.atEnd {
                if scanner.atBlankLine || (!sawRow && scanner.peek == UInt8(ascii: "#")) {
                    scanner.skipLine()
                    continue
                }
                let cells = scanner.row { code, message, position in
                    report(Diagnostic(.error, code: code, message, at: SourceLocation(source, position)))
                }
                sawRow = true
                row(cells)
            }
        }
        return true
    }

    private struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0
        var line = 1
        var lineStart = 0
        /// The last computed column and its byte, so columns are counted once per line, not per cell.
        var cursor = (index: 0, column: 1)

        var atEnd: Bool { index >= bytes.count }
        var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

        var atBlankLine: Bool {
            var probe = index
            while probe < bytes.count, bytes[probe] == UInt8(ascii: " ") || bytes[probe] == UInt8(ascii: "\t") { probe += 1 }
            return probe >= bytes.count || bytes[probe] == UInt8(ascii: "\n") || bytes[probe] == UInt8(ascii: "\r")
        }

        /// The position of the current byte: column counted in characters (UTF-8 lead bytes).
        var position: SourcePosition {
            mutating get {
                if cursor.index < lineStart || cursor.index > index { cursor = (lineStart, 1) }
                while cursor.index < index {
                    if bytes[cursor.index] & 0xC0 != 0x80 { cursor.column += 1 }
                    cursor.index += 1
                }
                return SourcePosition(line: line, column: cursor.column, offset: index)
            }
        }

        mutating func skipLine() {
            while let byte = peek, byte != UInt8(ascii: "\n"), byte != UInt8(ascii: "\r") { index += 1 }
            newline()
        }

        /// Consumes a line break (`\n`, `\r\n` or `\r`) at the current byte, if any.
        @discardableResult
        mutating func newline() -> Bool {
            guard let byte = peek else { return false }
            if byte == UInt8(ascii: "\r") {
                index += 1
                if peek == UInt8(ascii: "\n") { index += 1 }
            } else if byte == UInt8(ascii: "\n") {
                index += 1
            } else {
                return false
            }
            line += 1
            lineStart = index
            return true
        }

        mutating func row(problem: (String, String, SourcePosition) -> Void) -> [CSVCell] {
            var cells: [CSVCell] = []
            var skipping = false
            while true {
                if cells.count == CSVTable.maxColumns, !skipping {
                    skipping = true
                    problem("csv.too-many-cells", "this row has more than \(CSVTable.maxColumns) cells; the cells from here on are ignored", position)
                }
                let cell = cell(problem: problem)
                if cells.count < CSVTable.maxColumns { cells.append(cell) }
                guard let byte = peek else { return cells }
                if byte == UInt8(ascii: ",") {
                    index += 1
                    continue
                }
                newline()
                return cells
            }
        }

        private mutating func cell(problem: (String, String, SourcePosition) -> Void) -> CSVCell {
            let start = position
            var text = CellText()
            if peek == UInt8(ascii: "\"") {
                index += 1
                var closed = false
                while let byte = peek {
                    if byte == UInt8(ascii: "\"") {
                        index += 1
                        if peek == UInt8(ascii: "\"") {
                            text.append(byte)
                            index += 1
                            continue
                        }
                        closed = true
                        break
                    }
                    if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                        text.append(contentsOf: byte == UInt8(ascii: "\r") && index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\n") ? [13, 10] : [byte])
                        newline()
                        continue
                    }
                    text.append(byte)
                    index += 1
                }
                if !closed {
                    problem("csv.syntax", "this quoted cell is never closed: add a \" at its end", start)
                } else if let byte = peek, byte != UInt8(ascii: ","), byte != UInt8(ascii: "\n"), byte != UInt8(ascii: "\r") {
                    problem("csv.syntax", "text after a closing quote; quote the whole cell and double any quote inside it (\"\")", position)
                    while let byte = peek, byte != UInt8(ascii: ","), byte != UInt8(ascii: "\n"), byte != UInt8(ascii: "\r") {
                        text.append(byte)
                        index += 1
                    }
                }
            } else {
                var quoted = false
                while let byte = peek, byte != UInt8(ascii: ","), byte != UInt8(ascii: "\n"), byte != UInt8(ascii: "\r") {
                    if byte == UInt8(ascii: "\""), !quoted {
                        quoted = true  // once per cell
                        problem("csv.syntax", "a quote inside an unquoted cell; quote the whole cell and double the quote (\"\")", position)
                    }
                    text.append(byte)
                    index += 1
                }
            }
            if text.overflowed {
                problem("csv.cell-too-long", "this cell is longer than \(CSVTable.maxCellBytes) bytes; it is read as empty", start)
                return CSVCell(text: "", position: start)
            }
            guard let string = String(validating: text.bytes, as: UTF8.self) else {
                problem("csv.syntax", "this cell is not valid UTF-8; save the file as UTF-8", start)
                return CSVCell(text: String(decoding: text.bytes, as: UTF8.self), position: start)
            }
            return CSVCell(text: string, position: start)
        }
    }

    /// A cell's bytes, kept up to ``maxCellBytes``; past that only the fact that it overflowed.
    private struct CellText {
        var bytes: [UInt8] = []
        var overflowed = false

        mutating func append(_ byte: UInt8) {
            if bytes.count < CSVTable.maxCellBytes { bytes.append(byte) } else { overflowed = true }
        }

        mutating func append(contentsOf more: [UInt8]) {
            for byte in more { append(byte) }
        }
    }
}
