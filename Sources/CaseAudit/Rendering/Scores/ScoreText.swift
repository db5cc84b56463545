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
        out += "\(card.cases) cases · outcome score: \(ScoreStamp.method(set.scoring.method))"
        if set.scoring.minBase > 1 { out += " · * base below \(set.scoring.minBase)" }
        out += "\n\n"
        out += outcomeTable(card).render()
        if level != .outcome {
            out += "\nCriteria\n" + criterionTable(card).render(indent: "  ")
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
        var table = TextTable(["Outcome", "Score", "Base", "Answers", "Questions"] + (card.set.scoring.bands.isEmpty ? [] : ["Band"]),
                              alignments: [.left, .right, .right, .right, .right, .left])
        for outcome in card.outcomes {
            table.add([card.set.outcomes[outcome.index].title, score(outcome.score, outcome.smallBase), "\(outcome.cases)",
                       "\(outcome.answers)", "\(outcome.items)"] + (card.set.scoring.bands.isEmpty ? [] : [outcome.band ?? "–"]))
        }
        return table
    }

    static func criterionTable(_ card: Scorecard) -> TextTable {
        var table = TextTable(["Criterion", "Score", "Base", "Answers", "Questions"], alignments: [.left, .right, .right, .right, .right])
        table.maxWidths = [0: 60]
        for criterion in card.criteria {
            let model = card.set.criteria[criterion.index]
            table.add(["\(model.id) \(model.title)", score(criterion.score, criterion.smallBase), "\(criterion.cases)",
                       "\(criterion.answers)", "\(criterion.items)"])
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
                    return "\(score(figure.score, figure.smallBase)) n=\(figure.cases)"
                })
            }
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
}
