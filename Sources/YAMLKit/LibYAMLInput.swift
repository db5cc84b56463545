internal import CYAML

/// Sets up a libyaml parser over one range of an input.
enum LibYAMLInput {
    /// Who decodes the input for libyaml's scanner.
    enum Decoding {
        /// Here, in bulk, when ``CheckedInput`` passes the range; libyaml's reader otherwise.
        case checkedHere
        /// libyaml's reader, character by character (for tests comparing the two).
        case libyamlReader
    }

    /// Calls `body` with the whole input's bytes, the byte offset where libyaml's input starts and a
    /// parser reading the range, valid only during the call; `failed` gets the error when no parser
    /// can be made.
    static func parse(
        _ source: SourceText, _ range: YAMLRange, decoding: Decoding = .checkedHere,
        _ body: (UnsafeBufferPointer<UInt8>, Int, UnsafeMutablePointer<yaml_parser_t>) -> Void,
        failed: (YAMLError) -> Void
    ) {
        source.bytes.withUnsafeBufferPointer { buffer in
            // libyaml mishandles a BOM when the encoding is forced (it counts it as a column and then
            // rejects line 2), so the BOM is skipped here and positions are offset past it.
            let hasBOM = range.start == 0 && buffer.count >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF
            let origin = min(range.start + (hasBOM ? 3 : 0), buffer.count)
            let end = max(origin, min(range.end, buffer.count))
            let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
            defer { parser.deallocate() }
            guard yaml_parser_initialize(parser) != 0 else {
                failed(YAMLError(.syntax, "libyaml could not allocate a parser", at: .start))
                return
            }
            defer { yaml_parser_delete(parser) }
            // An empty input may have a nil base address; libyaml needs a valid pointer.
            let empty: [UInt8] = [0]
            empty.withUnsafeBufferPointer { fallback in
                guard let base = buffer.baseAddress.map({ $0 + origin }) ?? fallback.baseAddress else { return }
                yaml_parser_set_input_string(parser, base, end - origin)
                yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
                guard decoding == .checkedHere,
                      let checked = CheckedInput(UnsafeBufferPointer(rebasing: buffer[origin..<end]))
                else { return body(buffer, origin, parser) }
                let own = caseaudit_yaml_parser_set_checked_input(parser, checked.text, checked.length, checked.characters)
                defer { caseaudit_yaml_parser_restore_buffer(parser, own) }
                // The copy is libyaml's input: it must outlive every event the parser gives.
                withExtendedLifetime(checked) { body(buffer, origin, parser) }
            }
        }
    }
}

extension YAMLError {
    /// `an anchor`, `an alias` or `a tag` longer than ``YAMLLimits/maxNameBytes``.
    static func nameTooLong(_ what: String, _ limits: YAMLLimits, at position: SourcePosition) -> YAMLError {
        YAMLError(.nameTooLong, "\(what) longer than the limit of \(limits.maxNameBytes) bytes", at: position)
    }

    /// True when the NUL-terminated name is longer than `limit` bytes; reads no further.
    static func isName(_ name: UnsafeMutablePointer<yaml_char_t>?, longerThan limit: Int) -> Bool {
        guard let name else { return false }
        for index in 0...limit where name[index] == 0 { return false }
        return true
    }

    static func tooManyDocuments(_ limits: YAMLLimits, at position: SourcePosition) -> YAMLError {
        YAMLError(.tooManyDocuments, "more than \(limits.maxDocuments) documents in one input", at: position)
    }

    static func tooManyNodes(_ limits: YAMLLimits, at position: SourcePosition) -> YAMLError {
        YAMLError(.tooManyNodes, "more than \(limits.maxDocumentNodes) nodes (scalars, sequences, mappings) in one document", at: position)
    }

    static func tooDeep(_ limits: YAMLLimits, at position: SourcePosition) -> YAMLError {
        YAMLError(.tooDeep, "nesting is deeper than the limit of \(limits.maxDepth) levels", at: position)
    }

    static func scalarTooLong(_ length: Int, _ limits: YAMLLimits, at position: SourcePosition) -> YAMLError {
        YAMLError(
            .scalarTooLong, "a scalar of \(length) bytes is longer than the limit of \(limits.maxScalarBytes) bytes",
            at: position)
    }

    /// A key that is a sequence or mapping: the pair is dropped.
    public static func nonScalarKey(_ key: Node) -> YAMLError {
        YAMLError(.nonScalarKey, "a mapping key must be a scalar, not \(key.kindDescription)", at: key.position)
    }

    /// The second occurrence of a key in one mapping: the first value is kept.
    public static func duplicateKey(_ key: String, at position: SourcePosition, first: SourcePosition) -> YAMLError {
        YAMLError(
            .duplicateKey, "duplicate key '\(key)'; the first value is kept", at: position,
            notes: [Note(message: "'\(key)' first appears here", position: first)])
    }
}
