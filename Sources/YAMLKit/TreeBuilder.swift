internal import CYAML

/// Drives libyaml's event parser and assembles the node tree, enforcing limits and YAML rules
/// that libyaml leaves to its caller (duplicate and non-scalar keys, undefined aliases).
struct TreeBuilder {
    /// An open collection. Its children sit on the shared `scratch` stack from `firstChild` on
    /// (keys and values alternating for a mapping) until it closes and takes an exact-size copy.
    private struct Frame {
        var isMapping: Bool
        var start: SourcePosition
        var tag: NodeTag
        var anchor: String?
        var firstChild: Int
        /// Start of this mapping's key hashes on `keyHashes`.
        var firstKeyHash: Int
        /// False once a non-scalar key is seen: that key's value is then dropped.
        var pendingKeyIsValid = true
        /// Nodes in this subtree, for the alias budget.
        var nodeCount = 1
    }

    private struct Anchor {
        var node: Node
        var nodeCount: Int
    }

    /// A fatal problem: the stream stops here.
    private struct Stop: Error {
        var error: YAMLError
    }

    private let source: SourceText
    private let limits: YAMLLimits
    private var stack: [Frame] = []
    /// Children of every open collection, innermost last.
    private let scratch = NodeStack()
    /// FNV-1a hashes of the keys of every open mapping, for the duplicate-key check.
    private var keyHashes: [UInt64] = []
    private var anchors: [String: Anchor] = [:]
    private var documents: [Document] = []
    /// Documents completed so far (delivered or kept).
    private var documentCount = 0
    /// When set, each completed document is handed over here instead of being kept, with the
    /// problems found since the previous one (which are then not kept either).
    private let deliver: ((Document, [YAMLError]) -> Void)?
    private var errors: [YAMLError] = []
    private var documentRoot: Node?
    private var aliasExpansion = 0
    /// Nodes started in the current document (``YAMLLimits/maxDocumentNodes``); aliases are
    /// bounded by ``YAMLLimits/maxAliasExpansion`` instead.
    private var documentNodes = 0
    private let range: YAMLRange
    private var marks: LibYAMLMarks

    init(source: SourceText, limits: YAMLLimits, range: YAMLRange? = nil, deliver: ((Document, [YAMLError]) -> Void)? = nil) {
        self.source = source
        self.limits = limits
        self.deliver = deliver
        self.range = range ?? .whole(source)
        self.documentCount = self.range.documents
        self.marks = LibYAMLMarks(source: source, bytes: UnsafeBufferPointer(start: nil, count: 0), origin: 0, line: 1)
    }

    mutating func run() -> LoadedStream {
        LibYAMLInput.parse(source, range) { buffer, origin, parser in
            marks = LibYAMLMarks(source: source, bytes: buffer, origin: origin, line: range.line)
            var event = yaml_event_t()
            do throws(Stop) {
                while true {
                    guard yaml_parser_parse(parser, &event) != 0 else {
                        errors.append(marks.error(parser.pointee))
                        return
                    }
                    defer { caseaudit_yaml_event_release(&event) }
                    if event.type == YAML_STREAM_END_EVENT { return }
                    try handle(&event)
                }
            } catch {
                errors.append(error.error)
            }
        } failed: {
            errors.append($0)
        }
        return LoadedStream(source: source, documents: documents, errors: errors)
    }

    // MARK: - Events

