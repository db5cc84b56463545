/// How a scalar was written. Quoted and block scalars are always strings to a schema.
public enum ScalarStyle: String, Sendable, Hashable {
    case plain
    case singleQuoted = "single-quoted"
    case doubleQuoted = "double-quoted"
    case literal
    case folded

    /// True when the author wrote quotes: the value is a string, never a number, date or boolean.
    public var isQuoted: Bool { self == .singleQuoted || self == .doubleQuoted }
}

/// The explicit tag written on a node (`!!str`, `!!int`, a local `!tag`), reduced to what a schema
/// needs: the YAML core tags by name, anything else as `.other`. A node without a tag has `.none`.
public enum NodeTag: Sendable, Hashable {
    case none
    case string
    case integer
    case float
    case boolean
    case null
    case timestamp
    case binary
    case sequence
    case mapping
    /// A tag outside the YAML core schema (`!local`, `tag:example.com,2024:x`).
    case other

    /// Classifies a full tag as libyaml reports it (`tag:yaml.org,2002:str`, `!local`).
    public init(_ text: String?) {
        guard let text else {
            self = .none
            return
        }
        switch text {
        case "tag:yaml.org,2002:str": self = .string
        case "tag:yaml.org,2002:int": self = .integer
        case "tag:yaml.org,2002:float": self = .float
        case "tag:yaml.org,2002:bool": self = .boolean
        case "tag:yaml.org,2002:null": self = .null
        case "tag:yaml.org,2002:timestamp": self = .timestamp
        case "tag:yaml.org,2002:binary": self = .binary
        case "tag:yaml.org,2002:seq": self = .sequence
        case "tag:yaml.org,2002:map": self = .mapping
        default: self = .other
        }
    }
}

/// A key and its value in a mapping.
public struct Pair: Sendable {
    public var key: Node
    public var value: Node

    public init(key: Node, value: Node) {
        self.key = key
        self.value = value
    }
}

/// A YAML node with its position. Aliases are already resolved: an alias is a copy of its anchor's node
/// (sharing storage), carrying the position of the alias.
public struct Node: Sendable {
    /// The node's value.
    public enum Content: Sendable {
        case scalar(String, ScalarStyle)
        case sequence([Node])
        /// Pairs in document order. Keys are scalars and unique (the loader reports duplicates).
        case mapping([Pair])
    }

    public var content: Content
    /// Where the node is written. For block collections `end` may be the start of the next token.
    public var span: SourceSpan
    /// The explicit tag, if the author wrote one (`!!str`, `!custom`). Kept as a small enum: nodes are
    /// many and tags rare, and a trivially-copyable node loads markedly faster.
    public var tag: NodeTag

    public init(_ content: Content, span: SourceSpan, tag: NodeTag = .none) {
        self.content = content
        self.span = span
        self.tag = tag
    }

    /// The start position, the one diagnostics point at.
    public var position: SourcePosition { span.start }

    /// The scalar's text, or nil for a collection.
    public var scalar: String? {
        if case .scalar(let value, _) = content { return value }
        return nil
    }

    /// The scalar's style, or nil for a collection.
    public var style: ScalarStyle? {
        if case .scalar(_, let style) = content { return style }
        return nil
    }

    /// The items of a sequence, or nil.
    public var sequence: [Node]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    /// The pairs of a mapping, or nil.
    public var mapping: [Pair]? {
        if case .mapping(let pairs) = content { return pairs }
        return nil
    }

    /// A plain scalar that YAML would read as null (`~`, `null`, `Null`, `NULL` or empty), with no tag.
    public var isNull: Bool {
        guard tag == .none, case .scalar(let value, .plain) = content else { return false }
        // By length first: nearly every scalar is neither 0, 1 nor 4 bytes of these.
        switch value.utf8.count {
        case 0: return true
        case 1: return value == "~"
        case 4: return value == "null" || value == "Null" || value == "NULL"
        default: return false
        }
    }

    /// The value for a scalar key in a mapping, or nil.
    public subscript(key: String) -> Node? {
        mapping?.first(where: { $0.key.scalar == key })?.value
    }

    /// A word for the node's kind, for messages: "a scalar", "a sequence", "a mapping".
    public var kindDescription: String {
        switch content {
        case .scalar: return "a scalar"
        case .sequence: return "a sequence"
        case .mapping: return "a mapping"
        }
    }
}
