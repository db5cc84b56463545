/// The one-line summary `caseaudit rules check` prints for a valid set.
public enum RulesSummary {
    public static func render(_ set: CriteriaSet) -> String {
        let scored = set.questions.filter(\.scored).count
        let perElement = set.questions.filter { $0.forEach != nil }.count
        return "\(set.id) \(set.version): \(set.outcomes.count) outcomes, \(set.criteria.count) criteria, "
            + "\(set.questions.count) questions (\(scored) scored, \(set.questions.count - scored) descriptive, \(perElement) per element), "
            + "\(set.facts.count) facts, \(set.predicates.count) predicates, \(set.scales.count) scales, \(set.checks.count) checks; "
            + "sha256 \(set.contentHash)\n"
    }
}
