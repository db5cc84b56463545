/// Three-valued logic: a condition over a case whose facts may be missing.
public enum Truth: String, Sendable, Hashable {
    case `true`, `false`, unknown

    public init(_ value: Bool) { self = value ? .true : .false }

    public static prefix func ! (value: Truth) -> Truth {
        switch value {
        case .true: return .false
        case .false: return .true
        case .unknown: return .unknown
        }
    }
}

/// A value read from a case: present, unknown (a missing fact, an unanswered question), or absent
/// (the answer of a question that does not apply — every comparison with it is false).
enum Lookup<T: Sendable>: Sendable {
    case value(T)
    case unknown
    case absent

    func map<U>(_ transform: (T) -> U) -> Lookup<U> {
        switch self {
        case .value(let value): return .value(transform(value))
        case .unknown: return .unknown
        case .absent: return .absent
        }
    }
}

/// The state of a question's answer as `answer('id')` sees it.
public enum AnswerState: Sendable, Hashable {
    /// Applies, answered (or computed) with this option index.
    case option(Int)
    /// Applies but is unanswered, or its applicability is undetermined.
    case unknown
    /// Does not apply to this case.
    case absent
}

/// Everything an expression reads from one case: fact values by fact index, answer states by question index.
public struct CaseValues: Sendable {
    public var facts: [FactValue?]
    public var answers: [AnswerState]

    public init(facts: [FactValue?], answers: [AnswerState]) {
        self.facts = facts
        self.answers = answers
    }
}
