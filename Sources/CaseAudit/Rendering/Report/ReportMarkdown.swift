/// `caseaudit report --format markdown`: the report's sections as Markdown, with a table wherever
/// the HTML report draws a chart. The per-case gaps follow, streamed by ``ReportGapsMarkdown``.
enum ReportMarkdown {
    /// The document up to the per-case gaps.
    static func opening(_ result: ScoreResult, _ options: ReportOptions, inputs: Int) -> String {
        let set = result.set
        let card = result.scorecard
        var out = "# \(options.heading)\n\n"
        out += "- Criteria set: \(set.title) (`\(set.id)` version \(set.version))\n"
        out += "- SHA-256: `\(set.contentHash)`\n"
        out += "- Sample: \(counted(card.cases, "case")) from \(counted(inputs, "file"))\n"
        out += "- Scoring: \(ReportWords.method(set).replacingAll("*", with: "\\*"))\n"
        if let date = options.date { out += "- Date: \(ReportWords.date(date))\n" }
        let summary = result.summary
        if summary.errors > 0 || summary.warnings > 0 || summary.unreadable > 0 {
            out += "\n> Reading the case files found \(counted(summary.errors, "error")) and \(counted(summary.warnings, "warning"))"
                + (summary.unreadable > 0 ? "; \(counted(summary.unreadable, "file")) could not be read" : "")
                + ". Rejected values are left out of the figures; `caseaudit score` lists them.\n"
        }
        out += "\n## Summary\n\nThe proportion of work judged to have been done well enough.\n\n"
        let banded = set.scoring.bands(.outcomes)
        var table = TextTable(["Outcome", "Score", "Base (cases)", "Questions"] + (banded ? ["Band"] : []),
                              alignments: [.left, .right, .right, .right, .left])
        for outcome in card.outcomes {
            table.add([set.outcomes[outcome.index].title, ScoreText.score(outcome.score, outcome.smallBase), "\(outcome.cases)",
                       "\(outcome.items)"] + (banded ? [outcome.band ?? "–"] : []))
        }
        out += ScoreMarkdown.table(table)
        if set.scoring.bands(.criteria) {
            var ratings = ScoreText.criterionTable(card)
            ratings.maxWidths = [:]
            out += "\n\(ReportWords.ratingsCaption(set)).\n\n" + ScoreMarkdown.table(ratings)
        }
        if let overall = card.overall {
            out += "\n**\(ScoreText.overallLine(set, overall))**. \(ReportWords.pointsNote(set))\n"
        }
        if !card.tags.isEmpty {
            out += "\n### By tag\n\n\(ReportWords.tagCaption).\n\n" + ScoreMarkdown.table(ScoreText.tagTable(card))
        }
        let trends = options.history?.trends(card, date: options.date)
        for outcome in set.outcomes.indices { out += self.outcome(card, outcome, trends: trends?[outcome] ?? []) }
        out += profile(result) + breakdowns(result)
        if options.includesGaps {
            out += "\n## Per-case gaps\n\n\(ReportWords.gapsIntro(includeNotes: options.includeNotes))\n"
        }
        return out
    }

    /// The scores over the audit rounds (`--history`): a row per outcome and criterion.
    private static func overRounds(_ trends: [Trend]) -> String {
        guard let first = trends.first, !first.points.isEmpty else { return "" }
        var table = TextTable(["Outcome or criterion"] + first.points.map(\.round.label) + ["Change", "Verdict"],
                              alignments: [.left] + first.points.map { _ in .right } + [.right, .left])
        for trend in trends {
            let last = trend.points[trend.points.count - 1]
            table.add([TrendWords.rowLabel(trend)] + trend.points.map { point in point.figure.map { ScoreText.score($0.score, $0.smallBase) } ?? "–" }
                      + [TrendWords.change(last), TrendWords.verdict(last, first: trend.points.count == 1)])
        }
        var out = "\n### Over the audit rounds\n\n\(ReportWords.trendNote)\n\n" + ScoreMarkdown.table(table)
        for trend in trends {
            for note in TrendWords.notes(trend) { out += "\n_\(trend.title): \(note)_\n" }
        }
        return out
    }

    private static func outcome(_ card: Scorecard, _ outcome: Int, trends: [Trend]) -> String {
        let set = card.set
        let figure = card.outcomes[outcome]
        var out = "\n## \(ReportWords.outcomeHeading(set, outcome))\n\n"
        if figure.score == nil {
            out += "No score: no scored question of this outcome was answered for a case it applies to.\n"
        } else {
            out += "**Overall, \(ScoreText.score(figure.score, figure.smallBase).replacingAll("*", with: "\\*")) of work was done well enough.** "
            switch set.scoring.method {
            case .meanOfQuestions: out += "The mean of \(counted(figure.items, "question score")); "
            case .meanOfCriteria:
                let parts = figure.meanOf ?? (0, 0)
                out += "The mean of \(counted(parts.criteria, "criterion score"))"
                    + (parts.questions > 0 ? " and \(counted(parts.questions, "question score")) from other outcomes' criteria" : "") + "; "
            case .pooled: out += "\(figure.sufficient) of \(counted(figure.answers, "answer")) " + (figure.answers == 1 ? "was" : "were") + " sufficient; "
            }
            out += "a base of \(counted(figure.cases, "case"))." + (figure.band.map { " Band: \($0)." } ?? "") + "\n"
        }
        let chosen = ReportHighlights(card, outcome: outcome)
        for (heading, items) in [(chosen.strengthsHeading, chosen.strengths), (chosen.improvementsHeading, chosen.improvements)] {
            out += "\n### \(heading)\n\n"
            if items.isEmpty { out += ReportWords.noHighlights + "\n" }
            for (number, item) in items.enumerated() {
                out += "\(number + 1). \(ReportWords.label(set.questions[item.question])): "
                    + "\(ScoreText.score(item.score, item.smallBase).replacingAll("*", with: "\\*")) (\(item.sufficient) of \(item.base))\n"
            }
        }
        out += "\n_\(ReportWords.highlightsNote(set))_\n\n### Criteria\n\n"
        var criteria = ScoreText.criterionTable(card)
        criteria.maxWidths = [:]
        criteria.rows = zip(card.criteria, criteria.rows).filter { set.criteria[$0.0.index].outcome == outcome }.map(\.1)
        out += ScoreMarkdown.table(criteria)
        out += overRounds(trends)
        out += "\n### Data summary\n\n\(ReportWords.dataSummaryNote(cases: card.cases))\n"
        for criterion in set.criteria.indices where set.criteria[criterion].outcome == outcome {
            out += dataSummary(card, criterion)
        }
        for table in card.elementTables where ReportLayout.outcome(of: table, set) == outcome { out += factorTable(card, table) }
        return out
    }

