/// The line that says which criteria set produced a figure: stamped on every score output.
enum ScoreStamp {
    static func line(_ set: CriteriaSet) -> String {
        "\(set.title) (\(set.id) \(set.version), sha256 \(set.contentHash.prefix(12)))"
    }

    static func method(_ method: ScoringMethod) -> String {
        switch method {
        case .meanOfQuestions: return "mean of question scores"
        case .meanOfCriteria: return "mean of criterion scores"
        case .pooled: return "all sufficient ÷ all answered"
        }
    }

    /// How a criterion's score is made, when it is not the mean of its questions.
    static func criterionMethod(_ method: CriterionMethod) -> String {
        switch method {
        case .meanOfQuestions: return "mean of question scores"
        case .lowestQuestion: return "its lowest question score"
        }
    }

    /// How a tag's figures are made.
    static let tagMethod = "mean of the tagged questions' scores"

    /// "6 of 12 points; 4 criteria rated" (and how many have no score, when some have none).
    static func points(_ set: CriteriaSet, _ overall: OverallScore) -> String {
        let level = set.scoring.overall?.rates ?? .criteria
        let noun = level == .criteria ? (overall.rated == 1 ? "criterion" : "criteria") : (overall.rated == 1 ? "outcome" : "outcomes")
        return "\(overall.points) of \(overall.maximum) points; \(overall.rated) \(noun) rated"
            + (overall.unrated > 0 ? ", \(overall.unrated) without a score" : "")
    }
}