    private mutating func handle(_ event: inout yaml_event_t) throws(Stop) {
        switch event.type {
        case YAML_DOCUMENT_START_EVENT:
            if documentCount + 1 > limits.maxDocuments {
                throw Stop(error: .tooManyDocuments(limits, at: position(event.start_mark)))
            }
            anchors.removeAll(keepingCapacity: true)
            documentRoot = nil
            documentNodes = 0
        case YAML_DOCUMENT_END_EVENT:
            let root = documentRoot ?? Node(.scalar("", .plain), span: SourceSpan(at: position(event.start_mark)))
            let document = Document(root: root, source: source, index: documentCount)
            documentCount += 1
            documentRoot = nil
            if let deliver {
                let found = errors
                errors.removeAll()
                deliver(document, found)
            } else {
                documents.append(document)
            }
        case YAML_SCALAR_EVENT:
            try scalar(&event)
        case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
            let isMapping = event.type == YAML_MAPPING_START_EVENT
            let start = position(event.start_mark)
            if stack.count + 1 > limits.maxDepth {
                throw Stop(error: .tooDeep(limits, at: start))
            }
            try count(event)
            let tagName = isMapping ? event.data.mapping_start.tag : event.data.sequence_start.tag
            let anchorName = isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor
            try checkNames(anchor: anchorName, tag: tagName, at: start)
            let tag = NodeTag(string(tagName))
            let anchor = string(anchorName)
            stack.append(Frame(
                isMapping: isMapping, start: start, tag: tag, anchor: anchor,
                firstChild: scratch.count, firstKeyHash: keyHashes.count))
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            guard let frame = stack.popLast() else { return }
            let span = SourceSpan(start: frame.start, end: position(event.end_mark))
            let content: Node.Content = frame.isMapping ? .mapping(scratch.popPairs(from: frame.firstChild))
                : .sequence(scratch.popItems(from: frame.firstChild))
            keyHashes.removeSubrange(frame.firstKeyHash...)
            let node = Node(content, span: span, tag: frame.tag)
            if let anchor = frame.anchor { anchors[anchor] = Anchor(node: node, nodeCount: frame.nodeCount) }
            add(node, count: frame.nodeCount, keyHash: 0)
        case YAML_ALIAS_EVENT:
            try alias(&event)
        default:
            break
        }
    }

    /// Counts a node of the current document against ``YAMLLimits/maxDocumentNodes``.
    private mutating func count(_ event: yaml_event_t) throws(Stop) {
        documentNodes += 1
        if documentNodes > limits.maxDocumentNodes {
            throw Stop(error: .tooManyNodes(limits, at: position(event.start_mark)))
        }
    }

