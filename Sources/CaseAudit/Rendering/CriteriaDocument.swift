/// The criteria document a person reads (`caseaudit rules doc`): every question with its text,
/// options, which count as sufficient, and when it applies, in plain words; then the case facts.
public enum CriteriaDocument {
    public static func markdown(_ set: CriteriaSet) -> String {
        var out = "# \(set.title)\n\n"
        out += "Criteria set `\(set.id)`, version \(set.version)"
        if let effective = set.effective { out += ", effective \(effective)" }
        out += ".  \nSHA-256 of its normalised content: `\(set.contentHash)`.\n\n"
        if let source = set.source { out += "Source: \(source)\n\n" }
        if let derivation = set.derivation { out += derivationSection(derivation) }
        let method: String
        switch set.scoring.method {
        case .meanOfQuestions: method = "the mean of the scores of its questions"
        case .meanOfCriteria: method = "the mean of the scores of its criteria (and of the questions of other outcomes that also count toward it)"
        case .pooled: method = "all sufficient answers divided by all answered, over its questions"
        }
        out += "A question's score is the share of its applicable, answered cases judged sufficient. An outcome's score is \(method). "
        if set.scoring.criterionMethod == .lowestQuestion { out += "A criterion's score is its lowest question score. " }
        out += "Figures with a base below \(set.scoring.minBase) are flagged.\n\n"
        if !set.scoring.bands.isEmpty {
            let levels = RatedLevel.allCases.filter { set.scoring.bands($0) }.map(\.rawValue).joined(separator: " and ")
            out += "Ratings of \(levels), by the score as shown (one decimal):\n\n"
            out += "| Rating | Score at least |" + (set.scoring.overall != nil ? " Points |" : "") + "\n|---|---|" + (set.scoring.overall != nil ? "---|" : "") + "\n"
            for (index, band) in set.scoring.bands.enumerated() {
                out += "| \(band.label) | \(format(band.minimum)) % |" + (set.scoring.overall.map { " \($0.points[index]) |" } ?? "") + "\n"
            }
            out += "\n"
        }
        if let overall = set.scoring.overall {
            out += "Overall rating: the sum of the points of each \(overall.rates == .criteria ? "criterion" : "outcome")'s rating:\n\n| Overall rating | Points at least |\n|---|---|\n"
            for band in overall.bands { out += "| \(band.label) | \(format(band.minimum)) |\n" }
            out += "\n"
        }
        if !set.tags.isEmpty {
            out += "Tags (lenses), each also scored across criteria: " + set.tags.map { "\($0.label) (`\($0.name)`)" }.joined(separator: ", ") + ".\n\n"
        }
        for (outcomeIndex, outcome) in set.outcomes.enumerated() {
            out += "## \(outcome.title)\n\n" + changed(.outcome, outcome.id, in: set)
            if let applies = outcome.applies { out += "Applies when: \(PlainWords.describe(applies.source, in: set)).\n\n" }
            for (criterionIndex, criterion) in set.criteria.enumerated() where criterion.outcome == outcomeIndex {
                out += "### \(criterion.id) \(criterion.title)\n\n" + changed(.criterion, criterion.id, in: set)
                if let applies = criterion.applies { out += "Applies when: \(PlainWords.describe(applies.source, in: set)).\n\n" }
                for question in set.questions where question.criterion == criterionIndex {
                    out += entry(for: question, in: set)
                }
            }
            let shared = set.questions.filter { $0.alsoScores.contains(outcomeIndex) }
            if !shared.isEmpty {
                out += "Also counted in this outcome: " + shared.map { "`\($0.id)`" }.joined(separator: ", ") + ".\n\n"
            }
        }
        return out + CaseFactsOutline.markdown(set)
    }

    private static func entry(for question: Question, in set: CriteriaSet) -> String {
        let scale = set.scales[question.scale]
        var out = "#### `\(question.id)`\n\n" + changed(.question, question.id, in: set) + "\(question.text)\n\n"
        let options = scale.options.indices.map { index -> String in
            let label = scale.label(of: index)
            guard question.scored else { return label }
            return scale.sufficient.contains(index) ? "**\(label)** (sufficient)" : label
        }
        out += "- Answers: \(options.joined(separator: " · "))\n"
        if !question.scored { out += "- Descriptive: recorded and reported, not scored.\n" }
        if !question.tags.isEmpty { out += "- Tags: " + question.tags.map { set.tags[$0].label }.joined(separator: ", ") + ".\n" }
        if let applies = question.ownApplies {
            out += "- Applies when: \(PlainWords.describe(applies.source, in: set)).\n"
        } else {
            out += "- Applies to every case in its criterion.\n"
        }
        if let fact = question.forEach { out += "- Asked once for each of the case's \(set.facts[fact].label.lowercased()).\n" }
        if let compute = question.compute { out += "- Computed: \(PlainWords.describe(compute.source, in: set)).\n" }
        if !question.alsoScores.isEmpty {
            out += "- Also counts toward: " + question.alsoScores.map { set.outcomes[$0].title }.joined(separator: ", ") + ".\n"
        }
        if let gap = question.gap { out += "- Gap: \(gap)\n" }
        if let guidance = question.guidance { out += "- Guidance: \(guidance)\n" }
        return out + "\n"
    }

    /// What a derived set changed in its base, before the outline.
    private static func derivationSection(_ derivation: Derivation) -> String {
        var out = "Derived from `\(derivation.base)` version \(derivation.baseVersion) (\(derivation.baseTitle)). What the derivation changed is marked _Changed_ below.\n\n"
        if !derivation.removed.isEmpty {
            out += "Removed from the base: " + derivation.removed.map { "\($0.kind.rawValue) `\($0.id)`" }.joined(separator: ", ") + ".\n\n"
        }
        if !derivation.renamed.isEmpty {
            out += "Renamed: " + derivation.renamed.map { "\($0.kind.rawValue) `\($0.old)` → `\($0.new)`" }.joined(separator: ", ")
                + " (case files using the old ids still load, with a warning).\n\n"
        }
        return out
    }

    /// "_Changed: renamed from x; overridden: applies._" for an item the derivation changed.
    private static func changed(_ kind: ItemKind, _ id: String, in set: CriteriaSet) -> String {
        guard let mark = set.derivation?.mark(kind, id) else { return "" }
        return "_Changed: \(mark)._\n\n"
    }

    private static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
