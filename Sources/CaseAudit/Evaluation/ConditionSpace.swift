/// Every truth a condition can take over the values it reads that are left open: the answers it
/// reads (each option of the scale, or absent), and, when asked, its facts (each value, or not
/// recorded). Only facts with a small finite domain can be tried (bool, enum, ordinal, sets of at
/// most 12 values); a condition reading any other fact gives nil (not known) when facts are open.
///
/// The values are tried in place and put back: copying a case's answers for each question tried
/// would cost the square of the number of questions.
enum ConditionSpace {
    /// The most combinations tried; a larger space gives nil (not known).
    static let limit = 1 << 16

    static func truths(
        _ condition: CompiledCondition, _ set: CriteriaSet, trying values: inout CaseValues, openFacts: Bool
    ) -> Set<Truth>? {
        var dimensions: [(apply: (inout CaseValues, Int) -> Void, count: Int)] = []
        if openFacts {
            // Each fact takes each of its values, and "not recorded" (the last index) too.
            for fact in condition.facts {
                let model = set.facts[fact]
                switch model.type {
                case .bool: dimensions.append(({ $0.facts[fact] = $1 == 2 ? nil : .bool($1 == 1) }, 3))
                case .enum, .ordinal:
                    let count = model.values.count
                    dimensions.append(({ $0.facts[fact] = $1 == count ? nil : .option($1) }, count + 1))
                case .set where model.values.count <= 12:
                    let count = 1 << model.values.count
                    dimensions.append(({ $0.facts[fact] = $1 == count ? nil : .set(UInt64($1)) }, count + 1))
                case .set, .int, .date, .string:
                    return nil  // a number, date or text cannot be tried value by value
                }
            }
        }
        for question in condition.questions {
            let options = set.scales[set.questions[question].scale].options.count
            dimensions.append(({ $0.answers[question] = $1 == options ? .absent : .option($1) }, options + 1))
        }
        var total = 1
        for dimension in dimensions {
            total *= dimension.count
            if total > limit { return nil }
        }
        let facts = openFacts ? condition.facts.map { values.facts[$0] } : []
        let answers = condition.questions.map { values.answers[$0] }
        defer {
            for (fact, value) in zip(condition.facts, facts) { values.facts[fact] = value }
            for (question, state) in zip(condition.questions, answers) { values.answers[question] = state }
        }
        var truths = Set<Truth>()
        for combination in 0..<total {
            var rest = combination
            for dimension in dimensions {
                dimension.apply(&values, rest % dimension.count)
                rest /= dimension.count
            }
            truths.insert(condition(values))
            if truths.count == 3 { break }
        }
        return truths
    }
}
