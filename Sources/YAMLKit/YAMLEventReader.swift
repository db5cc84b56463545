internal import CYAML

/// What a ``YAMLEventReader`` stands on.
public enum YAMLEventKind: Sendable {
    case documentStart, documentEnd, scalar, sequenceStart, sequenceEnd, mappingStart, mappingEnd
}

/// Reads an input as libyaml events, one at a time, without building a tree: for readers that turn
/// a known shape of document straight into their own records.
///
/// It enforces the same limits with the same errors as ``YAMLLoader`` (depth, scalar length,
/// documents), and ``node()`` builds the subtree under the current event with the loader's checks
/// (duplicate and non-scalar keys), so a reader can take the general route wherever the shape is
/// not the expected one. Anchors and aliases are not expanded: at the first one the reader stops
/// and sets ``needsTree``; read that input (from ``documentStart``) with the tree loader instead.
public struct YAMLEventReader: ~Copyable {
    private let parser: UnsafeMutablePointer<yaml_parser_t>
    private let event: UnsafeMutablePointer<yaml_event_t>
    private var marks: LibYAMLMarks
    private let limits: YAMLLimits
    private var holdsEvent = false
    private var stopped = false
    private var depth = 0
    /// Nodes started in the current document (``YAMLLimits/maxDocumentNodes``).
    private var nodes = 0
    /// True once the end of the input is reached without a fatal error.
    private var complete = false

    /// What reading found.
    public struct Outcome: Sendable {
        public var errors: [YAMLError]
        /// The reader stopped at an anchor or alias, in the document at ``YAMLEventReader/documentIndex``.
        public var needsTree: Bool
        /// The events reached the end of the input (no fatal error, no stop for the tree).
        public var complete: Bool
        /// Documents started in the range.
        public var documents = 0
    }

    /// The current event.
    public private(set) var kind: YAMLEventKind = .documentStart
    /// Where the current event starts.
    public private(set) var position = SourcePosition.start
    /// The problems found: a fatal one (syntax, encoding, a limit) ends the events; those a
    /// reader reports (duplicate keys) do not.
    public private(set) var errors: [YAMLError] = []
    /// True when the reader stopped at an anchor or an alias.
    public private(set) var needsTree = false
    /// The index of the current document in the input, and the byte offset of its first event.
    public private(set) var documentIndex: Int
    public private(set) var documentOffset = 0

    /// Calls `body` with a reader over `range` of `source` (default: all of it) and returns what it
    /// found. The reader is valid only during the call.
    public static func read(
        _ source: SourceText, range: YAMLRange? = nil, limits: YAMLLimits = .default,
        _ body: (inout YAMLEventReader) -> Void
    ) -> Outcome {
        let range = range ?? .whole(source)
        if range.start == 0, let error = YAMLLoader.precheck(source, limits: limits) {
            return Outcome(errors: [error], needsTree: false, complete: false)
        }
        var result = Outcome(errors: [], needsTree: false, complete: false)
        LibYAMLInput.parse(source, range) { buffer, origin, parser in
            var reader = YAMLEventReader(
                parser: parser, marks: LibYAMLMarks(source: source, bytes: buffer, origin: origin, line: range.line),
                limits: limits, documents: range.documents)
            body(&reader)
            result = Outcome(
                errors: reader.errors, needsTree: reader.needsTree, complete: reader.complete,
                documents: reader.documentIndex + 1 - range.documents)
        } failed: {
            result.errors = [$0]
        }
        return result
    }

    private init(parser: UnsafeMutablePointer<yaml_parser_t>, marks: LibYAMLMarks, limits: YAMLLimits, documents: Int) {
        self.parser = parser
        self.marks = marks
        self.limits = limits
        self.documentIndex = documents - 1
        event = .allocate(capacity: 1)
    }

    deinit {
        if holdsEvent { yaml_event_delete(event) }
        event.deallocate()
    }

