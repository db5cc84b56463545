/// What a case form shows for each question of a case, decided by the evaluator: whether it
/// applies (and to which elements), why not, which facts would decide it, its computed answer;
/// and how complete the case is.
public struct CaseFormState: Sendable {
    /// Whether a question is asked in the form.
    public enum Applicability: Sendable, Hashable {
        case applies
        /// Asked only depending on other answers not given yet: the conditions, as written.
        case dependsOnAnswers(String)
        /// Not asked: each condition that is false, in the words of `explain`.
        case notApplicable(reasons: [String])
        /// Cannot be decided until these facts (indexes) are recorded.
        case undetermined(missing: [Int])
    }

    public struct QuestionState: Sendable {
        public var question: Int
        public var applicability: Applicability
        /// For a `for_each` question that applies: the elements the case has, in domain order.
        public var elements: [Int]
        /// For a computed question: the computed option, when the facts it reads are recorded.
        public var computed: Int?

        /// True when the form asks for an answer.
        public var isAsked: Bool {
            switch applicability {
            case .applies, .dependsOnAnswers: return true
            case .notApplicable, .undetermined: return false
            }
        }
    }

    public let evaluation: CaseEvaluation
    /// One per question of the set, in its order.
    public let questions: [QuestionState]
    /// Applicable question instances that take a hand answer, and how many have one.
    public let applicable: Int
    public let answered: Int

    public init(set: CriteriaSet, record: CaseRecord) {
        let evaluation = Evaluator(set).evaluate(record)
        self.evaluation = evaluation
        var byQuestion = [[QuestionResult]](repeating: [], count: set.questions.count)
        for result in evaluation.results { byQuestion[result.question].append(result) }
        var applicable = 0
        var answered = 0
        questions = byQuestion.enumerated().map { index, results in
            let question = set.questions[index]
            var state = QuestionState(question: index, applicability: .applies, elements: [], computed: nil)
            switch results.first?.kind {
            case .notApplicable?:
                let reasons = ApplicabilityReason.notes(index, values: evaluation.values, record: record, set: set).map(\.message)
                state.applicability = .notApplicable(reasons: reasons)
            case .undetermined?:
                let missing = evaluation.missingFacts(for: results[0], in: set)
                let conditions = set.conditions(ofQuestion: index).compactMap { $0.condition?.source }.joined(separator: " and ")
                state.applicability = missing.isEmpty ? .dependsOnAnswers(conditions) : .undetermined(missing: missing)
            default:
                state.elements = results.compactMap(\.element)
                if question.compute != nil {
                    if case .option(let option)? = results.first?.answer { state.computed = option }
                } else {
                    applicable += results.count
                    answered += results.filter { $0.answer != nil }.count
                }
            }
            return state
        }
        self.applicable = applicable
        self.answered = answered
    }

    /// The record without answers the form does not ask for: answers to questions that do not
    /// apply, and `for_each` answers for elements the case does not have (the evaluator would not
    /// use them). Returns the ids of what was left out. Notes are kept.
    public func withoutUnaskedAnswers(in set: CriteriaSet) -> (record: CaseRecord, dropped: [String]) {
        var record = evaluation.record
        var dropped: [String] = []
        for state in questions {
            guard let answer = record.answers[state.question] else { continue }
            let question = set.questions[state.question]
            if case .notApplicable = state.applicability {
                record.answers[state.question] = nil
                dropped.append(question.id)
            } else if case .perElement(let list) = answer, let each = question.forEach, case .set(let bits)? = record.facts[each] {
                let kept = list.filter { bits & (1 << UInt64($0.element)) != 0 }
                for element in list where bits & (1 << UInt64(element.element)) == 0 {
                    dropped.append(set.instanceID(state.question, element: element.element))
                }
                record.answers[state.question] = kept.isEmpty ? nil : .perElement(kept)
            }
        }
        return (record, dropped)
    }
}
