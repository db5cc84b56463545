/// Streaming counts over evaluated cases: everything a score table needs, and nothing per case, so
/// memory does not grow with the number of cases.
public struct Tally: Sendable {
    public internal(set) var cases = 0
    /// Result counts, question-major: `results[question * ResultKind.allCases.count + kind]`.
    var results: [Int]
    /// Answer counts per option, over applicable answered instances: `options[question][option]`.
    public internal(set) var options: [[Int]]
    /// For `for_each` questions: result counts per element, `elements[question][element * kinds + kind]`
    /// (empty for the other questions: an array by question, since a dictionary costs a hash and a
    /// copy-on-write check per count).
    var elements: [[Int]]
    /// For each set fact that a `for_each` question runs over: cases having each element.
    public internal(set) var elementCases: [Int: [Int]] {
        get { Dictionary(uniqueKeysWithValues: zip(elementFacts, elementCaseRows)) }
        set { elementCaseRows = elementFacts.map { newValue[$0] ?? [] } }
    }
    /// `elementCases` by place in `elementFacts`.
    private var elementCaseRows: [[Int]]
    /// Cases with at least one sufficient or insufficient answer, per criterion and per outcome
    /// (counting `also_scores`).
    public internal(set) var criterionCases: [Int]
    public internal(set) var outcomeCases: [Int]
    /// Cases with at least one sufficient or insufficient answer among a tag's questions: over the
    /// set (`tagCases[tag]`) and per criterion (`tagCriterionCases[tag * criteria + criterion]`).
    public internal(set) var tagCases: [Int]
    public internal(set) var tagCriterionCases: [Int]

    private static let kinds = ResultKind.allCases.count
    let set: CriteriaSet
    /// The keys of `elementCases`, in order.
    private let elementFacts: [Int]
    /// What counting a scored answer of each question adds to, taken from the set once (copying a
    /// `Question` per answer costs more than the counting).
    private let plans: [Plan]
    /// Every question's `alsoScores` and `tags`, one after another (`Plan` holds ranges of them, so
    /// reading a plan copies no array).
    private let alsoScores: [Int]
    private let tags: [Int]

    private struct Plan: Sendable {
        let criterion: Int
        let outcome: Int
        let alsoScores: Range<Int>
        let tags: Range<Int>
    }

    public init(_ set: CriteriaSet) {
        self.set = set
        results = Array(repeating: 0, count: set.questions.count * Self.kinds)
        options = set.questions.map { Array(repeating: 0, count: set.scales[$0.scale].options.count) }
        var elements: [[Int]] = Array(repeating: [], count: set.questions.count)
        var elementCases: [Int: [Int]] = [:]
        for (index, question) in set.questions.enumerated() {
            guard let fact = question.forEach else { continue }
            let size = set.facts[fact].values.count
            elements[index] = Array(repeating: 0, count: size * Self.kinds)
            elementCases[fact] = Array(repeating: 0, count: size)
        }
        self.elements = elements
        elementFacts = elementCases.keys.sorted()
        elementCaseRows = elementFacts.map { elementCases[$0] ?? [] }
        var alsoScores: [Int] = []
        var tags: [Int] = []
        plans = set.questions.map { question in
            let (also, tagged) = (alsoScores.count, tags.count)
            alsoScores += question.alsoScores
            tags += question.tags
            return Plan(criterion: question.criterion, outcome: set.criteria[question.criterion].outcome,
                        alsoScores: also..<alsoScores.count, tags: tagged..<tags.count)
        }
        self.alsoScores = alsoScores
        self.tags = tags
        criterionCases = Array(repeating: 0, count: set.criteria.count)
        outcomeCases = Array(repeating: 0, count: set.outcomes.count)
        tagCases = Array(repeating: 0, count: set.tags.count)
        tagCriterionCases = Array(repeating: 0, count: set.tags.count * set.criteria.count)
    }

    /// Adds one evaluated case.
    public mutating func add(_ evaluation: CaseEvaluation) {
        cases += 1
        var criteriaSeen = [Bool](repeating: false, count: set.criteria.count)
        var outcomesSeen = [Bool](repeating: false, count: set.outcomes.count)
        var tagsSeen = [Bool](repeating: false, count: tagCriterionCases.count)
        // By index and field: a result taken whole is copied, with the text of an invalid answer.
        let all = evaluation.results
        for index in all.indices {
            let question = all[index].question
            let resultKind = all[index].kind
            let kind = resultKind.index
            results[question * Self.kinds + kind] += 1
            if case .option(let option)? = all[index].answer {
                options[question][option] += 1
            }
            if let element = all[index].element, !elements[question].isEmpty {
                elements[question][element * Self.kinds + kind] += 1
            }
            guard resultKind == .sufficient || resultKind == .insufficient else { continue }
            let plan = plans[question]
            criteriaSeen[plan.criterion] = true
            outcomesSeen[plan.outcome] = true
            for place in plan.alsoScores { outcomesSeen[alsoScores[place]] = true }
            for place in plan.tags { tagsSeen[tags[place] * set.criteria.count + plan.criterion] = true }
        }
        for (place, fact) in elementFacts.enumerated() {
            guard case .set(var bits) = evaluation.record.facts[fact] else { continue }
            while bits != 0 {
                elementCaseRows[place][bits.trailingZeroBitCount] += 1
                bits &= bits - 1
            }
        }
        for index in criteriaSeen.indices where criteriaSeen[index] { criterionCases[index] += 1 }
        for index in outcomesSeen.indices where outcomesSeen[index] { outcomeCases[index] += 1 }
        for tag in tagCases.indices {
            let row = tag * set.criteria.count
            var any = false
            for criterion in set.criteria.indices where tagsSeen[row + criterion] {
                tagCriterionCases[row + criterion] += 1
                any = true
            }
            if any { tagCases[tag] += 1 }
        }
    }

    /// Adds the counts of another tally of the same set (of other cases).
    public mutating func merge(_ other: Tally) {
        cases += other.cases
        for index in results.indices { results[index] += other.results[index] }
        for question in options.indices {
            for option in options[question].indices { options[question][option] += other.options[question][option] }
        }
        for (question, counts) in other.elements.enumerated() {
            for index in counts.indices { elements[question][index] += counts[index] }
        }
        for (place, counts) in other.elementCaseRows.enumerated() {
            for index in counts.indices { elementCaseRows[place][index] += counts[index] }
        }
        for index in criterionCases.indices { criterionCases[index] += other.criterionCases[index] }
        for index in outcomeCases.indices { outcomeCases[index] += other.outcomeCases[index] }
        for index in tagCases.indices { tagCases[index] += other.tagCases[index] }
        for index in tagCriterionCases.indices { tagCriterionCases[index] += other.tagCriterionCases[index] }
    }

    /// How many instances of a question had this result.
    public func count(_ kind: ResultKind, question: Int) -> Int { results[question * Self.kinds + kind.index] }

    /// How many instances of a `for_each` question for one element had this result.
    public func count(_ kind: ResultKind, question: Int, element: Int) -> Int {
        let index = element * Self.kinds + kind.index
        return elements.indices.contains(question) && elements[question].indices.contains(index) ? elements[question][index] : 0
    }
}

extension ResultKind {
    /// Position in `allCases`.
    var index: Int {
        switch self {
        case .sufficient: return 0
        case .insufficient: return 1
        case .notApplicable: return 2
        case .unanswered: return 3
        case .undetermined: return 4
        case .invalid: return 5
        case .descriptive: return 6
        }
    }
}
