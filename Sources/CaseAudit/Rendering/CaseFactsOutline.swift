/// The case schema a case file is written to: every fact with its type, its values and what reads
/// it (`caseaudit rules show --facts`, and the "Case facts" section of `rules doc`).
public enum CaseFactsOutline {
    /// What reads one fact: the questions whose applicability, computation or `for_each` needs it
    /// (directly, through a predicate, or through their criterion's or outcome's condition), and the
    /// checks that read it.
    public struct Readers: Sendable, Equatable {
        public var questions: [Int]
        public var checks: [Int]
    }

    /// The readers of every fact, in the set's fact order.
    public static func readers(_ set: CriteriaSet) -> [Readers] {
        var readers = [Readers](repeating: Readers(questions: [], checks: []), count: set.facts.count)
        for (index, question) in set.questions.enumerated() {
            var facts = Set(question.applies.facts)
            if let compute = question.compute { facts.formUnion(compute.facts) }
            if let each = question.forEach { facts.insert(each) }
            for fact in facts.sorted() { readers[fact].questions.append(index) }
        }
        for (index, check) in set.checks.enumerated() {
            for fact in Set(check.assertion.facts).union(check.when?.facts ?? []).sorted() { readers[fact].checks.append(index) }
        }
        return readers
    }

    /// "enum: community_order, licence" — the type and, where it has one, the domain.
    static func type(_ fact: Fact) -> String {
        fact.type.hasValues ? "\(fact.type.rawValue): \(fact.values.joined(separator: ", "))" : fact.type.rawValue
    }

    /// For the terminal: a block per fact, its readers wrapped under it.
    public static func text(_ set: CriteriaSet) -> String {
        let readers = readers(set)
        var out = "Case facts of \(set.title) (\(set.id) \(set.version)): \(counted(set.facts.count, "fact"))\n"
        for (index, fact) in set.facts.enumerated() {
            out += "\n\(fact.name)  \(fact.type.rawValue)\n" + wrap(fact.label, indent: "  ")
            if fact.type.hasValues { out += wrap((fact.type == .ordinal ? "values, low to high: " : "values: ") + fact.values.joined(separator: ", "), indent: "  ") }
            if let description = fact.description { out += wrap(description, indent: "  ") }
            out += wrap(readWords(readers[index], set, quote: { $0 }), indent: "  ")
        }
        return out
    }

    /// The "Case facts" section of the criteria document.
    public static func markdown(_ set: CriteriaSet) -> String {
        let readers = readers(set)
        var out = "## Case facts\n\nWhat a case file records (`facts:`), and what reads each fact.\n\n"
        out += "| Fact | Type and values | Meaning | Read by |\n|---|---|---|---|\n"
        for (index, fact) in set.facts.enumerated() {
            let meaning = fact.description.map { "\(fact.label). \($0)" } ?? fact.label
            out += "| `\(fact.name)` | \(type(fact)) | \(cell(meaning)) | \(readWords(readers[index], set, quote: { "`\($0)`" })) |\n"
        }
        return out + "\n"
    }

    /// "read by 2 questions: a, b; 1 check: c", or what a fact read by nothing is for.
    private static func readWords(_ readers: Readers, _ set: CriteriaSet, quote: (String) -> String) -> String {
        var parts: [String] = []
        if !readers.questions.isEmpty {
            parts.append(counted(readers.questions.count, "question") + ": "
                         + readers.questions.map { quote(set.questions[$0].id) }.joined(separator: ", "))
        }
        if !readers.checks.isEmpty {
            parts.append(counted(readers.checks.count, "check") + ": " + readers.checks.map { quote(set.checks[$0].id) }.joined(separator: ", "))
        }
        return parts.isEmpty ? "read by no question or check: for breakdowns (--by FACT)" : "read by " + parts.joined(separator: "; ")
    }

    private static func cell(_ text: String) -> String {
        text.replacingAll("|", with: "\\|").replacingAll("\n", with: " ")
    }

    /// Words wrapped to 100 columns, the first line indented, the others two spaces more.
    private static func wrap(_ text: String, indent: String) -> String {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty, indent.count + 2 + line.count + 1 + word.count > 100 {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        lines.append(line)
        return lines.enumerated().map { ($0.offset == 0 ? indent : indent + "  ") + $0.element + "\n" }.joined()
    }
}
