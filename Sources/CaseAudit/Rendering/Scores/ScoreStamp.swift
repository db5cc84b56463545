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
}
