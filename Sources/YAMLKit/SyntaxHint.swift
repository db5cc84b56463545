/// The likely cause of a libyaml syntax error whose own words do not say it.
enum SyntaxHint {
    /// libyaml's words for an indented `key:` under a key that already has a value on its line.
    static let mappingValues = "mapping values are not allowed in this context"

    /// libyaml's problem with the likely cause added, when it can be told from the source.
    static func explain(_ problem: String, at position: SourcePosition, in source: SourceText) -> String {
        let offset = position.offset
        if offset < source.bytes.count, source.bytes[offset] == UInt8(ascii: "\t") {
            return "\(problem): a tab cannot be used for indentation in YAML; use spaces"
        }
        if let length = longKey(endingAt: offset, in: source) {
            return "\(problem): the key before this colon is \(length) characters long, and a YAML key written"
                + " without '?' may have at most 1024"
        }
        if problem == mappingValues, let key = keyWithValue(above: position, in: source) {
            return "\(problem): '\(key.text)' on line \(key.line) has a value after its colon, so the indented keys below"
                + " cannot belong to it; to give it those keys (the per-element answers of a for_each question),"
                + " write '\(key.text):' with nothing after the colon"
        }
        return problem
    }

    /// The nearest line above `position` that holds something, when it is less indented and is a
    /// `key: value` line whose value is a scalar on that line (not a comment, a block scalar, an
    /// anchor or a tag, which may go on below). Reads only the lines between the two.
    private static func keyWithValue(above position: SourcePosition, in source: SourceText) -> (text: String, line: Int)? {
        guard let line = source.line(position.line) else { return nil }
        var number = position.line - 1
        while number >= 1, let above = source.line(number) {
            let content = above.drop { $0 == " " }
            if content.isEmpty || content.hasPrefix("#") {
                number -= 1
                continue
            }
            guard indentation(above) < indentation(line) else { return nil }
            let entry = content.hasPrefix("- ") ? content.dropFirst(2).drop { $0 == " " } : content
            guard let colon = entry.firstRange(of: ": ") else { return nil }
            let key = entry[..<colon.lowerBound]
            let value = entry[colon.upperBound...].drop { $0 == " " }
            guard !key.isEmpty, key.count <= 60, let first = value.first, !"#|>&!".contains(first) else { return nil }
            return (String(key), number)
        }
        return nil
    }

    /// The length in characters of a key over 1024 characters that ends at the colon at `offset`
    /// (libyaml stops looking for a key's colon after 1024 characters, and reports the colon as
    /// out of place). The key starts after the line's indentation and a `- `, or after `{`, `[` or
    /// `,` in a flow collection. Nil when a `: ` comes before the colon: then the colon is inside
    /// a value (`note: … see: here`), a mistake of its own.
    private static func longKey(endingAt offset: Int, in source: SourceText) -> Int? {
        let bytes = source.bytes
        guard offset < bytes.count, bytes[offset] == UInt8(ascii: ":") else { return nil }
        var start = offset
        while start > 0, !"\n{[,".utf8.contains(bytes[start - 1]) { start -= 1 }
        let text = String(decoding: bytes[start..<offset], as: UTF8.self)
        guard !text.contains(": "), !text.contains(":\t") else { return nil }
        let key = text.drop { $0 == " " || $0 == "-" }
        guard !key.hasPrefix("? ") else { return nil }
        let length = key.unicodeScalars.count
        return length > 1024 ? length : nil
    }

    private static func indentation(_ line: String) -> Int {
        line.prefix { $0 == " " }.count
    }
}
