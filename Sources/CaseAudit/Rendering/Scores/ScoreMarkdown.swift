/// `caseaudit score --format markdown`: the score tables as GitHub-flavoured Markdown.
public enum ScoreMarkdown {
    public static func render(_ result: ScoreResult, level: ScoreText.Level = .question) -> String {
        let set = result.set
        let card = result.scorecard
        var out = "# Scores: \(set.title)\n\n"
        out += "Criteria set `\(set.id)` \(set.version), sha256 `\(set.contentHash.prefix(12))`. "
        out += counted(card.cases, "case") + ". Outcome score: \(ScoreStamp.method(set.scoring.method))."
        if set.scoring.criterionMethod != .meanOfQuestions { out += " Criterion score: \(ScoreStamp.criterionMethod(set.scoring.criterionMethod))." }
        if set.scoring.minBase > 1 { out += " \\* base below \(set.scoring.minBase)." }
        out += "\n\n## Outcomes\n\n" + table(ScoreText.outcomeTable(card))
        if level != .outcome { out += "\n## Criteria\n\n" + table(ScoreText.criterionTable(card)) }
        if let overall = card.overall { out += "\n**" + ScoreText.overallLine(set, overall) + "**\n" }
        if level != .outcome, !card.tags.isEmpty {
            out += "\n## By tag\n\n\(ScoreStamp.tagMethod.capitalisedFirst()).\n\n" + table(ScoreText.tagTable(card))
        }
        if level == .question {
            out += "\n## Questions\n"
            for (index, criterion) in set.criteria.enumerated() {
                let members = set.questions.indices.filter { set.questions[$0].criterion == index }
                if members.isEmpty { continue }
                var questions = ScoreText.questionTable(card, members)
                questions.maxWidths = [:]
                out += "\n### \(criterion.id) \(criterion.title)\n\n" + table(questions)
            }
            for element in card.elementTables {
                out += "\n## By \(set.facts[element.fact].label.lowercasedFirst())\n\n" + table(ScoreText.elementTable(card, element))
            }
        }
        for breakdown in result.breakdowns {
            let fact = set.facts[breakdown.fact]
            out += "\n## By \(fact.label.lowercasedFirst())\n\n"
            var split = ScoreText.breakdownTable(breakdown, set, level: level)
            split.maxWidths = [:]
            out += table(split)
        }
        if !result.profile.isEmpty { out += "\n## Sample profile\n\n" + ScoreText.profile(result).split(separator: "\n").map { "-" + $0.dropFirst(1) }.joined(separator: "\n") + "\n" }
        return out
    }

    /// A text table as a Markdown table.
    static func table(_ table: TextTable) -> String {
        func row(_ cells: [String]) -> String {
            "| " + cells.map { $0.oneLine().replacingAll("|", with: "\\|").replacingAll("*", with: "\\*") }.joined(separator: " | ") + " |\n"
        }
        var out = row(table.headers)
        out += "|" + table.alignments.prefix(table.headers.count).map { $0 == .right ? "---:|" : "---|" }.joined() + "\n"
        for cells in table.rows { out += row(cells) }
        return out
    }
}
