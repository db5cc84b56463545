/// The outline `caseaudit rules show` prints: outcome → criterion → question, with applicability.
public enum RulesOutline {
    public static func render(_ set: CriteriaSet) -> String {
        var out = "\(set.title) (\(set.id) \(set.version))\n"
        let derivation = set.derivation
        func mark(_ kind: ItemKind, _ id: String) -> String {
            derivation?.mark(kind, id).map { "  {\($0)}" } ?? ""
        }
        if let derivation {
            out += "Derived from \(derivation.base) \(derivation.baseVersion); changes are marked {…}.\n"
            if !derivation.removed.isEmpty {
                out += "Removed: " + derivation.removed.map { "\($0.kind.rawValue) \($0.id)" }.joined(separator: ", ") + "\n"
            }
        }
        for (outcomeIndex, outcome) in set.outcomes.enumerated() {
            out += "\n\(outcome.title) [\(outcome.id)]"
            if let applies = outcome.applies { out += "  applies: \(applies.source)" }
            out += mark(.outcome, outcome.id)
            out += "\n"
            for (criterionIndex, criterion) in set.criteria.enumerated() where criterion.outcome == outcomeIndex {
                out += "  \(criterion.id) \(criterion.title)"
                if let applies = criterion.applies { out += "  applies: \(applies.source)" }
                out += mark(.criterion, criterion.id)
                out += "\n"
                for question in set.questions where question.criterion == criterionIndex {
                    var tags: [String] = [set.scales[question.scale].name]
                    if !question.scored { tags.append("descriptive") }
                    if let fact = question.forEach { tags.append("for each \(set.facts[fact].name)") }
                    if !question.alsoScores.isEmpty { tags.append("also scores " + question.alsoScores.map { set.outcomes[$0].id }.joined(separator: ", ")) }
                    if question.compute != nil { tags.append("computed") }
                    out += "    \(question.id)  \(question.text)  [\(tags.joined(separator: "; "))]\(mark(.question, question.id))\n"
                    if let applies = question.ownApplies { out += "      applies: \(applies.source)\n" }
                    if let compute = question.compute { out += "      compute: \(compute.source)\n" }
                }
            }
        }
        return out
    }
}
