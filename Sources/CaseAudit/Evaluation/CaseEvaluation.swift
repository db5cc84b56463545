/// One case, evaluated against a criteria set.
public struct CaseEvaluation: Sendable {
    public var record: CaseRecord
    /// The facts and answer states the expressions saw.
    public var values: CaseValues
    /// Every question instance's result, in the set's question order. A `for_each` question gives
    /// its instances in domain order when it applies (none for an empty set), else one
    /// `not_applicable` or `undetermined` result.
    public var results: [QuestionResult]
    /// Findings about the case's data: answers to questions that do not apply, answers for elements
    /// the case does not have, hand answers contradicting computed ones, failed checks.
    public var findings: [Diagnostic]
    /// The facts whether each question applies depends on, by question: the evaluator's, shared.
    let applicabilityFacts: ApplicabilityFacts
}
