extension CaseEvaluation {
    /// The facts the case does not record that keep a result from being decided: for an
    /// undetermined result, those its conditions read (following `answer()` to the conditions and
    /// computations of the questions it reads) and the set fact of a `for_each` question; for an
    /// answer that could not be computed, those its computation reads. Empty for other results.
    public func missingFacts(for result: QuestionResult, in set: CriteriaSet) -> [Int] {
        // An unanswered question that is not computed lacks no fact (the commonest finding).
        if result.kind == .unanswered, set.questions[result.question].compute == nil { return [] }
        let question = set.questions[result.question]
        var facts = Set<Int>()
        switch result.kind {
        case .undetermined:
            facts.formUnion(question.applies.facts)
            if let each = question.forEach { facts.insert(each) }
            var pending = question.applies.questions
            var visited = Set<Int>()
            while let other = pending.popLast() {
                guard visited.insert(other).inserted else { continue }
                facts.formUnion(set.questions[other].applies.facts)
                facts.formUnion(set.questions[other].compute?.facts ?? [])
                pending += set.questions[other].applies.questions + (set.questions[other].compute?.questions ?? [])
            }
        case .unanswered:
            facts.formUnion(question.compute?.facts ?? [])
        default:
            break
        }
        return facts.filter { record.facts[$0] == nil }.sorted()
    }
}
