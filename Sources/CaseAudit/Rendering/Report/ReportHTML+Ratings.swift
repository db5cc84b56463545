/// The ratings beside the summary: each banded criterion's rating (with the question a
/// lowest-question score comes from), the overall rating, and the table of scores by tag.
extension ReportHTML {
    /// The criteria ratings, when the set bands criteria.
    static func ratings(_ card: Scorecard) -> String {
        let set = card.set
        guard set.scoring.bands(.criteria) else { return "" }
        let lowest = set.scoring.criterionMethod == .lowestQuestion
        var out = "<table class=\"summary-table ratings\">\n<caption>\(HTMLText.escape(ReportWords.ratingsCaption(set)))</caption>\n"
        out += "<thead><tr><th scope=\"col\">Criterion</th><th scope=\"col\" class=\"num\">Score</th><td class=\"meter-cell\"></td>"
            + "<th scope=\"col\" class=\"num\">Base (cases)</th>" + (lowest ? "<th scope=\"col\">Lowest question</th>" : "")
            + "<th scope=\"col\">Rating</th></tr></thead>\n<tbody>\n"
        for figure in card.criteria {
            let model = set.criteria[figure.index]
            out += "<tr data-figure=\"\(self.figure("criterion", model.id))\"><th scope=\"row\">\(HTMLText.escape(model.id + " " + model.title))</th>"
                + "<td class=\"num\" data-field=\"score\">\(score(figure.score, figure.smallBase))</td>"
                + "<td class=\"meter-cell\" aria-hidden=\"true\">\(BarChartSVG.meter(figure.score))</td>"
                + "<td class=\"num\" data-field=\"base\">\(figure.cases)</td>"
            if lowest {
                out += "<td>" + (figure.lowest.map {
                    "\(HTMLText.escape(ReportWords.label(set.questions[$0])))<span class=\"id\" data-field=\"lowest_question\">\(HTMLText.escape(set.questions[$0].id))</span>"
                } ?? "–") + "</td>"
            }
            out += "<td class=\"band\" data-field=\"band\">\(HTMLText.escape(figure.band ?? "–"))</td></tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }

    /// "Overall rating: Good", with the points behind it.
    static func overall(_ card: Scorecard) -> String {
        guard let overall = card.overall, let rating = card.set.scoring.overall else { return "" }
        let noun = rating.rates == .criteria ? "criteria" : "outcomes"
        var out = "<p class=\"headline overall\" data-figure=\"overall\">Overall rating: <strong data-field=\"band\">\(HTMLText.escape(overall.band ?? "–"))</strong></p>\n"
        out += "<p class=\"note\" data-figure=\"overall\"><span data-field=\"points\">\(overall.points)</span> of "
            + "<span data-field=\"maximum\">\(overall.maximum)</span> points from <span data-field=\"rated\">\(overall.rated)</span> rated \(noun)"
            + (overall.unrated > 0 ? "; <span data-field=\"unrated\">\(overall.unrated)</span> without a score, so no overall rating" : "")
            + ". \(HTMLText.escape(ReportWords.pointsNote(card.set)))</p>\n"
        return out
    }

    /// Scores by tag: one row per tag, one column per criterion with tagged questions, and all.
    static func tagTable(_ card: Scorecard) -> String {
        let set = card.set
        guard !card.tags.isEmpty else { return "" }
        var out = "<h3>By tag</h3>\n<div class=\"wide\"><table class=\"tags\">\n<caption>\(HTMLText.escape(ReportWords.tagCaption))</caption>\n"
        out += "<thead><tr><th scope=\"col\">Tag</th>"
        for criterion in card.tagCriteria {
            out += "<th scope=\"col\" class=\"num\">\(HTMLText.escape(set.criteria[criterion].id + " " + set.criteria[criterion].title))</th>"
        }
        out += "<th scope=\"col\" class=\"num\">All</th></tr></thead>\n<tbody>\n"
        func cell(_ tag: Tag, _ figure: GroupScore?, group: String?) -> String {
            guard let figure else { return "<td class=\"num\">–</td>" }
            let mark = "data-figure=\"\(self.figure("tag", tag.name))\"" + (group.map { " data-group=\"\(HTMLText.escape($0))\"" } ?? "")
            return "<td class=\"num\" \(mark)><span data-field=\"score\">\(score(figure.score, figure.smallBase))</span> "
                + "n=<span data-field=\"base\">\(figure.cases)</span></td>"
        }
        for row in card.tags {
            let tag = set.tags[row.tag]
            out += "<tr><th scope=\"row\">\(HTMLText.escape(tag.label))</th>"
            for criterion in card.tagCriteria { out += cell(tag, row.criteria[criterion], group: set.criteria[criterion].id) }
            out += cell(tag, row.all, group: nil) + "</tr>\n"
        }
        return out + "</tbody>\n</table></div>\n"
    }
}
