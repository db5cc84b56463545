import YAMLKit

/// Where a diagnostic points: a path, a position, and the text of that line for the caret display.
public struct SourceLocation: Sendable, Hashable {
    public var path: String
    public var position: SourcePosition
    /// The source line the position is on, without its line break, when known.
    public var lineText: String?

    public init(path: String, position: SourcePosition, lineText: String? = nil) {
        self.path = path
        self.position = position
        self.lineText = lineText
    }

    /// A location in a loaded source, capturing its line text.
    public init(_ source: SourceText, _ position: SourcePosition) {
        self.init(path: source.path, position: position, lineText: source.line(position.line))
    }

    public var line: Int { position.line }
    public var column: Int { position.column }
}
