/// The syntax tree of an expression. Offsets are character offsets in the expression text.
indirect enum Expression: Sendable {
    case name(String, at: Int)
    case integer(Int, at: Int)
    case string(String, at: Int)
    case boolean(Bool, at: Int)
    case list([Expression], at: Int)
    case not(Expression, at: Int)
    case and(Expression, Expression)
    case or(Expression, Expression)
    case compare(ComparisonOperator, Expression, Expression, at: Int)
    case arithmetic(ArithmeticOperator, Expression, Expression, at: Int)
    case call(String, [Expression], at: Int)

    /// Where the expression starts.
    var offset: Int {
        switch self {
        case .name(_, let at), .integer(_, let at), .string(_, let at), .boolean(_, let at),
            .list(_, let at), .not(_, let at), .call(_, _, let at):
            return at
        case .and(let lhs, _), .or(let lhs, _), .compare(_, let lhs, _, _), .arithmetic(_, let lhs, _, _):
            return lhs.offset
        }
    }
}

enum ComparisonOperator: String, Sendable {
    case equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
    case isIn = "in", notIn = "not in"

    var isOrdering: Bool { self == .less || self == .lessEqual || self == .greater || self == .greaterEqual }
}

enum ArithmeticOperator: String, Sendable {
    case plus = "+", minus = "-"
}
