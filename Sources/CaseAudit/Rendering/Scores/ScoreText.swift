/// `caseaudit score` for the terminal: aligned tables, outcome → criterion → question.
public enum ScoreText {
    /// How much detail the text shows.
    public enum Level: String, Sendable, CaseIterable {
        case outcome, criterion, question
    }

    public static func render(_ result: ScoreResult, level: Level = .question) -> String {
        let card = result.scorecard
        let set = result.set
        var out = ScoreStamp.line(set) + "\n"
        out += counted(card.cases, "case") + " · outcome score: \(ScoreStamp.method(set.scoring.method))"
        if set.scoring.criterionMethod != .meanOfQuestions { out += " · criterion score: \(ScoreStamp.criterionMethod(set.scoring.criterionMethod))" }
        if set.scoring.minBase > 1 { out += " · * base below \(set.scoring.minBase)" }
        out += "\n\n"
        out += outcomeTable(card).render()
        if level != .outcome {
            out += "\nCriteria\n" + criterionTable(card).render(indent: "  ")
        }
        if let overall = card.overall { out += "\n" + overallLine(card.set, overall) + "\n" }
        if level != .outcome, !card.tags.isEmpty {
            out += "\nBy tag (\(ScoreStamp.tagMethod))\n" + tagTable(card).render(indent: "  ")
        }
        if level == .question {
            for (index, criterion) in set.criteria.enumerated() {
                let members = set.questions.indices.filter { set.questions[$0].criterion == index }
                if members.isEmpty { continue }
                out += "\n\(criterion.id) \(criterion.title)\n" + questionTable(card, members).render(indent: "  ")
            }
            for table in card.elementTables {
                out += "\nBy \(set.facts[table.fact].label.lowercasedFirst())\n" + elementTable(card, table).render(indent: "  ")
            }
        }
        for breakdown in result.breakdowns {
            let fact = set.facts[breakdown.fact]
            out += "\nBy \(fact.label.lowercasedFirst()) (\(fact.name))\n" + breakdownTable(breakdown, set, level: level).render(indent: "  ")
        }
        if !result.profile.isEmpty { out += "\nSample profile\n" + profile(result) }
        return out
    }

    static func outcomeTable(_ card: Scorecard) -> TextTable {
        let banded = card.set.scoring.bands(.outcomes)
        var table = TextTable(["Outcome", "Score", "Base", "Answers", "Questions"] + (banded ? ["Band"] : []),
                              alignments: [.left, .right, .right, .right, .right, .left])
        for outcome in card.outcomes {
            table.add([card.set.outcomes[outcome.index].title, score(outcome.score, outcome.smallBase), "\(outcome.cases)",
                       "\(outcome.answers)", "\(outcome.items)"] + (banded ? [outcome.band ?? "–"] : []))
        }
        return table
    }

    /// Criteria with their scores; the question a `lowest_question` score comes from, and the band,
    /// where the set has them.
    static func criterionTable(_ card: Scorecard) -> TextTable {
        let set = card.set
        let lowest = set.scoring.criterionMethod == .lowestQuestion
        let banded = set.scoring.bands(.criteria)
        var table = TextTable(["Criterion", "Score", "Base", "Answers", "Questions"] + (lowest ? ["Lowest question"] : []) + (banded ? ["Band"] : []),
                              alignments: [.left, .right, .right, .right, .right, .left, .left])
        table.maxWidths = [0: 60]
        for criterion in card.criteria {
            let model = set.criteria[criterion.index]
            table.add(["\(model.id) \(model.title)", score(criterion.score, criterion.smallBase), "\(criterion.cases)",
                       "\(criterion.answers)", "\(criterion.items)"]
                      + (lowest ? [criterion.lowest.map { set.questions[$0].id } ?? "–"] : []) + (banded ? [criterion.band ?? "–"] : []))
        }
        return table
    }

    /// "Overall rating: Good (8 of 12 points, 4 criteria rated)".
    static func overallLine(_ set: CriteriaSet, _ overall: OverallScore) -> String {
        "Overall rating: \(overall.band ?? "–") (\(ScoreStamp.points(set, overall)))"
    }