    private static func dataSummary(_ card: Scorecard, _ criterion: Int) -> String {
        let set = card.set
        let members = ReportLayout.questions(set, criterion: criterion)
        guard !members.isEmpty else { return "" }
        let model = set.criteria[criterion]
        var out = "\n#### \(model.id) \(model.title)\n\n"
        let scored = members.filter { set.questions[$0].scored }
        if !scored.isEmpty {
            var table = TextTable(["Question", "", "Yes", "No", "Base", "Score", "Not applicable", "No answer", "Cannot tell if applies", "Invalid"],
                                  alignments: [.left, .left] + Array(repeating: .right, count: 8))
            for index in scored {
                let figure = card.questions[index]
                table.add(["`\(set.questions[index].id)`", ReportWords.label(set.questions[index]), "\(figure.sufficient)",
                           "\(figure.insufficient)", "\(figure.base)", ScoreText.score(figure.score, figure.smallBase)]
                          + [ResultKind.notApplicable, .unanswered, .undetermined, .invalid].map { "\(card.tally.count($0, question: index))" })
            }
            out += ScoreMarkdown.table(table)
        }
        for group in ReportLayout.optionGroups(set, members) {
            let scale = set.scales[group.scale]
            out += "\n\(model.id): \(ReportWords.optionsCaption(set, group))\n\n"
            var table = TextTable(["Question", ""] + scale.options.indices.map { ReportWords.option(scale, $0, scored: group.scored) } + ["Answers"],
                                  alignments: [.left, .left] + Array(repeating: .right, count: scale.options.count + 1))
            for index in group.questions {
                let counts = card.tally.options[index]
                table.add(["`\(set.questions[index].id)`", ReportWords.label(set.questions[index])] + counts.map { "\($0)" }
                          + ["\(counts.reduce(0, +))"])
            }
            out += ScoreMarkdown.table(table)
        }
        return out
    }

    private static func factorTable(_ card: Scorecard, _ table: ElementTable) -> String {
        let set = card.set
        let fact = set.facts[table.fact]
        var text = TextTable(["\(fact.label) (cases)"] + table.questions.map { "\(ReportWords.label(set.questions[$0])) (`\(set.questions[$0].id)`)" },
                             alignments: [.left] + table.questions.map { _ in .right })
        for row in table.rows {
            text.add(["\(ReportWords.value(fact.values[row.element])) (\(row.cases))"] + row.figures.map {
                "\(ScoreText.score($0.score, $0.smallBase)) (\($0.sufficient)/\($0.base))"
            })
        }
        return "\n### By \(fact.label.lowercasedFirst())\n\n" + ScoreMarkdown.table(text)
    }

    private static func profile(_ result: ScoreResult) -> String {
        guard !result.profile.isEmpty else { return "" }
        let cases = result.scorecard.cases
        var out = "\n## Sample profile\n\nThe \(counted(cases, "case")) by each fact. A case with several values of a fact (such as several "
            + "requirements) counts once under each, so such counts can add up to more than \(cases).\n"
        for count in result.profile {
            let fact = result.set.facts[count.fact]
            out += "\n### \(fact.label)\n\n"
            let keys = count.counts.keys.sorted()
            guard !keys.isEmpty else {
                out += "No cases.\n"
                continue
            }
            var table = TextTable(["Value", "Cases", "Share"], alignments: [.left, .right, .right])
            for key in keys {
                let number = count.counts[key] ?? 0
                table.add([ReportWords.value(key.label(fact)), "\(number)", ReportHTML.share(number, of: cases)])
            }
            out += ScoreMarkdown.table(table)
        }
        return out
    }

    private static func breakdowns(_ result: ScoreResult) -> String {
        guard !result.breakdowns.isEmpty else { return "" }
        var out = "\n## Breakdowns\n\nEach column scores only the cases with that value; n is the base.\n"
        for breakdown in result.breakdowns {
            let fact = result.set.facts[breakdown.fact]
            var table = ScoreText.breakdownTable(breakdown, result.set, level: .criterion)
            table.maxWidths = [:]
            table.headers = [""] + breakdown.groups.map { ReportWords.value($0.key.label(fact)) }
            out += "\n### By \(fact.label.lowercasedFirst())\n\n" + ScoreMarkdown.table(table)
        }
        return out
    }
}
