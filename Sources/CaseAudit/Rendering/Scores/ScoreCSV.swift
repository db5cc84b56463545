/// `caseaudit score --format csv`: one tidy table for spreadsheets. Every row is one figure:
/// `level` (outcome, criterion, overall, tag, question, element, profile), the breakdown it belongs
/// to (empty for the whole sample), its id and title, and its numbers. `cases` is the base of an
/// outcome, criterion or tag, the cases with the element for an element row, the rated items of the
/// overall row and the count of a profile row. The overall row's `score` is its points and `base`
/// the most points possible.
public enum ScoreCSV {
    static let header = [
        "level", "by", "group", "id", "parent", "title", "score", "sufficient", "base", "answers", "cases",
        "not_applicable", "unanswered", "undetermined", "invalid", "small_base", "band",
    ]

    public static func render(_ result: ScoreResult) -> String {
        var out = CSVWriter.row(header)
        out += rows(result.scorecard, by: "", group: "")
        for table in result.scorecard.elementTables {
            let fact = result.set.facts[table.fact]
            for row in table.rows {
                for figure in row.figures {
                    out += CSVWriter.row([
                        "element", "", "", result.set.instanceID(figure.question, element: row.element),
                        result.set.questions[figure.question].id, fact.values[row.element], number(figure.score),
                        "\(figure.sufficient)", "\(figure.base)", "\(figure.base)", "\(row.cases)", "", "", "", "",
                        flag(figure.smallBase), "",
                    ])
                }
            }
        }
        for breakdown in result.breakdowns {
            let fact = result.set.facts[breakdown.fact]
            for group in breakdown.groups {
                out += rows(group.scorecard, by: fact.name, group: group.key.label(fact))
            }
        }
        for count in result.profile {
            let fact = result.set.facts[count.fact]
            for key in count.counts.keys.sorted() {
                out += CSVWriter.row(["profile", fact.name, key.label(fact), fact.name, "", fact.label, "", "", "", "",
                                      "\(count.counts[key] ?? 0)", "", "", "", "", "", ""])
            }
        }
        return out
    }

    private static func rows(_ card: Scorecard, by: String, group: String) -> String {
        let set = card.set
        var out = ""
        for outcome in card.outcomes {
            let model = set.outcomes[outcome.index]
            out += CSVWriter.row(["outcome", by, group, model.id, "", model.title, number(outcome.score), "\(outcome.sufficient)",
                                  "\(outcome.cases)", "\(outcome.answers)", "\(outcome.cases)", "", "", "", "", flag(outcome.smallBase),
                                  outcome.band ?? ""])
        }
        for criterion in card.criteria {
            let model = set.criteria[criterion.index]
            out += CSVWriter.row(["criterion", by, group, model.id, set.outcomes[model.outcome].id, model.title, number(criterion.score),
                                  "\(criterion.sufficient)", "\(criterion.cases)", "\(criterion.answers)", "\(criterion.cases)", "", "", "", "",
                                  flag(criterion.smallBase), criterion.band ?? ""])
        }
        if let overall = card.overall {
            out += CSVWriter.row(["overall", by, group, "overall", "", "Overall rating", "\(overall.points)", "", "\(overall.maximum)", "",
                                  "\(overall.rated)", "", "", "", "", "", overall.band ?? ""])
        }
        for row in card.tags {
            let tag = set.tags[row.tag]
            let cells: [(parent: String, figure: GroupScore?)] = [("", row.all)] + card.tagCriteria.map { (set.criteria[$0].id, row.criteria[$0]) }
            for cell in cells {
                guard let figure = cell.figure else { continue }
                out += CSVWriter.row(["tag", by, group, tag.name, cell.parent, tag.label, number(figure.score), "\(figure.sufficient)",
                                      "\(figure.cases)", "\(figure.answers)", "\(figure.cases)", "", "", "", "", flag(figure.smallBase), ""])
            }
        }
        for figure in card.questions {
            let model = set.questions[figure.question]
            let counts = [ResultKind.notApplicable, .unanswered, .undetermined, .invalid].map { "\(card.tally.count($0, question: figure.question))" }
            out += CSVWriter.row(["question", by, group, model.id, set.criteria[model.criterion].id, model.label ?? model.text,
                                  model.scored ? number(figure.score) : "", "\(figure.sufficient)", "\(figure.base)", "\(figure.base)", ""]
                                 + counts + [flag(figure.smallBase), ""])
        }
        return out
    }

    private static func number(_ score: Double?) -> String { score.map(Percent.number) ?? "" }
    private static func flag(_ small: Bool) -> String { small ? "true" : "false" }
}
