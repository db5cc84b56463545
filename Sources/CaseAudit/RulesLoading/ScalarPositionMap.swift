import YAMLKit

/// Maps a character offset inside a scalar's value back to its place in the source file, so that an
/// error inside an expression points at the exact character (plain, quoted and block scalars alike).
enum ScalarPositionMap {
    static func position(ofCharacter target: Int, in node: Node, source: SourceText) -> SourcePosition {
        guard let value = node.scalar, let style = node.style else { return node.position }
        let bytes = source.bytes
        var offset = node.position.offset
        var line = node.position.line
        var column = node.position.column
        guard offset <= bytes.count else { return node.position }

        func peek(_ ahead: Int = 0) -> UInt8? {
            offset + ahead < bytes.count ? bytes[offset + ahead] : nil
        }
        func advance() {
            guard let byte = peek() else { return }
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
                offset += 1
                return
            }
            // One character: a lead byte and its continuation bytes.
            offset += 1
            while let next = peek(), next & 0xC0 == 0x80 { offset += 1 }
            column += 1
        }
        func isSpace(_ byte: UInt8?) -> Bool {
            byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
        }

        switch style {
        case .singleQuoted, .doubleQuoted:
            advance()  // the opening quote
        case .literal, .folded:
            // Skip the header line, then the indentation of the first content line.
            while let byte = peek(), byte != UInt8(ascii: "\n") { advance() }
            advance()
            while peek() == UInt8(ascii: " ") { advance() }
        case .plain:
            break
        }

        let characters = Array(value.unicodeScalars)
        var index = 0
        while index < min(target, characters.count) {
            let character = characters[index]
            guard let byte = peek() else { break }
            if style == .singleQuoted, byte == UInt8(ascii: "'"), peek(1) == UInt8(ascii: "'") {
                advance()
                advance()
            } else if style == .doubleQuoted, byte == UInt8(ascii: "\\") {
                advance()
                let escape = peek()
                advance()
                let hexDigits: Int
                switch escape {
                case UInt8(ascii: "x"): hexDigits = 2
                case UInt8(ascii: "u"): hexDigits = 4
                case UInt8(ascii: "U"): hexDigits = 8
                case UInt8(ascii: "\n"):
                    // A line continuation produces no character.
                    while peek() == UInt8(ascii: " ") || peek() == UInt8(ascii: "\t") { advance() }
                    continue
                default: hexDigits = 0
                }
                for _ in 0..<hexDigits { advance() }
            } else if (character == " " || character == "\n") && isSpace(byte) && (byte == UInt8(ascii: "\n") || isSpace(peek(1)) && hasNewlineAhead(bytes, from: offset)) {
                // Line folding: whitespace, line breaks and indentation in the source are one value character
                // (or several line feeds for blank lines).
                while isSpace(peek()) { advance() }
                index += 1
                while index < characters.count, characters[index] == "\n" { index += 1 }
                continue
            } else {
                advance()
            }
            index += 1
        }
        return SourcePosition(line: line, column: column, offset: offset)
    }

    /// True when only spaces and tabs stand between `offset` and the next line break.
    private static func hasNewlineAhead(_ bytes: SourceBytes, from offset: Int) -> Bool {
        var index = offset
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"): index += 1
            case UInt8(ascii: "\n"): return true
            default: return false
            }
        }
        return false
    }
}