    /// Moves to the next event; false at the end of the input, after a fatal error, or at an anchor
    /// or alias (``needsTree``).
    public mutating func next() -> Bool {
        if holdsEvent {
            // Freed without zeroing only when yaml_parser_parse fills (and first zeroes) the event
            // next; once the events have stopped it is zeroed, as an accessor may still read it.
            if stopped { yaml_event_delete(event) } else { caseaudit_yaml_event_release(event) }
            holdsEvent = false
        }
        while !stopped {
            guard yaml_parser_parse(parser, event) != 0 else { return fail() }
            holdsEvent = true
            switch event.pointee.type {
            case YAML_SCALAR_EVENT:
                position = marks.position(event.pointee.start_mark)
                nodes += 1
                // One test for the rare cases (too long, an anchor or a tag, too many nodes), sorted out off the hot path.
                if event.pointee.data.scalar.length > limits.maxScalarBytes || event.pointee.data.scalar.anchor != nil
                    || event.pointee.data.scalar.tag != nil || nodes > limits.maxDocumentNodes {
                    return rareScalar()
                }
                kind = .scalar
                return true
            case YAML_MAPPING_START_EVENT, YAML_SEQUENCE_START_EVENT:
                position = marks.position(event.pointee.start_mark)
                if depth + 1 > limits.maxDepth { return stop(.tooDeep(limits, at: position)) }
                nodes += 1
                if nodes > limits.maxDocumentNodes { return stop(.tooManyNodes(limits, at: position)) }
                let isMapping = event.pointee.type == YAML_MAPPING_START_EVENT
                let tag = isMapping ? event.pointee.data.mapping_start.tag : event.pointee.data.sequence_start.tag
                if YAMLError.isName(tag, longerThan: limits.maxNameBytes) { return stop(.nameTooLong("a tag", limits, at: position)) }
                let anchor = isMapping ? event.pointee.data.mapping_start.anchor : event.pointee.data.sequence_start.anchor
                if anchor != nil { return stopForTree() }
                depth += 1
                kind = isMapping ? .mappingStart : .sequenceStart
                return true
            case YAML_MAPPING_END_EVENT, YAML_SEQUENCE_END_EVENT:
                position = marks.position(event.pointee.start_mark)
                depth -= 1
                kind = event.pointee.type == YAML_MAPPING_END_EVENT ? .mappingEnd : .sequenceEnd
                return true
            case YAML_DOCUMENT_START_EVENT:
                position = marks.position(event.pointee.start_mark)
                if documentIndex + 2 > limits.maxDocuments { return stop(.tooManyDocuments(limits, at: position)) }
                documentIndex += 1
                documentOffset = position.offset
                nodes = 0
                kind = .documentStart
                return true
            case YAML_DOCUMENT_END_EVENT:
                position = marks.position(event.pointee.start_mark)
                kind = .documentEnd
                return true
            case YAML_ALIAS_EVENT:
                return stopForTree()
            case YAML_STREAM_END_EVENT:
                stopped = true
                complete = true
                return false
            default:
                caseaudit_yaml_event_release(event)
                holdsEvent = false
            }
        }
        return false
    }

    /// libyaml failed: its error ends the events.
    @inline(never)
    private mutating func fail() -> Bool { stop(marks.error(parser.pointee)) }

    /// A scalar that is too long, one too many in its document, or with a tag too long ends the
    /// events; one with an anchor hands its document to the tree; one with a tag is read.
    @inline(never)
    private mutating func rareScalar() -> Bool {
        let length = event.pointee.data.scalar.length
        if length > limits.maxScalarBytes { return stop(.scalarTooLong(length, limits, at: position)) }
        if nodes > limits.maxDocumentNodes { return stop(.tooManyNodes(limits, at: position)) }
        if YAMLError.isName(event.pointee.data.scalar.tag, longerThan: limits.maxNameBytes) {
            return stop(.nameTooLong("a tag", limits, at: position))
        }
        if event.pointee.data.scalar.anchor != nil { return stopForTree() }
        kind = .scalar
        return true
    }

    @inline(never)
    private mutating func stop(_ error: YAMLError) -> Bool {
        errors.append(error)
        stopped = true
        return false
    }

    private mutating func stopForTree() -> Bool {
        needsTree = true
        stopped = true
        return false
    }

    /// Records a problem the reader found (it does not stop the events).
    public mutating func report(_ error: YAMLError) { errors.append(error) }

    /// The problems recorded so far, which the outcome will then not repeat (a caller reporting
    /// each document's problems with it takes them at the document's end).
    public mutating func takeErrors() -> [YAMLError] {
        defer { errors.removeAll() }
        return errors
    }

