internal import CYAML

/// Turns libyaml's marks and parser errors into positions and ``YAMLError``s for one range of an
/// input: lines count from the range's first line, byte offsets are offsets into the whole input.
struct LibYAMLMarks {
    let source: SourceText
    /// Byte offset of libyaml's character 0 (the range's start, past a byte-order mark).
    let origin: Int
    /// The line number of the range's first line, minus one.
    let lineBase: Int
    private var tracker: OffsetTracker

    init(source: SourceText, bytes: UnsafeBufferPointer<UInt8>, origin: Int, line: Int) {
        self.source = source
        self.origin = origin
        self.lineBase = line - 1
        self.tracker = OffsetTracker(bytes: bytes, origin: origin)
    }

    @inline(__always)
    mutating func position(_ mark: yaml_mark_t) -> SourcePosition {
        // Wrapping sums: libyaml's counts and the line base are far below Int's range.
        let offset = tracker.byteOffset(ofCharacter: Int(mark.index))
        return SourcePosition(line: Int(mark.line) &+ 1 &+ lineBase, column: Int(mark.column) &+ 1, offset: offset)
    }

    /// The error libyaml stopped at, worded for people.
    mutating func error(_ parser: yaml_parser_t) -> YAMLError {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown problem"
        switch parser.error {
        case YAML_READER_ERROR:
            let at = source.position(ofByte: origin + Int(parser.problem_offset))
            if problem == "control characters are not allowed" {
                // Valid UTF-8, but a character YAML forbids; libyaml gives its code point.
                let hex = String(Int(parser.problem_value), radix: 16, uppercase: true)
                return YAMLError(
                    .encoding, "the input contains a control character YAML does not allow (U+\(String(repeating: "0", count: max(0, 4 - hex.count)) + hex))",
                    at: at)
            }
            if problem == "invalid trailing UTF-8 octet", let lead = leadByte(before: origin + Int(parser.problem_offset)) {
                // libyaml points at the byte that fails to continue a character; the fault is the
                // character's first byte (a Latin-1 'é' before a quote), so point there.
                return YAMLError(
                    .encoding,
                    "the input is not valid UTF-8 text: byte \(Self.hex(Int(source.bytes[lead]))) does not start a character here"
                        + " (the byte after it, \(Self.hex(Int(parser.problem_value))), does not continue it)",
                    at: source.position(ofByte: lead))
            }
            var message = problem
            if parser.problem_value != -1, problem.contains("octet") {
                message += " (byte \(Self.hex(Int(parser.problem_value))))"
            }
            return YAMLError(.encoding, "the input is not valid UTF-8 text: \(message)", at: at)
        case YAML_SCANNER_ERROR, YAML_PARSER_ERROR:
            let at = position(parser.problem_mark)
            let context = parser.context.map { String(cString: $0) }
            let contextAt = parser.context != nil ? position(parser.context_mark) : nil
            // An unclosed quote is found only at the end of the input: point at the opening quote.
            if problem == "found unexpected end of stream", context == "while scanning a quoted scalar", let contextAt {
                return YAMLError(
                    .syntax, "this quoted value is never closed: the input ends before its closing quote", at: contextAt,
                    notes: [YAMLError.Note(message: "the input ends here", position: at)])
            }
            return YAMLError(.syntax, SyntaxHint.explain(problem, at: at, in: source), at: at, context: context, contextPosition: contextAt)
        default:
            return YAMLError(.syntax, problem, at: position(parser.problem_mark))
        }
    }

    /// The first byte of the character whose continuation fails at `offset`: back over the
    /// continuation bytes before it (at most three) to a lead byte, or nil when there is none.
    private func leadByte(before offset: Int) -> Int? {
        let bytes = source.bytes
        var index = offset - 1
        while index >= origin, index < bytes.count, index > offset - 4 {
            if bytes[index] >= 0xC0 { return index }
            guard bytes[index] & 0xC0 == 0x80 else { return nil }
            index -= 1
        }
        return nil
    }

    /// A byte as `0xE9`.
    private static func hex(_ value: Int) -> String {
        let digits = String(value & 0xFF, radix: 16, uppercase: true)
        return "0x" + (digits.count == 1 ? "0" + digits : digits)
    }
}
