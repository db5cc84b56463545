import YAMLKit

/// Where a diagnostic points: a path, a position, and the text of that line for the caret display.
public struct SourceLocation: Sendable, Hashable {
    public var path: String
    public var position: SourcePosition
    /// The source line the position is on, without its line break, when known: at most about
    /// 120 characters around the column, with `…` where the line goes on.
    public var lineText: String?
    /// The column the first character of ``lineText`` stands for (1 when it starts the line).
    public var lineTextColumn: Int

    public init(path: String, position: SourcePosition, lineText: String? = nil, lineTextColumn: Int = 1) {
        self.path = path
        self.position = position
        self.lineText = lineText
        self.lineTextColumn = lineTextColumn
    }

    /// A location in a loaded source, capturing the text around it on its line.
    public init(_ source: SourceText, _ position: SourcePosition) {
        let excerpt = source.excerpt(at: position)
        self.init(path: source.path, position: position, lineText: excerpt?.text, lineTextColumn: excerpt?.column ?? 1)
    }

    public var line: Int { position.line }
    public var column: Int { position.column }
}
