/// How a gap is described in every output format.
enum GapWords {
    /// "Plan not sufficient", "no answer", "cannot tell whether it applies: RoSH classification not recorded".
    static func answer(_ gap: Gap, _ set: CriteriaSet) -> String {
        // The question's fields are read in place, not copied: this runs for every gap.
        switch gap.result {
        case .insufficient:
            guard case .option(let option)? = gap.answer else { return "insufficient" }
            return set.scales[set.questions[gap.question].scale].label(of: option) + (gap.computed ? " (computed)" : "")
        case .unanswered:
            if set.questions[gap.question].compute != nil { return "cannot be computed: " + missing(gap, set) }
            return "no answer"
        case .undetermined:
            return "cannot tell whether it applies: " + missing(gap, set)
        case .invalid:
            if case .invalid(let text)? = gap.answer { return "'\(text)' is not an answer to this question" }
            return "invalid answer"
        case .sufficient, .notApplicable, .descriptive:
            return gap.result.words
        }
    }

    /// "practice", "recording", or what the gap is about when it is not a judgement.
    static func kind(_ gap: Gap) -> String {
        if let kind = gap.kind { return kind.rawValue }
        return gap.result == .insufficient ? "practice" : "audit record"
    }

    private static func missing(_ gap: Gap, _ set: CriteriaSet) -> String {
        if gap.missingFacts.isEmpty { return "an answer it depends on is missing" }
        return ShortList.text(gap.missingFacts) { set.facts[$0].name } + " not recorded"
    }
}
