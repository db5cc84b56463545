/// One case, evaluated against a criteria set.
public struct CaseEvaluation: Sendable {
    public var record: CaseRecord
    /// The facts and answer states the expressions saw.
    public var values: CaseValues
    /// Every question instance's result, in the set's question order (a `for_each` question's
    /// instances in domain order, or one `not_applicable`/`undetermined` result when it has none).
    public var results: [QuestionResult]
    /// Findings about the case's data: answers to questions that do not apply, answers for elements
    /// the case does not have, hand answers contradicting computed ones, failed checks.
    public var findings: [Diagnostic]
}
