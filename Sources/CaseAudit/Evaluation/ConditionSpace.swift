/// Every truth a condition can take over the values it reads that are left open: the answers it
/// reads (each option of the scale, or absent), and, when asked, the facts with a finite domain
/// (bool, enum, ordinal, and sets of at most 12 values). Other facts stay as given (or unknown).
enum ConditionSpace {
    /// The most combinations tried; a larger space gives nil (not known).
    static let limit = 1 << 16

    static func truths(
        _ condition: CompiledCondition, _ set: CriteriaSet, base: CaseValues, openFacts: Bool
    ) -> Set<Truth>? {
        var dimensions: [(apply: (inout CaseValues, Int) -> Void, count: Int)] = []
        if openFacts {
            for fact in condition.facts {
                let model = set.facts[fact]
                switch model.type {
                case .bool: dimensions.append(({ $0.facts[fact] = .bool($1 == 1) }, 2))
                case .enum, .ordinal: dimensions.append(({ $0.facts[fact] = .option($1) }, model.values.count))
                case .set where model.values.count <= 12:
                    dimensions.append(({ $0.facts[fact] = .set(UInt64($1)) }, 1 << model.values.count))
                case .set, .int, .date, .string: continue
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
        var values = base
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
