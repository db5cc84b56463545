/// A tally's counts as plain arrays, to store a round and read it back (`caseaudit history`).
extension Tally {
    /// Every count of a tally, indexed like the set it was made under.
    public struct Counts: Sendable, Equatable {
        public var cases: Int
        /// `results[question][kind]`, kinds in ``ResultKind/allCases`` order.
        public var results: [[Int]]
        /// `options[question][option]`: answers per option, over applicable answered instances.
        public var options: [[Int]]
        /// For `for_each` questions: `elements[question][element][kind]`.
        public var elements: [Int: [[Int]]]
        /// For each set fact a `for_each` question runs over: cases having each element.
        public var elementCases: [Int: [Int]]
        public var criterionCases: [Int]
        public var outcomeCases: [Int]
        /// Cases with a sufficient or insufficient answer among a tag's questions: per tag, and
        /// `tagCriterionCases[tag][criterion]`.
        public var tagCases: [Int]
        public var tagCriterionCases: [[Int]]

        public init(
            cases: Int, results: [[Int]], options: [[Int]], elements: [Int: [[Int]]], elementCases: [Int: [Int]],
            criterionCases: [Int], outcomeCases: [Int], tagCases: [Int], tagCriterionCases: [[Int]]
        ) {
            self.tagCases = tagCases
            self.tagCriterionCases = tagCriterionCases
            self.cases = cases
            self.results = results
            self.options = options
            self.elements = elements
            self.elementCases = elementCases
            self.criterionCases = criterionCases
            self.outcomeCases = outcomeCases
        }
    }

    /// The `for_each` questions, the keys of ``Counts/elements``.
    private var perElementQuestions: [Int] { self.set.questions.indices.filter { self.set.questions[$0].forEach != nil } }

    /// The tally's counts.
    public var counts: Counts {
        let kinds = ResultKind.allCases.count
        return Counts(
            cases: cases,
            results: set.questions.indices.map { Array(results[($0 * kinds)..<(($0 + 1) * kinds)]) },
            options: options,
            elements: Dictionary(uniqueKeysWithValues: perElementQuestions.map { question in
                let flat = elements[question]
                return (question, stride(from: 0, to: flat.count, by: kinds).map { Array(flat[$0..<($0 + kinds)]) })
            }),
            elementCases: elementCases, criterionCases: criterionCases, outcomeCases: outcomeCases, tagCases: tagCases,
            tagCriterionCases: tagCases.indices.map { tag in
                Array(tagCriterionCases[(tag * set.criteria.count)..<((tag + 1) * set.criteria.count)])
            })
    }

    /// A tally holding `counts`; nil when their shape does not fit the set (counts made under
    /// another set).
    public init?(_ set: CriteriaSet, counts: Counts) {
        self.init(set)
        let kinds = ResultKind.allCases.count
        guard counts.results.count == set.questions.count, counts.results.allSatisfy({ $0.count == kinds }),
              counts.options.map(\.count) == options.map(\.count),
              Set(counts.elements.keys) == Set(perElementQuestions),
              counts.elements.allSatisfy({ question, rows in
                  rows.count * kinds == elements[question].count && rows.allSatisfy { $0.count == kinds }
              }),
              counts.elementCases.mapValues(\.count) == elementCases.mapValues(\.count),
              counts.criterionCases.count == criterionCases.count, counts.outcomeCases.count == outcomeCases.count,
              counts.tagCases.count == tagCases.count, counts.tagCriterionCases.count == tagCases.count,
              counts.tagCriterionCases.allSatisfy({ $0.count == set.criteria.count })
        else { return nil }
        cases = counts.cases
        results = counts.results.flatMap { $0 }
        options = counts.options
        for (question, rows) in counts.elements { elements[question] = rows.flatMap { $0 } }
        elementCases = counts.elementCases
        criterionCases = counts.criterionCases
        outcomeCases = counts.outcomeCases
        tagCases = counts.tagCases
        tagCriterionCases = counts.tagCriterionCases.flatMap { $0 }
    }
}
