/// Parses expression text into an ``Expression`` by recursive descent.
///
/// Precedence, loosest first: `or`, `and`, `not`, comparison (`== != < <= > >= in not in`), `+ -`.
struct Parser {
    typealias Failure = Lexer.Failure

    private var tokens: [Token]
    private var index = 0

    static func parse(_ text: String) throws(Failure) -> Expression {
        var parser = Parser(tokens: try Lexer.tokens(text))
        if case .end = parser.peek.kind {
            throw Failure(message: "the expression is empty", offset: 0)
        }
        let expression = try parser.orExpression()
        guard case .end = parser.peek.kind else {
            throw Failure(message: "unexpected \(describe(parser.peek)) after a complete expression", offset: parser.peek.offset)
        }
        return expression
    }

    private init(tokens: [Token]) {
        self.tokens = tokens
    }

    private var peek: Token { tokens[index] }

    private mutating func advance() -> Token {
        let token = tokens[index]
        if index < tokens.count - 1 { index += 1 }
        return token
    }

    private mutating func accept(_ keyword: Token.Keyword) -> Bool {
        if case .keyword(keyword) = peek.kind {
            index += 1
            return true
        }
        return false
    }

    private mutating func accept(_ symbol: Token.Symbol) -> Bool {
        if case .symbol(symbol) = peek.kind {
            index += 1
            return true
        }
        return false
    }

    private mutating func expect(_ symbol: Token.Symbol, _ what: String) throws(Failure) {
        guard accept(symbol) else {
            throw Failure(message: "expected \(what), found \(Self.describe(peek))", offset: peek.offset)
        }
    }

    private mutating func orExpression() throws(Failure) -> Expression {
        var lhs = try andExpression()
        while accept(.or) { lhs = .or(lhs, try andExpression()) }
        return lhs
    }

    private mutating func andExpression() throws(Failure) -> Expression {
        var lhs = try notExpression()
        while accept(.and) { lhs = .and(lhs, try notExpression()) }
        return lhs
    }

    private mutating func notExpression() throws(Failure) -> Expression {
        let start = peek.offset
        if accept(.not) { return .not(try notExpression(), at: start) }
        return try comparison()
    }

    private mutating func comparison() throws(Failure) -> Expression {
        let lhs = try sum()
        let at = peek.offset
        let op: ComparisonOperator?
        switch peek.kind {
        case .symbol(.equal): op = .equal
        case .symbol(.notEqual): op = .notEqual
        case .symbol(.less): op = .less
        case .symbol(.lessEqual): op = .lessEqual
        case .symbol(.greater): op = .greater
        case .symbol(.greaterEqual): op = .greaterEqual
        case .keyword(.in): op = .isIn
        case .keyword(.not):
            // `not in` after an operand; a lone `not` here is a mistake.
            if index + 1 < tokens.count, case .keyword(.in) = tokens[index + 1].kind {
                index += 1
                op = .notIn
            } else {
                throw Failure(message: "expected 'in' after 'not'", offset: at)
            }
        default: op = nil
        }
        guard let op else { return lhs }
        index += 1
        let rhs = try sum()
        return .compare(op, lhs, rhs, at: at)
    }

    private mutating func sum() throws(Failure) -> Expression {
        var lhs = try term()
        while true {
            let at = peek.offset
            if accept(.plus) {
                lhs = .arithmetic(.plus, lhs, try term(), at: at)
            } else if accept(.minus) {
                lhs = .arithmetic(.minus, lhs, try term(), at: at)
            } else {
                return lhs
            }
        }
    }

    private mutating func term() throws(Failure) -> Expression {
        let token = advance()
        switch token.kind {
        case .integer(let value):
            return .integer(value, at: token.offset)
        case .string(let value):
            return .string(value, at: token.offset)
        case .keyword(.true):
            return .boolean(true, at: token.offset)
        case .keyword(.false):
            return .boolean(false, at: token.offset)
        case .identifier(let name):
            guard accept(.leftParen) else { return .name(name, at: token.offset) }
            var arguments: [Expression] = []
            if !accept(.rightParen) {
                repeat { arguments.append(try orExpression()) } while accept(.comma)
                try expect(.rightParen, "')' to close the call of '\(name)'")
            }
            return .call(name, arguments, at: token.offset)
        case .symbol(.leftParen):
            let inner = try orExpression()
            try expect(.rightParen, "')'")
            return inner
        case .symbol(.leftBracket):
            var items: [Expression] = []
            if !accept(.rightBracket) {
                repeat { items.append(try term()) } while accept(.comma)
                try expect(.rightBracket, "']' to close the list")
            }
            return .list(items, at: token.offset)
        case .symbol(.minus):
            if case .integer(let value) = peek.kind {
                _ = advance()
                return .integer(-value, at: token.offset)
            }
            throw Failure(message: "expected a value, found '-'", offset: token.offset)
        default:
            throw Failure(message: "expected a value, found \(Self.describe(token))", offset: token.offset)
        }
    }

    static func describe(_ token: Token) -> String {
        switch token.kind {
        case .identifier(let name): return "'\(name)'"
        case .integer(let value): return "'\(value)'"
        case .string(let value): return "'\(value)'"
        case .keyword(let keyword): return "'\(keyword.rawValue)'"
        case .symbol(let symbol): return "'\(symbol.rawValue)'"
        case .end: return "the end of the expression"
        }
    }
}
