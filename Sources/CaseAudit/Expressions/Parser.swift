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
        let expression = try parser.orExpression().expression
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

    /// A parsed expression and the depth of its tree (a leaf is 1). Depth counts every node,
    /// so a long `a and b and …` chain is as deep as it is long.
    private typealias Parsed = (expression: Expression, depth: Int)

    /// Deepest expression tree accepted: nesting of parentheses, calls, lists and `not`, and the
    /// length of `and`/`or`/`+`/`-` chains all count. Parsing, compiling and evaluating recurse
    /// along the tree, so this bounds their stack whatever the input.
    static let maxDepth = 64

    /// The recursion depth of the parser right now, checked on entry to every nested construct.
    private var nesting = 0

    private mutating func enter(at offset: Int) throws(Failure) {
        nesting += 1
        if nesting > Self.maxDepth { throw Self.tooDeep(at: offset) }
    }

    /// A node over children of these depths, refused when it makes the tree deeper than ``maxDepth``.
    private func node(_ expression: Expression, over depths: Int..., at offset: Int) throws(Failure) -> Parsed {
        let depth = (depths.max() ?? 0) + 1
        if depth > Self.maxDepth { throw Self.tooDeep(at: offset) }
        return (expression, depth)
    }

    private static func tooDeep(at offset: Int) -> Failure {
        Failure(
            message: "the expression nests more than \(maxDepth) levels deep (parentheses, 'not', or a long 'and'/'or'/'+' chain); split it into predicates",
            offset: offset, code: "rules.expression-too-deep")
    }

    private mutating func orExpression() throws(Failure) -> Parsed {
        var lhs = try andExpression()
        while true {
            let at = peek.offset
            guard accept(.or) else { return lhs }
            let rhs = try andExpression()
            lhs = try node(.or(lhs.expression, rhs.expression), over: lhs.depth, rhs.depth, at: at)
        }
    }

    private mutating func andExpression() throws(Failure) -> Parsed {
        var lhs = try notExpression()
        while true {
            let at = peek.offset
            guard accept(.and) else { return lhs }
            let rhs = try notExpression()
            lhs = try node(.and(lhs.expression, rhs.expression), over: lhs.depth, rhs.depth, at: at)
        }
    }

    private mutating func notExpression() throws(Failure) -> Parsed {
        let start = peek.offset
        guard accept(.not) else { return try comparison() }
        try enter(at: start)
        defer { nesting -= 1 }
        let inner = try notExpression()
        return try node(.not(inner.expression, at: start), over: inner.depth, at: start)
    }

    private mutating func comparison() throws(Failure) -> Parsed {
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
        return try node(.compare(op, lhs.expression, rhs.expression, at: at), over: lhs.depth, rhs.depth, at: at)
    }

    private mutating func sum() throws(Failure) -> Parsed {
        var lhs = try term()
        while true {
            let at = peek.offset
            let op: ArithmeticOperator
            if accept(.plus) {
                op = .plus
            } else if accept(.minus) {
                op = .minus
            } else {
                return lhs
            }
            let rhs = try term()
            lhs = try node(.arithmetic(op, lhs.expression, rhs.expression, at: at), over: lhs.depth, rhs.depth, at: at)
        }
    }

    private mutating func term() throws(Failure) -> Parsed {
        let token = advance()
        switch token.kind {
        case .integer(let value):
            return (.integer(value, at: token.offset), 1)
        case .string(let value):
            return (.string(value, at: token.offset), 1)
        case .keyword(.true):
            return (.boolean(true, at: token.offset), 1)
        case .keyword(.false):
            return (.boolean(false, at: token.offset), 1)
        case .identifier(let name):
            guard accept(.leftParen) else { return (.name(name, at: token.offset), 1) }
            try enter(at: token.offset)
            defer { nesting -= 1 }
            var arguments: [Expression] = []
            var deepest = 0
            if !accept(.rightParen) {
                repeat {
                    let argument = try orExpression()
                    arguments.append(argument.expression)
                    deepest = max(deepest, argument.depth)
                } while accept(.comma)
                try expect(.rightParen, "')' to close the call of '\(name)'")
            }
            return try node(.call(name, arguments, at: token.offset), over: deepest, at: token.offset)
        case .symbol(.leftParen):
            try enter(at: token.offset)
            defer { nesting -= 1 }
            let inner = try orExpression()
            try expect(.rightParen, "')'")
            return inner
        case .symbol(.leftBracket):
            try enter(at: token.offset)
            defer { nesting -= 1 }
            var items: [Expression] = []
            var deepest = 0
            if !accept(.rightBracket) {
                repeat {
                    let item = try term()
                    items.append(item.expression)
                    deepest = max(deepest, item.depth)
                } while accept(.comma)
                try expect(.rightBracket, "']' to close the list")
            }
            return try node(.list(items, at: token.offset), over: deepest, at: token.offset)
        case .symbol(.minus):
            if case .integer(let value) = peek.kind {
                _ = advance()
                return (.integer(-value, at: token.offset), 1)
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
