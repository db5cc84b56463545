/// A lexical token of the expression language, with its character offset in the expression text.
struct Token: Equatable, Sendable {
    enum Kind: Equatable, Sendable {
        case identifier(String)
        case integer(Int)
        case string(String)
        case keyword(Keyword)
        case symbol(Symbol)
        case end
    }

    enum Keyword: String, Sendable {
        case and, or, not, `in`, `true`, `false`
    }

    enum Symbol: String, Sendable {
        case equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
        case plus = "+", minus = "-", leftParen = "(", rightParen = ")", leftBracket = "[", rightBracket = "]"
        case comma = ","
    }

    var kind: Kind
    /// Offset of the first character in the expression, in characters.
    var offset: Int
    var length: Int
}
