import YAMLKit

/// A type-checked boolean expression compiled to closures: evaluating it never re-parses.
public struct CompiledCondition: Sendable {
    let evaluate: @Sendable (CaseValues) -> Truth
    /// The expression as written.
    public let source: String
    /// Facts the expression reads, directly or through predicates (indexes into the set's facts).
    public let facts: [Int]
    /// Questions whose answers it reads through `answer()`, directly or through predicates.
    public let questions: [Int]
    /// The conditions and-ed into this one, each as compiled (``always`` has none, a compiled
    /// expression is its own one part): the evaluator works out a part shared by many questions
    /// once per case.
    private(set) var parts: [Part]

    /// One condition and-ed into another.
    struct Part: Sendable {
        let source: String
        let evaluate: @Sendable (CaseValues) -> Truth
    }

    init(source: String, facts: Set<Int>, questions: Set<Int>, evaluate: @escaping @Sendable (CaseValues) -> Truth) {
        self.source = source
        self.facts = facts.sorted()
        self.questions = questions.sorted()
        self.evaluate = evaluate
        parts = [Part(source: source, evaluate: evaluate)]
    }

    /// Evaluates against one case.
    public func callAsFunction(_ values: CaseValues) -> Truth { evaluate(values) }

    /// True for ``always``.
    private var isAlways = false

    /// A condition that always holds.
    public static let always: CompiledCondition = {
        var condition = CompiledCondition(source: "true", facts: [], questions: []) { _ in .true }
        condition.isAlways = true
        condition.parts = []
        return condition
    }()

    /// Both conditions (three-valued `and`).
    public func and(_ other: CompiledCondition) -> CompiledCondition {
        let lhs = evaluate
        let rhs = other.evaluate
        // `true and x` is x, three-valued too: and-ing with ``always`` adds no call per case.
        let both: @Sendable (CaseValues) -> Truth
        if isAlways {
            both = rhs
        } else if other.isAlways {
            both = lhs
        } else {
            both = { values in Logic.and(lhs(values), rhs(values)) }
        }
        var condition = CompiledCondition(
            source: "(\(source)) and (\(other.source))", facts: Set(facts).union(other.facts),
            questions: Set(questions).union(other.questions), evaluate: both)
        condition.parts = parts + other.parts
        return condition
    }
}

/// A number a computation works out on its way to the answer (`working_days_between(a, b)`), so
/// `explain` can show it: "41 working days → no".
public struct Measure: Sendable {
    /// The call as written.
    public let source: String
    /// "days" or "working days".
    public let unit: String
    let evaluate: @Sendable (CaseValues) -> Lookup<Int>

    /// Its value in one case; nil when a fact it needs is missing.
    public func callAsFunction(_ values: CaseValues) -> Int? {
        if case .value(let number) = evaluate(values) { return number }
        return nil
    }
}

/// A compiled `compute` expression: the answer derived from facts, as an option index of the scale.
public struct CompiledComputation: Sendable {
    let evaluate: @Sendable (CaseValues) -> Lookup<Int>
    public let source: String
    public let facts: [Int]
    public let questions: [Int]
    /// The day counts it works out, directly or through predicates, in the order written.
    public let measures: [Measure]

    init(source: String, facts: Set<Int>, questions: Set<Int>, measures: [Measure] = [],
         evaluate: @escaping @Sendable (CaseValues) -> Lookup<Int>) {
        self.source = source
        self.facts = facts.sorted()
        self.questions = questions.sorted()
        self.measures = measures
        self.evaluate = evaluate
    }

    /// The computed option index; nil when a fact it needs is missing.
    public func callAsFunction(_ values: CaseValues) -> Int? {
        if case .value(let option) = evaluate(values) { return option }
        return nil
    }
}

enum Logic {
    static func and(_ lhs: Truth, _ rhs: @autoclosure () -> Truth) -> Truth {
        if lhs == .false { return .false }
        let right = rhs()
        if right == .false { return .false }
        return lhs == .true && right == .true ? .true : .unknown
    }

    static func or(_ lhs: Truth, _ rhs: @autoclosure () -> Truth) -> Truth {
        if lhs == .true { return .true }
        let right = rhs()
        if right == .true { return .true }
        return lhs == .false && right == .false ? .false : .unknown
    }
}
