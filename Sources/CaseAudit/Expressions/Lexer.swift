/// Splits an expression into tokens. Errors carry the character offset of the bad character.
struct Lexer {
    struct Failure: Error, Equatable {
        var message: String
        var offset: Int
        var code = "rules.expression-syntax"
    }

    static func tokens(_ text: String) throws(Failure) -> [Token] {
        let chars = Array(text.unicodeScalars)
        var tokens: [Token] = []
        var index = 0
        func isIdentifierStart(_ c: Unicode.Scalar) -> Bool { c == "_" || (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") }
        func isIdentifierPart(_ c: Unicode.Scalar) -> Bool { isIdentifierStart(c) || (c >= "0" && c <= "9") }
        // Scalars known to be ASCII as a string, from their bytes: a name's or a symbol's. (Made
        // through a `String.UnicodeScalarView`, each took thousands of instructions.)
        func ascii(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
            String(decoding: scalars.map { UInt8(truncatingIfNeeded: $0.value) }, as: UTF8.self)
        }
        while index < chars.count {
            let c = chars[index]
            if c == " " || c == "\t" || c == "\n" || c == "\r" {
                index += 1
                continue
            }
            let start = index
            if isIdentifierStart(c) {
                while index < chars.count, isIdentifierPart(chars[index]) { index += 1 }
                let word = ascii(chars[start..<index])
                let kind: Token.Kind = Token.Keyword(rawValue: word).map { .keyword($0) } ?? .identifier(word)
                tokens.append(Token(kind: kind, offset: start, length: index - start))
                continue
            }
            if c >= "0" && c <= "9" {
                var value = 0
                while index < chars.count, chars[index] >= "0" && chars[index] <= "9" {
                    let (product, overflow1) = value.multipliedReportingOverflow(by: 10)
                    let (sum, overflow2) = product.addingReportingOverflow(Int(chars[index].value - 48))
                    if overflow1 || overflow2 { throw Failure(message: "the number is too large", offset: start) }
                    value = sum
                    index += 1
                }
                if index < chars.count, isIdentifierStart(chars[index]) {
                    throw Failure(message: "a name cannot start with a digit", offset: start)
                }
                tokens.append(Token(kind: .integer(value), offset: start, length: index - start))
                continue
            }
            if c == "'" || c == "\"" {
                index += 1
                var value = String.UnicodeScalarView()
                var closed = false
                while index < chars.count {
                    if chars[index] == c {
                        // A doubled quote inside the string stands for one quote.
                        if index + 1 < chars.count, chars[index + 1] == c {
                            value.append(c)
                            index += 2
                            continue
                        }
                        closed = true
                        index += 1
                        break
                    }
                    value.append(chars[index])
                    index += 1
                }
                guard closed else { throw Failure(message: "the quoted string is not closed", offset: start) }
                tokens.append(Token(kind: .string(String(value)), offset: start, length: index - start))
                continue
            }
            if c.isASCII, index + 1 < chars.count, chars[index + 1].isASCII, let symbol = Token.Symbol(rawValue: ascii(chars[index...index + 1])) {
                tokens.append(Token(kind: .symbol(symbol), offset: start, length: 2))
                index += 2
                continue
            }
            if let symbol = Token.Symbol(rawValue: String(c)) {
                tokens.append(Token(kind: .symbol(symbol), offset: start, length: 1))
                index += 1
                continue
            }
            if c == "=" {
                throw Failure(message: "'=' is not an operator; use '==' to compare", offset: start)
            }
            if c == "&" || c == "|" || c == "!" {
                throw Failure(message: "'\(c)' is not an operator; use 'and', 'or' or 'not'", offset: start)
            }
            throw Failure(message: "unexpected character '\(c)'", offset: start)
        }
        tokens.append(Token(kind: .end, offset: chars.count, length: 0))
        return tokens
    }
}
