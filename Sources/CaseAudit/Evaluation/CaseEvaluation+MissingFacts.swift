extension CaseEvaluation {
    /// The facts the case does not record that keep a result from being decided: for an
    /// undetermined result, those its conditions read (following `answer()` to the conditions and
    /// computations of the questions it reads) and the set fact of a `for_each` question; for an
    /// answer that could not be computed, those its computation reads. Empty for other results.
    public func missingFacts(for result: QuestionResult, in set: CriteriaSet) -> [Int] {
        switch result.kind {
        case .undetermined: return unrecorded(Self.applicabilityFacts(result.question, in: set))
        case .unanswered:
            // An unanswered question that is not computed lacks no fact (the commonest finding).
            guard let compute = set.questions[result.question].compute else { return [] }
            return unrecorded(Set(compute.facts).sorted())
        default: return []
        }
    }

    /// ``missingFacts(for:in:)``, with the facts each question's applicability depends on
    /// (``applicabilityFacts(_:in:)``, by question) worked out once for the set.
    func missingFacts(for result: QuestionResult, in set: CriteriaSet, applying: [[Int]]) -> [Int] {
        result.kind == .undetermined ? unrecorded(applying[result.question]) : missingFacts(for: result, in: set)
    }

    /// Of `facts` (sorted), those the case does not record.
    private func unrecorded(_ facts: [Int]) -> [Int] {
        let recorded = record.facts
        // None or all of them, commonly: then no new list is made.
        if facts.allSatisfy({ recorded[$0] == nil }) { return facts }
        return facts.filter { recorded[$0] == nil }
    }

    /// The facts, sorted, whether a question applies depends on: those its conditions read, those
    /// of the conditions and computations of the questions whose answers they read (and so on),
    /// and the set fact of a `for_each` question.
    static func applicabilityFacts(_ index: Int, in set: CriteriaSet) -> [Int] {
        let question = set.questions[index]
        var facts = Set(question.applies.facts)
        if let each = question.forEach { facts.insert(each) }
        var pending = question.applies.questions
        var visited = Set<Int>()
        while let other = pending.popLast() {
            guard visited.insert(other).inserted else { continue }
            facts.formUnion(set.questions[other].applies.facts)
            facts.formUnion(set.questions[other].compute?.facts ?? [])
            pending += set.questions[other].applies.questions + (set.questions[other].compute?.questions ?? [])
        }
        return facts.sorted()
    }
}
