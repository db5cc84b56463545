/// Why a question does not apply (or cannot be decided) for a case, in the words `explain` uses:
/// each condition that is false (or unknown), with the values of the facts it reads.
enum ApplicabilityReason {
    static func notes(_ index: Int, values: CaseValues, record: CaseRecord, set: CriteriaSet) -> [Diagnostic.Note] {
        var notes: [Diagnostic.Note] = []
        for (level, condition) in set.conditions(ofQuestion: index) {
            guard let condition else { continue }
            let truth = condition(values)
            guard truth != .true else { continue }
            let facts = condition.facts.map { fact in
                "\(set.facts[fact].name) = " + (record.facts[fact].map { $0.text(set.facts[fact]) } ?? "not recorded")
            }
            let answers = condition.questions.map { other -> String in
                let id = set.questions[other].id
                switch values.answers[other] {
                case .option(let option): return "answer('\(id)') = \(set.scales[set.questions[other].scale].options[option])"
                case .unknown: return "answer('\(id)') unknown"
                case .absent: return "'\(id)' does not apply"
                }
            }
            let inputs = (facts + answers).joined(separator: ", ")
            notes.append(Diagnostic.Note(
                "\(level == "question" ? "the question" : level) applies when \(condition.source) (\(PlainWords.describe(condition.source, in: set))): "
                    + "\(truth == .false ? "false" : "unknown") here" + (inputs.isEmpty ? "" : ", with \(inputs)")))
        }
        return notes
    }
}
