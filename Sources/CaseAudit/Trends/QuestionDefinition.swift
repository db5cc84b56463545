/// What makes a question's figures comparable across sets: where it is scored, when it applies,
/// its scale and which options are sufficient, and how it is computed. Two rounds whose sets give a
/// question the same definition measured the same thing; its wording may differ.
public enum QuestionDefinition {
    /// The definition as text (stored with each round).
    public static func text(_ set: CriteriaSet, _ index: Int) -> String {
        let question = set.questions[index]
        let scale = set.scales[question.scale]
        let criterion = set.criteria[question.criterion]
        return [
            "outcome " + set.outcomes[criterion.outcome].id,
            "also " + question.alsoScores.map { set.outcomes[$0].id }.joined(separator: ","),
            "scored \(question.scored)",
            "applies " + question.applies.source,
            "for_each " + (question.forEach.map { set.facts[$0].name } ?? ""),
            "options " + scale.options.joined(separator: ","),
            "sufficient " + scale.sufficient.sorted().map { scale.options[$0] }.joined(separator: ","),
            "compute " + (question.compute?.source ?? ""),
        ].joined(separator: "\n")
    }

    /// The definitions of the questions a subject is made of under a set: an outcome's and a
    /// criterion's scored questions (with `also_scores`), or the question itself.
    public static func members(_ set: CriteriaSet, _ subject: TrendSubject) -> [String: String] {
        var members: [String: String] = [:]
        for (index, question) in set.questions.enumerated() {
            let criterion = set.criteria[question.criterion]
            let belongs: Bool
            switch subject {
            case .outcome(let id):
                belongs = question.scored
                    && (set.outcomes[criterion.outcome].id == id || question.alsoScores.contains { set.outcomes[$0].id == id })
            case .criterion(let id): belongs = question.scored && criterion.id == id
            case .question(let id): belongs = question.id == id
            }
            if belongs { members[question.id] = text(set, index) }
        }
        return members
    }
}
