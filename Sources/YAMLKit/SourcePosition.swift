/// A point in a source text.
///
/// `line` and `column` are 1-based; `column` counts Unicode scalars (characters as libyaml
/// counts them), not bytes. `offset` is the 0-based byte offset into the UTF-8 text.
public struct SourcePosition: Hashable, Comparable, Sendable, CustomStringConvertible {
    // Stored compactly (12 bytes): a tree holds millions of positions. Inputs are limited to 4 GiB.
    private var storedLine: Int32
    private var storedColumn: Int32
    private var storedOffset: UInt32

    /// 0-based byte offset into the input.
    public var offset: Int {
        get { Int(storedOffset) }
        set { storedOffset = UInt32(clamping: newValue) }
    }

    /// 1-based line.
    public var line: Int {
        get { Int(storedLine) }
        set { storedLine = Int32(clamping: newValue) }
    }

    /// 1-based column, in characters.
    public var column: Int {
        get { Int(storedColumn) }
        set { storedColumn = Int32(clamping: newValue) }
    }

    @inline(__always)
    public init(line: Int, column: Int, offset: Int) {
        self.storedLine = Int32(clamping: line)
        self.storedColumn = Int32(clamping: column)
        self.storedOffset = UInt32(clamping: offset)
    }

    /// The start of a text.
    public static let start = SourcePosition(line: 1, column: 1, offset: 0)

    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        lhs.offset < rhs.offset
    }

    public var description: String { "\(line):\(column)" }
}

/// A range of a source text: from `start` (inclusive) to `end` (exclusive).
public struct SourceSpan: Hashable, Sendable {
    public var start: SourcePosition
    public var end: SourcePosition

    public init(start: SourcePosition, end: SourcePosition) {
        self.start = start
        self.end = end
    }

    /// An empty span at one position.
    public init(at position: SourcePosition) {
        self.start = position
        self.end = position
    }
}
