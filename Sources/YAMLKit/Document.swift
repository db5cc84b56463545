/// One document of a YAML stream.
public struct Document: Sendable {
    /// The root node. An empty document has an empty plain scalar as root.
    public var root: Node
    /// The input the document came from.
    public var source: SourceText
    /// 0-based index of the document in its stream.
    public var index: Int

    public init(root: Node, source: SourceText, index: Int) {
        self.root = root
        self.source = source
        self.index = index
    }
}

/// The result of loading one input: the documents read, and every problem found.
///
/// A fatal error (syntax, encoding, a limit) ends the stream; documents completed before it are kept.
/// A duplicate key does not end the stream: the first occurrence is kept and the error recorded.
public struct LoadedStream: Sendable {
    public var source: SourceText
    public var documents: [Document]
    public var errors: [YAMLError]

    public init(source: SourceText, documents: [Document], errors: [YAMLError]) {
        self.source = source
        self.documents = documents
        self.errors = errors
    }
}
