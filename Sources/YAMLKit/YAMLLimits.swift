/// Bounds that keep hostile or mistaken input from using unbounded time or memory.
/// Each exceeded bound is a located error, never a crash.
public struct YAMLLimits: Sendable, Hashable {
    /// Largest input in bytes (at most 4 GiB, the range of a stored byte offset).
    public var maxInputBytes: Int
    /// Deepest nesting of sequences and mappings.
    public var maxDepth: Int
    /// Most nodes that alias expansion may add to one stream (each alias counts its anchor's node count).
    public var maxAliasExpansion: Int
    /// Longest scalar in bytes.
    public var maxScalarBytes: Int
    /// Longest anchor, alias or tag in bytes: names, never data.
    public var maxNameBytes: Int
    /// Most documents in one input.
    public var maxDocuments: Int
    /// Most nodes (scalars, sequences, mappings) in one document: what one document can cost in
    /// memory (its tree, its diagnostics), whatever the input's size.
    public var maxDocumentNodes: Int

    public init(
        maxInputBytes: Int = 64 << 20,
        maxDepth: Int = 64,
        maxAliasExpansion: Int = 100_000,
        maxScalarBytes: Int = 1 << 20,
        maxNameBytes: Int = 1024,
        maxDocuments: Int = 100_000,
        maxDocumentNodes: Int = 100_000
    ) {
        self.maxInputBytes = min(maxInputBytes, Int(UInt32.max))
        self.maxDepth = maxDepth
        self.maxAliasExpansion = maxAliasExpansion
        self.maxScalarBytes = maxScalarBytes
        self.maxNameBytes = maxNameBytes
        self.maxDocuments = maxDocuments
        self.maxDocumentNodes = maxDocumentNodes
    }

    /// Safe defaults for criteria sets and case files.
    public static let `default` = YAMLLimits()
}
