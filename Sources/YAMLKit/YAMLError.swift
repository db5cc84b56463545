/// A problem found while reading YAML: what, where, and what libyaml was doing.
public struct YAMLError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The closed set of YAML problems. Each has a stable code.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case syntax = "yaml.syntax"
        case encoding = "yaml.encoding"
        case duplicateKey = "yaml.duplicate-key"
        case nonScalarKey = "yaml.non-scalar-key"
        case undefinedAlias = "yaml.undefined-alias"
        case unreadable = "yaml.unreadable"
        case inputTooLarge = "yaml.limit.input-size"
        case tooDeep = "yaml.limit.depth"
        case aliasExpansion = "yaml.limit.alias-expansion"
        case scalarTooLong = "yaml.limit.scalar-length"
        case tooManyDocuments = "yaml.limit.documents"
        case tooManyNodes = "yaml.limit.nodes"
        case nameTooLong = "yaml.limit.name-length"

        /// The stable code used in diagnostics.
        public var code: String { rawValue }
    }

    /// A secondary location that helps, such as the first occurrence of a duplicate key.
    public struct Note: Sendable, Hashable {
        public var message: String
        public var position: SourcePosition

        public init(message: String, position: SourcePosition) {
            self.message = message
            self.position = position
        }
    }

    public var kind: Kind
    public var message: String
    public var position: SourcePosition
    /// libyaml's context ("while parsing a block mapping") and where that context started.
    public var context: String?
    public var contextPosition: SourcePosition?
    public var notes: [Note]

    public init(
        _ kind: Kind, _ message: String, at position: SourcePosition,
        context: String? = nil, contextPosition: SourcePosition? = nil, notes: [Note] = []
    ) {
        self.kind = kind
        self.message = message
        self.position = position
        self.context = context
        self.contextPosition = contextPosition
        self.notes = notes
    }

    public var description: String { "\(position): \(message) [\(kind.code)]" }

    /// For an input that another program changed while it was read (``SourceText/changedWhileRead``).
    public static func changedWhileRead(_ source: SourceText) -> YAMLError {
        YAMLError(
            .unreadable,
            "cannot read '\(source.path)' as one whole: another program changed it (truncated it or wrote to it) while it was read, so what was found in it may be wrong; run again once it is written",
            at: .start)
    }

    /// True for a problem that ends the input (syntax, encoding, a limit); a duplicate or non-scalar
    /// key or an undefined alias does not.
    public var isFatal: Bool {
        switch kind {
        case .duplicateKey, .nonScalarKey, .undefinedAlias: return false
        default: return true
        }
    }
}
