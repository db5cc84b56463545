/// An outcome's key strengths and key areas for improvement, as in the published reports: its
/// highest-scoring questions at or above the outcome's score, and its lowest-scoring questions
/// below it, among the scored questions that enter the outcome's score with a base of at least the
/// set's `min_base`. At most three of each; ties go to the larger base, then to set order.
struct ReportHighlights {
    static let limit = 3

    var strengths: [QuestionScore]
    var improvements: [QuestionScore]

    init(_ card: Scorecard, outcome: Int) {
        let set = card.set
        guard let outcomeScore = card.outcomes[outcome].score else {
            strengths = []
            improvements = []
            return
        }
        let eligible: [(figure: QuestionScore, score: Double)] = set.questions.indices.compactMap { index in
            let question = set.questions[index]
            let figure = card.questions[index]
            guard question.scored, let score = figure.score, figure.base >= set.scoring.minBase,
                  set.criteria[question.criterion].outcome == outcome || question.alsoScores.contains(outcome)
            else { return nil }
            return (figure, score)
        }
        func ranked(_ items: [(figure: QuestionScore, score: Double)], highestFirst: Bool) -> [QuestionScore] {
            items.sorted { left, right in
                if left.score != right.score { return highestFirst ? left.score > right.score : left.score < right.score }
                if left.figure.base != right.figure.base { return left.figure.base > right.figure.base }
                return left.figure.question < right.figure.question
            }.prefix(Self.limit).map(\.figure)
        }
        // Compared as shown (tenths of a percent), so a question shown level with the outcome is a strength.
        let line = Percent.tenths(outcomeScore)
        strengths = ranked(eligible.filter { Percent.tenths($0.score) >= line }, highestFirst: true)
        improvements = ranked(eligible.filter { Percent.tenths($0.score) < line }, highestFirst: false)
    }

    /// "Key strengths", or "Key strength" for one.
    var strengthsHeading: String { strengths.count == 1 ? "Key strength" : "Key strengths" }

    /// "Key areas for improvement", or "Key area for improvement" for one.
    var improvementsHeading: String { improvements.count == 1 ? "Key area for improvement" : "Key areas for improvement" }
}
