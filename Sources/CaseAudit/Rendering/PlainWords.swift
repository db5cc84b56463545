/// Reads an applicability expression out in plain words, using the set's labels:
/// `rosh_effective >= medium and child_protection_concerns` →
/// "RoSH classification (effective) is medium or higher, and Child Protection concerns".
enum PlainWords {
    static func describe(_ text: String, in set: CriteriaSet) -> String {
        guard let expression = try? Parser.parse(text) else { return text }
        return render(expression, in: set, parent: .top)
    }

    private enum Context { case top, and, or, not }

    private static func render(_ expression: Expression, in set: CriteriaSet, parent: Context) -> String {
        switch expression {
        case .and(let lhs, let rhs):
            let text = "\(render(lhs, in: set, parent: .and)), and \(render(rhs, in: set, parent: .and))"
            return parent == .not || parent == .or ? "(\(text))" : text
        case .or(let lhs, let rhs):
            let text = "\(render(lhs, in: set, parent: .or)) or \(render(rhs, in: set, parent: .or))"
            return parent == .and || parent == .not ? "(\(text))" : text
        case .not(let inner, _):
            return "not \(render(inner, in: set, parent: .not))"
        case .compare(let op, let lhs, let rhs, _):
            let left = operand(lhs, in: set)
            let right = operand(rhs, in: set)
            switch op {
            case .equal: return "\(left) is \(right)"
            case .notEqual: return "\(left) is not \(right)"
            case .greaterEqual: return "\(left) is \(right) or higher"
            case .greater: return "\(left) is higher than \(right)"
            case .lessEqual: return "\(left) is \(right) or lower"
            case .less: return "\(left) is lower than \(right)"
            case .isIn, .notIn:
                let negated = op == .notIn
                if case .list = rhs { return "\(left) is \(negated ? "not " : "")\(right)" }
                return "\(right) \(negated ? "does not include" : "includes") \(left)"
            }
        default:
            return operand(expression, in: set)
        }
    }

    private static func operand(_ expression: Expression, in set: CriteriaSet) -> String {
        switch expression {
        case .name(let name, _):
            if let index = set.fact(named: name) { return set.facts[index].label }
            if let predicate = set.predicates.first(where: { $0.name == name }) {
                return predicate.label ?? name.replacingUnderscores()
            }
            return name.replacingUnderscores()
        case .integer(let value, _): return String(value)
        case .string(let value, _): return value.replacingUnderscores()
        case .boolean(let value, _): return value ? "true" : "false"
        case .list(let items, _):
            let words = items.map { operand($0, in: set) }
            guard words.count > 1 else { return words.first ?? "nothing" }
            return words.dropLast().joined(separator: ", ") + " or " + (words.last ?? "")
        case .arithmetic(let op, let lhs, let rhs, _):
            return "\(operand(lhs, in: set)) \(op == .plus ? "plus" : "minus") \(operand(rhs, in: set))"
        case .call(let name, let arguments, _):
            let words = arguments.map { operand($0, in: set) }
            switch (name, words.count) {
            case ("has", 1): return "\(words[0]) is recorded"
            case ("count", 1): return "the number of \(words[0])"
            case ("any", 2): return "\(words[0]) includes any of \(words[1])"
            case ("all", 2): return "\(words[0]) includes all of \(words[1])"
            case ("only", 2): return "\(words[0]) includes nothing but \(words[1])"
            case ("days_between", 2): return "the days from \(words[0]) to \(words[1])"
            case ("working_days_between", 2): return "the working days from \(words[0]) to \(words[1])"
            case ("answer", 1):
                if case .string(let id, _) = arguments[0], let index = set.question(id: id) {
                    return "the answer to “\(set.questions[index].text)”"
                }
                return "the answer to \(words[0])"
            default: return "\(name)(\(words.joined(separator: ", ")))"
            }
        default:
            return render(expression, in: set, parent: .top)
        }
    }
}
