/// Warnings about a criteria set that loads: things that are allowed but almost always slips.
public enum RulesLint {
    public static func warnings(_ set: CriteriaSet) -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        var open = openValues(set)
        for question in set.questions {
            if neverApplies(question.applies, set, trying: &open) {
                warnings.append(Diagnostic(
                    .warning, code: "rules.never-applies",
                    "question \(question.id) can never apply: no case satisfies \(question.applies.source)",
                    at: question.location))
            }
            if question.scored, question.gap == nil {
                warnings.append(Diagnostic(
                    .warning, code: "rules.missing-gap",
                    "question \(question.id) has no 'gap' sentence: its gaps will be listed without one", at: question.location))
            }
            if !question.scored, question.gap != nil {
                warnings.append(Diagnostic(
                    .warning, code: "rules.gap-on-descriptive",
                    "question \(question.id) is descriptive (scored: false) and has no gaps, so its 'gap' sentence is never shown",
                    at: question.location))
            }
        }
        let used = Set(set.questions.map(\.scale))
        for (index, scale) in set.scales.enumerated() where !used.contains(index) {
            warnings.append(Diagnostic(
                .warning, code: "rules.unused-scale", "scale \(scale.name) is used by no question", at: scale.location))
        }
        return warnings
    }

    /// True when every combination of the values the condition reads (each fact's values, or not
    /// recorded; each answer's options, or absent) makes it false: a proof. A condition reading a
    /// number, a date, a text or a large set, or too large to try, is never reported.
    /// `open`: ``openValues(_:)``, tried in place and left as it was.
    private static func neverApplies(_ condition: CompiledCondition, _ set: CriteriaSet, trying open: inout CaseValues) -> Bool {
        // Every fact state is tried, "not recorded" included, so an unknown result is a real case
        // where the question is undetermined, not a value left untried: only `true` means it applies.
        guard let truths = ConditionSpace.truths(condition, set, trying: &open, openFacts: true) else { return false }
        return !truths.contains(.true)
    }

    /// No fact recorded and no answer known: what ``neverApplies(_:_:trying:)`` starts from.
    private static func openValues(_ set: CriteriaSet) -> CaseValues {
        CaseValues(facts: Array(repeating: nil, count: set.facts.count), answers: Array(repeating: .unknown, count: set.questions.count))
    }
}