    /// Per tag (rows) the score of its questions in each criterion that has tagged questions, and over all.
    static func tagTable(_ card: Scorecard) -> TextTable {
        let set = card.set
        var table = TextTable(["Tag"] + card.tagCriteria.map { set.criteria[$0].id } + ["All"],
                              alignments: [.left] + card.tagCriteria.map { _ in .right } + [.right])
        for row in card.tags {
            table.add([set.tags[row.tag].label] + card.tagCriteria.map { criterion in
                row.criteria[criterion].map { "\(score($0.score, $0.smallBase)) n=\($0.cases)" } ?? ""
            } + ["\(score(row.all.score, row.all.smallBase)) n=\(row.all.cases)"])
        }
        return table
    }

    static func questionTable(_ card: Scorecard, _ members: [Int]) -> TextTable {
        var table = TextTable(
            ["Question", "", "Suff.", "Base", "Score", "N/A", "Unans.", "Undet.", "Invalid"],
            alignments: [.left, .left, .right, .right, .right, .right, .right, .right, .right])
        table.maxWidths = [1: 52]
        for index in members {
            let question = card.set.questions[index]
            let figure = card.questions[index]
            let tally = card.tally
            let others = [ResultKind.notApplicable, .unanswered, .undetermined, .invalid].map { "\(tally.count($0, question: index))" }
            if question.scored {
                table.add([question.id, question.label ?? question.text, "\(figure.sufficient)", "\(figure.base)",
                           score(figure.score, figure.smallBase)] + others)
            } else {
                table.add([question.id, question.label ?? question.text, "", "", "descr."] + others)
                let scale = card.set.scales[question.scale]
                let spread = scale.options.indices.map { "\(scale.label(of: $0)) \(tally.options[index][$0])" }.joined(separator: " · ")
                table.add(["", "  " + spread, "", "", "", "", "", "", ""])
            }
        }
        return table
    }

    static func elementTable(_ card: Scorecard, _ table: ElementTable) -> TextTable {
        let fact = card.set.facts[table.fact]
        var text = TextTable([fact.label, "Cases"] + table.questions.map { card.set.questions[$0].id },
                             alignments: [.left, .right] + table.questions.map { _ in .right })
        for row in table.rows {
            text.add([fact.values[row.element].replacingUnderscores(), "\(row.cases)"] + row.figures.map {
                $0.base == 0 ? "–" : "\($0.sufficient)/\($0.base) \(score($0.score, $0.smallBase))"
            })
        }
        return text
    }

    static func breakdownTable(_ breakdown: BreakdownScores, _ set: CriteriaSet, level: Level) -> TextTable {
        let fact = set.facts[breakdown.fact]
        var table = TextTable([""] + breakdown.groups.map { $0.key.label(fact) },
                              alignments: [.left] + breakdown.groups.map { _ in .right })
        table.maxWidths = [0: 50]
        table.add(["Cases"] + breakdown.groups.map { "\($0.scorecard.cases)" })
        for (index, outcome) in set.outcomes.enumerated() {
            table.add([outcome.title] + breakdown.groups.map { group in
                let figure = group.scorecard.outcomes[index]
                return "\(score(figure.score, figure.smallBase)) n=\(figure.cases)"
            })
        }
        if level != .outcome {
            for (index, criterion) in set.criteria.enumerated() {
                table.add(["  \(criterion.id) \(criterion.title)"] + breakdown.groups.map { group in
                    let figure = group.scorecard.criteria[index]
                    return "\(score(figure.score, figure.smallBase)) n=\(figure.cases)" + (figure.band.map { " \($0)" } ?? "")
                })
            }
        }
        if set.scoring.overall != nil {
            table.add(["Overall rating"] + breakdown.groups.map { group in
                group.scorecard.overall.map { "\($0.band ?? "–") (\($0.points)/\($0.maximum))" } ?? "–"
            })
        }
        return table
    }

    static func profile(_ result: ScoreResult) -> String {
        var out = ""
        for count in result.profile {
            let fact = result.set.facts[count.fact]
            let parts = count.counts.keys.sorted().map { key in
                "\(key.label(fact)) \(count.counts[key] ?? 0)"
            }
            out += "  \(fact.label): " + (parts.isEmpty ? "–" : parts.joined(separator: " · ")) + "\n"
        }
        return out
    }

    /// A score with its small-base flag.
    static func score(_ value: Double?, _ small: Bool) -> String {
        Percent.text(value) + (small ? "*" : "")
    }
}

extension String {
    func lowercasedFirst() -> String {
        guard let first else { return self }
        return first.lowercased() + dropFirst()
    }

    func capitalisedFirst() -> String {
        guard let first else { return self }
        return first.uppercased() + dropFirst()
    }
}
