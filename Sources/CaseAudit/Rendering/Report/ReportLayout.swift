/// Which questions and tables go where in the report, the same for HTML and Markdown.
enum ReportLayout {
    /// Questions answered on one scale, scored or descriptive: one "answers by option" chart.
    struct OptionGroup {
        var scale: Int
        var scored: Bool
        var questions: [Int]
    }

    /// A criterion's own questions, in set order.
    static func questions(_ set: CriteriaSet, criterion: Int) -> [Int] {
        set.questions.indices.filter { set.questions[$0].criterion == criterion }
    }

    /// The questions shown answer by answer: scored questions on a scale of more than two options,
    /// and descriptive questions, grouped by scale in order of first appearance.
    static func optionGroups(_ set: CriteriaSet, _ questions: [Int]) -> [OptionGroup] {
        var groups: [OptionGroup] = []
        for index in questions {
            let question = set.questions[index]
            guard !question.scored || set.scales[question.scale].options.count > 2 else { continue }
            if let at = groups.firstIndex(where: { $0.scale == question.scale && $0.scored == question.scored }) {
                groups[at].questions.append(index)
            } else {
                groups.append(OptionGroup(scale: question.scale, scored: question.scored, questions: [index]))
            }
        }
        return groups
    }

    /// The outcome whose chapter holds a factor table: that of its first question's criterion.
    static func outcome(of table: ElementTable, _ set: CriteriaSet) -> Int? {
        table.questions.first.map { set.criteria[set.questions[$0].criterion].outcome }
    }
}
