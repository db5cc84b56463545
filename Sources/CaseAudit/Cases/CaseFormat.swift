/// The two forms of a case file: YAML documents, or a CSV table with one row per case.
public enum CaseFormat: String, Sendable, CaseIterable {
    case csv, yaml

    /// The extension files in this format take.
    public var fileExtension: String { rawValue }

    /// The format of standard input, from its first line that is not blank or a `#` comment: CSV
    /// when that line is a CSV header (comma-separated, one cell `case`), YAML otherwise.
    static func detect<Bytes: BidirectionalCollection<UInt8>>(_ bytes: Bytes) -> CaseFormat {
        var text = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...]
        while !text.isEmpty {
            let end = text.firstIndex(of: UInt8(ascii: "\n")) ?? text.endIndex
            let line = String(decoding: text[text.startIndex..<end], as: UTF8.self).trimmingSpaces()
            text = end == text.endIndex ? text[end...] : text[text.index(after: end)...]
            if line.isEmpty || line.hasPrefix("#") || line == "\r" { continue }
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map { cell in
                cell.trimmingSpaces().trimmingCharacters("\"\r")
            }
            return cells.count > 1 && cells.contains("case") ? .csv : .yaml
        }
        return .yaml
    }
}

private extension String {
    func trimmingCharacters(_ characters: String) -> String {
        var text = Substring(self)
        while let first = text.first, characters.contains(first) { text = text.dropFirst() }
        while let last = text.last, characters.contains(last) { text = text.dropLast() }
        return String(text)
    }
}
