/// An outcome's figures over the audit rounds (`report --history DB`): the outcome's and each
/// criterion's score in every round, the change from the previous round with its verdict, and a
/// small chart each. Marked `data-figure="trend:LEVEL:ID"`, `data-group` the round, for checking
/// against `history trend --format json`.
extension ReportHTML {
    static func trendSection(_ trends: [Trend], outcomeID id: String) -> String {
        guard let first = trends.first, !first.points.isEmpty else { return "" }
        let rounds = first.points.map(\.round)
        let tableID = "trend-\(id)"
        var out = "<h3>Over the audit rounds</h3>\n<p class=\"note\">\(HTMLText.escape(ReportWords.trendNote))</p>\n"
        out += "<figure aria-details=\"\(tableID)\">\n<figcaption>Scores in each round, with their 95 per cent intervals (dashed where the criteria set changed)</figcaption>\n"
        for trend in trends { out += TrendChartSVG.svg(trend, title: TrendWords.rowLabel(trend)) }
        out += "</figure>\n<div class=\"wide\"><table id=\"\(tableID)\">\n<caption>Scores over the audit rounds</caption>\n"
        out += "<thead><tr><th scope=\"col\">Outcome or criterion</th>"
        for round in rounds { out += "<th scope=\"col\" class=\"num\">\(HTMLText.escape(round.label))</th>" }
        out += "<th scope=\"col\" class=\"num\">Change</th><th scope=\"col\">Verdict</th></tr></thead>\n<tbody>\n"
        for trend in trends {
            let mark = figure("trend", trend.subject.level + ":" + trend.subject.id)
            out += "<tr><th scope=\"row\">\(HTMLText.escape(TrendWords.rowLabel(trend)))</th>"
            for point in trend.points {
                let shown = point.figure.map { score($0.score, $0.smallBase) } ?? "–"
                out += "<td class=\"num\" data-figure=\"\(mark)\" data-group=\"\(HTMLText.escape(point.round.label))\" data-field=\"score\">\(shown)</td>"
            }
            let last = trend.points[trend.points.count - 1]
            let group = "data-figure=\"\(mark)\" data-group=\"\(HTMLText.escape(last.round.label))\""
            out += "<td class=\"num\" \(group) data-field=\"change\">\(TrendWords.change(last))</td>"
                + "<td \(group) data-field=\"verdict\">\(HTMLText.escape(TrendWords.verdict(last, first: trend.points.count == 1)))</td></tr>\n"
        }
        out += "</tbody>\n</table></div>\n"
        for trend in trends {
            for note in TrendWords.notes(trend) { out += "<p class=\"note\">\(HTMLText.escape(TrendWords.rowLabel(trend) + ": " + note))</p>\n" }
        }
        return out
    }
}
