extension CaseTemplate {
    /// The skeleton as a YAML case file.
    public func yaml() -> String {
        var out = "# Case file for \(set.title) (\(set.id) \(set.version), sha256 \(set.contentHash.prefix(12))).\n"
        out += "# Facts given: \(given().isEmpty ? "none" : given()).\n"
        out += "# Listed: the questions that apply to these facts. Answer each with one of the options shown;\n"
        out += "# leave blank what you cannot answer. Check it with: caseaudit lint FILE\n"
        out += "case: '\(caseID.replacingAll("'", with: "''"))'\nassessor:\nfacts:\n"
        for (index, fact) in set.facts.enumerated() {
            guard let value = facts[index] else { continue }
            out += "  \(fact.name): \(yamlValue(value, fact))\n"
        }
        let entries = entries()
        let missing = missingFacts(entries)
        if !missing.needed.isEmpty {
            out += "  # Not given; record those you know (questions or checks for these facts read them):\n"
            for index in missing.needed { out += factLine(index) }
        }
        if !missing.breakdowns.isEmpty {
            out += "  # For breakdowns (score --by FACT); no question reads them:\n"
            for index in missing.breakdowns { out += factLine(index) }
        }
        out += "answers:\n"
        var criterion = -1
        var undecided: [String] = []
        var computed: [String] = []
        for entry in entries {
            switch entry {
            case .answer(let index, let elements, let condition):
                let question = set.questions[index]
                if question.criterion != criterion {
                    criterion = question.criterion
                    out += "  # \(set.criteria[criterion].id) \(set.criteria[criterion].title)\n"
                }
                var comment = "\(question.text) (\(options(question)))"
                if !question.scored { comment += " [descriptive]" }
                if let condition { comment += " — only if \(condition)" }
                if let elements {
                    out += "  \(question.id):    # \(comment), per \(set.facts[question.forEach ?? 0].name)\n"
                    for element in elements { out += "    \(set.facts[question.forEach ?? 0].values[element]):\n" }
                } else {
                    out += "  \(question.id):    # \(comment)\n"
                }
            case .undecided(let index, let missing):
                let question = set.questions[index]
                undecided.append("  # \(question.id):    # applies if \(question.applies.source); record "
                                 + ShortList.text(missing) { set.facts[$0].name } + " to decide")
            case .computed(let index):
                let question = set.questions[index]
                computed.append("  # \(question.id) is computed: \(question.compute?.source ?? "")")
            }
        }
        if !undecided.isEmpty { out += "  # Undecided until more facts are given:\n" + undecided.joined(separator: "\n") + "\n" }
        if !computed.isEmpty { out += "  # Computed from the facts; do not answer:\n" + computed.joined(separator: "\n") + "\n" }
        out += "notes:\n"
        return out
    }

    private func factLine(_ index: Int) -> String {
        let fact = set.facts[index]
        return "  # \(fact.name):    # \(fact.label) (\(describe(fact)))\n"
    }

    private func yamlValue(_ value: FactValue, _ fact: Fact) -> String {
        if case .string(let text) = value { return "'" + text.replacingAll("'", with: "''") + "'" }
        return value.text(fact)
    }

    private func describe(_ fact: Fact) -> String {
        switch fact.type {
        case .bool: return "true or false"
        case .int: return "a whole number"
        case .date: return "YYYY-MM-DD"
        case .string: return "text"
        case .enum, .ordinal: return fact.values.joined(separator: ", ")
        case .set: return "a list of: " + fact.values.joined(separator: ", ")
        }
    }
}
