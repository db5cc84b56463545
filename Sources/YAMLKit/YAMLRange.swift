/// A part of an input read on its own: whole documents from `start` to `end`, so positions,
/// document numbers and limits come out as in a read of the whole input.
///
/// A range starts at the start of the input or at a `---` line, and ends where another starts or at
/// the end of the input (see ``YAMLChunks``).
public struct YAMLRange: Sendable, Hashable {
    /// Byte offset of the first byte.
    public var start: Int
    /// Byte offset just past the last byte.
    public var end: Int
    /// 1-based line number of `start`.
    public var line: Int
    /// Documents before `start` in the input.
    public var documents: Int

    public init(start: Int, end: Int, line: Int, documents: Int) {
        self.start = start
        self.end = end
        self.line = line
        self.documents = documents
    }

    /// The whole of an input.
    public static func whole(_ source: SourceText) -> YAMLRange {
        YAMLRange(start: 0, end: source.bytes.count, line: 1, documents: 0)
    }

    /// From this range's start to the end of the input.
    public func toEnd(of source: SourceText) -> YAMLRange {
        YAMLRange(start: start, end: source.bytes.count, line: line, documents: documents)
    }
}
