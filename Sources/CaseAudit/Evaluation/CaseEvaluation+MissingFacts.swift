extension CaseEvaluation {
    /// The facts the case does not record that keep a result from being decided: for an
    /// undetermined result, those its conditions read (following `answer()` to the conditions and
    /// computations of the questions it reads) and the set fact of a `for_each` question; for an
    /// answer that could not be computed, those its computation reads. Empty for other results.
    public func missingFacts(for result: QuestionResult, in set: CriteriaSet) -> [Int] {
        switch result.kind {
        case .undetermined:
            let recorded = record.facts
            return applicabilityFacts.facts(of: result.question) { recorded[$0] == nil }
        case .unanswered:
            // An unanswered question that is not computed lacks no fact (the commonest finding).
            guard let compute = set.questions[result.question].compute else { return [] }
            return unrecorded(Set(compute.facts).sorted())
        default: return []
        }
    }

    /// Of `facts` (sorted), those the case does not record.
    private func unrecorded(_ facts: [Int]) -> [Int] {
        let recorded = record.facts
        // None or all of them, commonly: then no new list is made.
        if facts.allSatisfy({ recorded[$0] == nil }) { return facts }
        return facts.filter { recorded[$0] == nil }
    }
}
