import YAMLKit

/// Why a question applies to a case or not, and what it resolved to: each condition that decides
/// it (the outcome's, the criterion's, the question's own) with its truth in the case, and every
/// fact and answer those conditions read, with its value and where the case file gives it.
public struct Explanation: Sendable {
    public struct Condition: Sendable {
        /// "outcome public", "criterion 4.2", "question".
        public var level: String
        public var source: String
        public var words: String
        public var truth: Truth
    }

    public struct Input: Sendable {
        /// A fact name, or `answer('id')`.
        public var name: String
        /// The value in the case, or nil when the case does not record it.
        public var value: String?
        public var location: SourceLocation?
    }

    public var caseID: String
    public var question: Int
    public var conditions: [Condition]
    public var inputs: [Input]
    public var results: [QuestionResult]
    public var computation: String?
    /// For a computed question: each day count it works out, with its value in the case (nil when
    /// a fact it needs is not recorded), and the answer it computes (nil when it cannot).
    public var working: (measures: [(source: String, unit: String, value: Int?)], answer: Int?)?

    public init(_ evaluation: CaseEvaluation, question index: Int, set: CriteriaSet) {
        let question = set.questions[index]
        let values = evaluation.values
        let record = evaluation.record
        var conditions: [Condition] = []
        var facts = Set<Int>()
        var questions = Set<Int>()
        for (level, condition) in set.conditions(ofQuestion: index) {
            guard let condition else {
                conditions.append(Condition(level: level, source: "always", words: "applies to every case", truth: .true))
                continue
            }
            conditions.append(Condition(
                level: level, source: condition.source, words: PlainWords.describe(condition.source, in: set),
                truth: condition(values)))
            facts.formUnion(condition.facts)
            questions.formUnion(condition.questions)
        }
        if let compute = question.compute {
            facts.formUnion(compute.facts)
            questions.formUnion(compute.questions)
        }
        if let each = question.forEach { facts.insert(each) }
        var inputs = facts.sorted().map { fact in
            Input(name: set.facts[fact].name, value: record.facts[fact].map { $0.text(set.facts[fact]) },
                  location: record.positions.facts[fact].map(record.location))
        }
        for other in questions.sorted() {
            let text: String
            switch values.answers[other] {
            case .option(let option): text = set.scales[set.questions[other].scale].options[option]
            case .unknown: text = "unknown (unanswered or undetermined)"
            case .absent: text = "absent (the question does not apply)"
            }
            inputs.append(Input(name: "answer('\(set.questions[other].id)')", value: text,
                                location: record.positions.answers[other].map(record.location)))
        }
        caseID = record.id
        self.question = index
        self.conditions = conditions
        self.inputs = inputs
        results = evaluation.results.filter { $0.question == index }
        computation = question.compute?.source
        working = question.compute.map { compute in
            (measures: compute.measures.map { (source: $0.source, unit: $0.unit, value: $0(values)) }, answer: compute(values))
        }
    }
}