    /// The current scalar's bytes, valid until the next event.
    public var bytes: UnsafeBufferPointer<UInt8> {
        guard kind == .scalar, let value = event.pointee.data.scalar.value else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: value, count: event.pointee.data.scalar.length)
    }

    /// The current scalar's text.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// The current scalar's style.
    public var style: ScalarStyle {
        switch event.pointee.data.scalar.style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: return .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: return .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: return .literal
        case YAML_FOLDED_SCALAR_STYLE: return .folded
        default: return .plain
        }
    }

    /// The current node's explicit tag.
    public var tag: NodeTag {
        let pointer: UnsafeMutablePointer<yaml_char_t>?
        switch kind {
        case .scalar: pointer = event.pointee.data.scalar.tag
        case .mappingStart: pointer = event.pointee.data.mapping_start.tag
        case .sequenceStart: pointer = event.pointee.data.sequence_start.tag
        default: pointer = nil
        }
        return NodeTag(pointer.map { String(cString: $0) })
    }

    /// True for a scalar YAML reads as null (as ``Node/isNull``).
    public var isNull: Bool {
        guard kind == .scalar, event.pointee.data.scalar.tag == nil,
              event.pointee.data.scalar.style == YAML_PLAIN_SCALAR_STYLE else { return false }
        let bytes = self.bytes
        switch bytes.count {
        case 0: return true
        case 1: return bytes[0] == UInt8(ascii: "~")
        case 4:
            // Most four-byte values are words like `true` and `none`: the first byte rules them out.
            guard bytes[0] == UInt8(ascii: "n") || bytes[0] == UInt8(ascii: "N") else { return false }
            return bytes.elementsEqual("null".utf8) || bytes.elementsEqual("Null".utf8) || bytes.elementsEqual("NULL".utf8)
        default: return false
        }
    }

    /// A word for the current node's kind, for messages (as ``Node/kindDescription``).
    public var kindDescription: String {
        switch kind {
        case .sequenceStart: return "a sequence"
        case .mappingStart: return "a mapping"
        default: return "a scalar"
        }
    }

    private mutating func endPosition() -> SourcePosition { marks.position(event.pointee.end_mark) }

    /// Builds the node that starts at the current event, reading up to its end (the reader then
    /// stands on its last event), with the loader's checks for duplicate and non-scalar keys. If the
    /// events stop inside it, the part read so far is returned.
    public mutating func node() -> Node {
        let start = position
        let tag = self.tag
        switch kind {
        case .scalar:
            return Node(.scalar(text, style), span: SourceSpan(start: start, end: endPosition()), tag: tag)
        case .sequenceStart:
            var items: [Node] = []
            while next(), kind != .sequenceEnd { items.append(node()) }
            return Node(.sequence(items), span: SourceSpan(start: start, end: endPosition()), tag: tag)
        case .mappingStart:
            var pairs: [Pair] = []
            var keys = YAMLKeys()
            while next(), kind != .mappingEnd {
                let key = node()
                var keep = true
                if key.scalar == nil {
                    report(.nonScalarKey(key))
                    keep = false
                } else if let first = keys.first(key.scalar ?? "", at: key.position) {
                    report(.duplicateKey(key.scalar ?? "", at: key.position, first: first))
                    keep = false
                }
                guard next() else { break }
                let value = node()
                if keep { pairs.append(Pair(key: key, value: value)) }
            }
            return Node(.mapping(pairs), span: SourceSpan(start: start, end: endPosition()), tag: tag)
        default:
            return Node(.scalar("", .plain), span: SourceSpan(at: start))
        }
    }

    /// Reads past the node that starts at the current event, with the same checks as ``node()``.
    public mutating func skip() {
        if kind == .scalar { return }
        _ = node()
    }
}

/// The keys of one mapping seen so far, for the duplicate-key check: a short list, hashed once long.
public struct YAMLKeys {
    private var list: [(String, SourcePosition)] = []
    private var table: [String: SourcePosition] = [:]

    public init() {}

    /// Where `key` was seen before in this mapping; otherwise nil, and it is recorded at `position`.
    public mutating func first(_ key: String, at position: SourcePosition) -> SourcePosition? {
        if list.count < 8 {
            if let found = list.first(where: { $0.0 == key }) { return found.1 }
            list.append((key, position))
            if list.count == 8 { table = Dictionary(list, uniquingKeysWith: { first, _ in first }) }
            return nil
        }
        if let found = table[key] { return found }
        table[key] = position
        return nil
    }
}
