/// `caseaudit explain` for the terminal.
public enum ExplanationText {
    public static func render(_ explanation: Explanation, set: CriteriaSet) -> String {
        let question = set.questions[explanation.question]
        let criterion = set.criteria[question.criterion]
        var out = "Case \(explanation.caseID) · \(question.id)\n  \(question.text)\n"
        out += "  criterion \(criterion.id) \(criterion.title) · outcome \(set.outcomes[criterion.outcome].title)\n\n"
        out += "It applies when all of these hold:\n"
        var table = TextTable(["", "condition", "in words", "in this case"], alignments: [.left, .left, .left, .left])
        table.maxWidths = [2: 60]
        for condition in explanation.conditions {
            table.add([condition.level, condition.source, condition.words, condition.truth.rawValue])
        }
        out += table.render(indent: "  ")
        if let computation = explanation.computation {
            out += "\nThe answer is computed: \(computation)\n"
            if let working = explanation.working {
                let measures = working.measures.map { measure in
                    "\(measure.source) = " + (measure.value.map { counted($0, String(measure.unit.dropLast()), measure.unit) } ?? "unknown")
                }.joined(separator: ", ")
                let answer = working.answer.map { set.scales[question.scale].options[$0] }
                if measures.isEmpty {
                    out += "  In this case it gives: " + (answer ?? "nothing, a fact it reads is not recorded") + "\n"
                } else {
                    out += "  In this case: \(measures) → " + (answer ?? "not computed: a fact it reads is not recorded") + "\n"
                }
            }
        }
        out += "\nWhat the case records:\n"
        var inputs = TextTable(["", "value", "where"], alignments: [.left, .left, .left])
        for input in explanation.inputs {
            inputs.add([input.name, input.value ?? "not recorded",
                        input.location.map { "\($0.path):\($0.line):\($0.column)" } ?? ""])
        }
        out += explanation.inputs.isEmpty ? "  (nothing: the question applies to every case)\n" : inputs.render(indent: "  ")
        out += "\nResult:\n"
        if explanation.results.isEmpty, let fact = question.forEach {
            out += "  no instances: the case has no element of \(set.facts[fact].name)\n"
        }
        for result in explanation.results {
            var line = "  "
            if let element = result.element, let fact = question.forEach { line += "[\(set.facts[fact].values[element])] " }
            line += result.kind.words
            switch result.answer {
            case .option(let option)?: line += " — answer: \(set.scales[question.scale].label(of: option))" + (result.computed ? " (computed)" : "")
            case .invalid(let text)?: line += " — '\(text)' is not an option (\(set.scales[question.scale].options.joined(separator: ", ")))"
            case nil: break
            }
            out += line + "\n"
        }
        return out
    }
}
