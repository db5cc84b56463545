/// A JSON document with one array written item by item, laid out exactly as ``JSON/text(indent:)``
/// lays out the whole document: the text before the array is written first, each item as it comes,
/// and the text after it at the end (it may depend on what the items were, such as a summary).
struct JSONArrayStream {
    /// Stands for the streamed array in a skeleton document.
    static let placeholder = JSON.string("\u{0}items\u{0}")

    private let sink: OutputSink
    private let itemIndent: String
    private let closingIndent: String
    private var count = 0

    /// Writes `skeleton` up to the array (where ``placeholder`` stands).
    init(_ skeleton: JSON, to sink: OutputSink) {
        let (before, _) = Self.split(skeleton)
        let lineStart = before.lastIndex(of: "\n").map { before.index(after: $0) } ?? before.startIndex
        closingIndent = String(before[lineStart...].prefix { $0 == " " })
        itemIndent = closingIndent + "  "
        self.sink = sink
        sink.write(before + "[")
    }

    mutating func append(_ item: JSON) {
        sink.write((count == 0 ? "\n" : ",\n") + itemIndent + item.text(indent: itemIndent))
        count += 1
    }

    /// Closes the array and writes the rest of `skeleton`, the same document up to the array.
    func finish(_ skeleton: JSON) {
        sink.write((count == 0 ? "]" : "\n" + closingIndent + "]") + Self.split(skeleton).after)
    }

    private static func split(_ skeleton: JSON) -> (before: String, after: String) {
        let text = skeleton.text() + "\n"
        let marker = placeholder.text()
        guard let range = text.firstRange(of: marker) else { return (text, "") }
        return (String(text[..<range.lowerBound]), String(text[range.upperBound...]))
    }
}