    private mutating func scalar(_ event: inout yaml_event_t) throws(Stop) {
        let data = event.data.scalar
        let start = position(event.start_mark)
        if data.length > limits.maxScalarBytes {
            throw Stop(error: .scalarTooLong(data.length, limits, at: start))
        }
        // After the length, as the event reader checks them: both name the same limit.
        try count(event)
        try checkNames(anchor: data.anchor, tag: data.tag, at: start)
        let value: String
        var keyHash: UInt64 = 0
        if let pointer = data.value, data.length > 0 {
            let bytes = UnsafeBufferPointer(start: pointer, count: data.length)
            value = String(decoding: bytes, as: UTF8.self)
            if isKeyPosition { keyHash = Self.hash(bytes) }
        } else {
            value = ""
            keyHash = Self.hash(UnsafeBufferPointer(start: nil, count: 0))
        }
        let style: ScalarStyle
        switch data.style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: style = .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: style = .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: style = .literal
        case YAML_FOLDED_SCALAR_STYLE: style = .folded
        default: style = .plain
        }
        let node = Node(
            .scalar(value, style), span: SourceSpan(start: start, end: position(event.end_mark)),
            tag: NodeTag(string(data.tag)))
        if let anchor = string(data.anchor) { anchors[anchor] = Anchor(node: node, nodeCount: 1) }
        add(node, count: 1, keyHash: keyHash)
    }

    /// Stops at a tag or anchor over ``YAMLLimits/maxNameBytes``, before it is copied: the tag
    /// first, as the event reader (which hands a node with an anchor to the tree) checks it.
    private func checkNames(anchor: UnsafeMutablePointer<yaml_char_t>?, tag: UnsafeMutablePointer<yaml_char_t>?, at start: SourcePosition) throws(Stop) {
        if YAMLError.isName(tag, longerThan: limits.maxNameBytes) { throw Stop(error: .nameTooLong("a tag", limits, at: start)) }
        if YAMLError.isName(anchor, longerThan: limits.maxNameBytes) { throw Stop(error: .nameTooLong("an anchor", limits, at: start)) }
    }

    private mutating func alias(_ event: inout yaml_event_t) throws(Stop) {
        if YAMLError.isName(event.data.alias.anchor, longerThan: limits.maxNameBytes) {
            throw Stop(error: .nameTooLong("an alias", limits, at: position(event.start_mark)))
        }
        let name = string(event.data.alias.anchor) ?? ""
        let span = SourceSpan(start: position(event.start_mark), end: position(event.end_mark))
        guard let anchor = anchors[name] else {
            errors.append(YAMLError(.undefinedAlias, "alias \(messageQuote("*" + name)) refers to no anchor defined before it", at: span.start))
            add(Node(.scalar("", .plain), span: span), count: 1, keyHash: 0)
            return
        }
        aliasExpansion += anchor.nodeCount
        if aliasExpansion > limits.maxAliasExpansion {
            throw Stop(error: YAMLError(
                .aliasExpansion,
                "aliases expand to more than \(limits.maxAliasExpansion) nodes (alias \(messageQuote("*" + name)))",
                at: span.start))
        }
        var node = anchor.node
        node.span = span
        add(node, count: anchor.nodeCount, keyHash: anchor.node.scalar.map(Self.hash) ?? 0)
    }

    // MARK: - Tree assembly

    /// True when the next node completes nothing yet but starts a mapping pair: it is a key.
    private var isKeyPosition: Bool {
        let top = stack.count - 1
        guard top >= 0, stack[top].isMapping else { return false }
        return (scratch.count - stack[top].firstChild) % 2 == 0
    }

    /// Adds a finished node to the open collection, or makes it the document root.
    /// `keyHash` is the FNV-1a hash of a scalar's bytes when the node is a mapping key.
    private mutating func add(_ node: consuming Node, count: Int, keyHash: UInt64) {
        guard !stack.isEmpty else {
            documentRoot = node
            return
        }
        let top = stack.count - 1
        stack[top].nodeCount += count
        guard stack[top].isMapping else {
            scratch.push(node)
            return
        }
        let isKey = (scratch.count - stack[top].firstChild) % 2 == 0
        if isKey {
            stack[top].pendingKeyIsValid = true
            if node.scalar == nil {
                stack[top].pendingKeyIsValid = false
                errors.append(.nonScalarKey(node))
            } else if let first = firstOccurrence(
                of: node, hash: keyHash, firstChild: stack[top].firstChild, firstKeyHash: stack[top].firstKeyHash) {
                stack[top].pendingKeyIsValid = false
                errors.append(.duplicateKey(node.scalar ?? "", at: node.position, first: first))
            }
            if stack[top].pendingKeyIsValid { keyHashes.append(keyHash) }
            scratch.push(node)
            return
        }
        if stack[top].pendingKeyIsValid {
            scratch.push(node)
        } else {
            scratch.dropLast()  // drop the rejected key; its value is dropped with it
        }
    }

    /// Where an earlier key of the open mapping with the same text is, if any.
    private func firstOccurrence(
        of key: borrowing Node, hash: UInt64, firstChild: Int, firstKeyHash: Int
    ) -> SourcePosition? {
        var index = firstKeyHash
        var pair = 0
        while index < keyHashes.count {
            if keyHashes[index] == hash {
                let earlier = firstChild + 2 * pair
                if scratch.scalar(at: earlier) == key.scalar { return scratch.position(at: earlier) }
            }
            index += 1
            pair += 1
        }
        return nil
    }

    /// A fast hash of bytes, eight at a time (FNV-style multiply, then a final mix).
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(bytes.count)
        guard let base = bytes.baseAddress else { return hash }
        let raw = UnsafeRawPointer(base)
        var index = 0
        while bytes.count - index >= 8 {
            hash = (hash ^ raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) &* 0x0000_0100_0000_01B3
            hash ^= hash >> 29
            index += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while index < bytes.count {
            tail |= UInt64(bytes[index]) << shift
            shift += 8
            index += 1
        }
        hash = (hash ^ tail) &* 0x0000_0100_0000_01B3
        return hash ^ (hash >> 32)
    }

    private static func hash(_ text: String) -> UInt64 {
        var copy = text
        return copy.withUTF8 { hash($0) }
    }

    // MARK: - Positions and errors

    private mutating func position(_ mark: yaml_mark_t) -> SourcePosition { marks.position(mark) }

    private func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }
}
