/// `caseaudit agree`: agreement between two assessors, for the terminal (or Markdown).
public enum AgreementText {
    /// The two sides are called "first" and "second" in the body; the header says which paths they are.
    public static func render(_ result: AgreementResult, markdown: Bool = false) -> String {
        let set = result.set
        var out = markdown ? "# Agreement between two assessors\n\n" : "Agreement between two assessors\n"
        out += (markdown ? "- " : "") + "first: \(result.firstLabel)\n" + (markdown ? "- " : "") + "second: \(result.secondLabel)\n"
        out += (markdown ? "\n" : "") + "\(set.title) (\(set.id) \(set.version))\n"
        out += "\(result.cases) \(result.cases == 1 ? "case" : "cases") in both"
        out += result.onlyFirst.isEmpty ? "" : "; only in first: \(result.onlyFirst.joined(separator: ", "))"
        out += result.onlySecond.isEmpty ? "" : "; only in second: \(result.onlySecond.joined(separator: ", "))"
        out += "\n\n"
        let overall = AgreementRows.line("", "", result.overall)
        out += "On the sufficient/insufficient line, over every scored question: \(overall.count) answers both gave, "
            + "\(overall.percent) agree, kappa \(overall.kappa) (standard error \(overall.standardError))"
            + (overall.reading.isEmpty ? "" : ": \(overall.reading)") + ".\n"
        out += "Kappa readings are the Landis and Koch conventions (docs/moderation.md), not tests.\n"

        let lineHeaders = ["Outcome", "Answers", "Agree", "Kappa", "SE", "Reading"]
        out += section("Outcomes, on the line", markdown)
        out += table(lineHeaders, result.outcomes.map { AgreementRows.line(set.outcomes[$0.index].id, set.outcomes[$0.index].title, $0.line) }, markdown)
        out += section("Criteria, on the line", markdown)
        out += table(["Criterion"] + lineHeaders.dropFirst(), result.criteria.map { AgreementRows.line(set.criteria[$0.index].id, set.criteria[$0.index].title, $0.line) }, markdown)

        out += section("Questions", markdown)
        var questions = Table(["Question", "Answers", "Agree", "Kappa", "SE", "Agree (line)", "Kappa (line)"], markdown: markdown)
        for entry in result.questions {
            let options = AgreementRows.line(set.questions[entry.question].id, "", entry.options)
            let line = entry.line.map { AgreementRows.line("", "", $0) }
            questions.add([options.label, String(options.count), options.percent, options.kappa, options.standardError,
                           line?.percent ?? "descriptive", line?.kappa ?? ""])
        }
        out += questions.render()

        if !result.assessors.isEmpty {
            out += section("By assessor, on the line", markdown)
            var pairs = Table(["First assessor", "Second assessor", "Cases", "Answers", "Agree", "Kappa", "SE", "Reading"], markdown: markdown)
            for pair in result.assessors {
                let line = AgreementRows.line("", "", pair.line)
                pairs.add([pair.first, pair.second, String(pair.cases), String(line.count), line.percent, line.kappa, line.standardError, line.reading])
            }
            out += pairs.render()
        }

        out += section("Answers that differ", markdown)
        if result.disagreements.isEmpty { out += "None.\n" }
        for item in result.disagreements {
            out += (markdown ? "- " : "  ") + "\(item.caseID)  \(set.instanceID(item.question, element: item.element)): "
                + "first \(item.first), second \(item.second)\n"
            if let note = item.firstNote { out += (markdown ? "  - " : "      ") + "first's note: \(note.oneLine())\n" }
            if let note = item.secondNote { out += (markdown ? "  - " : "      ") + "second's note: \(note.oneLine())\n" }
        }

        out += section("Applicability that differs", markdown)
        if result.applicability.isEmpty { out += "None.\n" }
        for item in result.applicability {
            let facts = item.facts.map { "\(set.facts[$0.fact].name) \($0.first) / \($0.second)" }
            out += (markdown ? "- " : "  ") + "\(item.caseID)  \(set.instanceID(item.question, element: item.element)): "
                + "\(AgreementRows.applicabilityWords(item.first)) for first, \(AgreementRows.applicabilityWords(item.second)) for second"
                + (facts.isEmpty ? " (the facts it reads agree: it turns on other answers)" : "; facts that differ: \(facts.joined(separator: "; "))") + "\n"
        }

        out += section("Facts recorded differently", markdown)
        if result.facts.isEmpty { out += "None.\n" }
        for item in result.facts {
            out += (markdown ? "- " : "  ") + "\(item.caseID): "
                + item.facts.map { "\(set.facts[$0.fact].name) \($0.first) / \($0.second)" }.joined(separator: "; ") + "\n"
        }
        return out
    }

    private static func section(_ title: String, _ markdown: Bool) -> String {
        markdown ? "\n## \(title)\n\n" : "\n\(title)\n"
    }

    private static func table(_ headers: [String], _ lines: [AgreementRows.Line], _ markdown: Bool) -> String {
        var table = Table(headers, markdown: markdown)
        for line in lines {
            table.add([line.label, String(line.count), line.percent, line.kappa, line.standardError, line.reading])
        }
        return table.render()
    }

    /// A text table, or a Markdown one.
    private struct Table {
        var text: TextTable
        var markdown: Bool

        init(_ headers: [String], markdown: Bool) {
            text = TextTable(headers, alignments: headers.indices.map { $0 == 0 ? .left : .right })
            self.markdown = markdown
        }

        mutating func add(_ row: [String]) { text.add(row) }

        func render() -> String {
            guard markdown else { return text.render(indent: "  ") }
            let cell = { (value: String) in value.replacingAll("|", with: "\\|") }
            var out = "| " + text.headers.map(cell).joined(separator: " | ") + " |\n"
            out += "|" + text.alignments.map { $0 == .left ? " --- |" : " ---: |" }.joined() + "\n"
            for row in text.rows { out += "| " + row.map(cell).joined(separator: " | ") + " |\n" }
            return out
        }
    }
}
