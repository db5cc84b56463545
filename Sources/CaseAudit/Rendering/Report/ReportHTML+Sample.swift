/// The sample profile (a bar chart and table per fact) and the breakdown tables (`--by`).
extension ReportHTML {
    static func profile(_ result: ScoreResult) -> String {
        guard !result.profile.isEmpty else { return "" }
        let set = result.set
        let cases = result.scorecard.cases
        var out = "<section id=\"profile\" aria-labelledby=\"h-profile\">\n<h2 id=\"h-profile\">Sample profile</h2>\n"
        out += "<p class=\"note\">The \(counted(cases, "case")) by each fact. A case with several values of a fact (such as several "
            + "requirements) counts once under each, so such counts can add up to more than \(cases).</p>\n"
        for count in result.profile {
            let fact = set.facts[count.fact]
            let keys = count.counts.keys.sorted()
            let tableID = HTMLText.id("profile-", fact.name)
            let mark = figure("profile", fact.name)
            out += "<div class=\"profile-item\">\n<h3>\(HTMLText.escape(fact.label))</h3>\n"
            guard !keys.isEmpty else {
                out += "<p>No cases.</p>\n</div>\n"
                continue
            }
            let chart = BarChartSVG(title: fact.label, bars: keys.map { key in
                let number = count.counts[key] ?? 0
                return BarChartSVG.Bar(
                    label: ReportWords.value(key.label(fact)),
                    segments: [.init(value: number, style: "yes", dark: true, field: nil)],
                    note: [.init(text: "\(number)", field: "cases"), .init(text: " (", field: nil),
                           .init(text: share(number, of: cases), field: "share"), .init(text: ")", field: nil)],
                    figure: "profile:" + fact.name, group: key.label(fact))
            }, layout: .narrow)
            out += "<figure aria-details=\"\(tableID)\">\n" + chart.svgs().joined() + "</figure>\n"
            out += "<table id=\"\(tableID)\">\n<caption>\(HTMLText.escape(fact.label)): cases</caption>\n"
            out += "<thead><tr><th scope=\"col\">Value</th><th scope=\"col\" class=\"num\">Cases</th>"
                + "<th scope=\"col\" class=\"num\">Share</th></tr></thead>\n<tbody>\n"
            for key in keys {
                let number = count.counts[key] ?? 0
                out += "<tr data-figure=\"\(mark)\" data-group=\"\(HTMLText.escape(key.label(fact)))\">"
                    + "<th scope=\"row\">\(HTMLText.escape(ReportWords.value(key.label(fact))))</th>"
                    + "<td class=\"num\" data-field=\"cases\">\(number)</td>"
                    + "<td class=\"num\" data-field=\"share\">\(share(number, of: cases))</td></tr>\n"
            }
            out += "</tbody>\n</table>\n</div>\n"
        }
        return out + "</section>\n"
    }

    /// Outcome and criterion scores per value of each `--by` fact.
    static func breakdowns(_ result: ScoreResult) -> String {
        guard !result.breakdowns.isEmpty else { return "" }
        let set = result.set
        var out = "<section id=\"breakdowns\" aria-labelledby=\"h-breakdowns\">\n<h2 id=\"h-breakdowns\">Breakdowns</h2>\n"
        out += "<p class=\"note\">Each column scores only the cases with that value; n is the base.</p>\n"
        for breakdown in result.breakdowns {
            let fact = set.facts[breakdown.fact]
            out += "<h3>By \(HTMLText.escape(fact.label.lowercasedFirst()))</h3>\n<div class=\"wide\"><table>\n"
            out += "<caption>Scores by \(HTMLText.escape(fact.label.lowercasedFirst())) (<code>\(HTMLText.escape(fact.name))</code>)"
                + "</caption>\n<thead><tr><th scope=\"col\"></th>"
            for group in breakdown.groups {
                out += "<th scope=\"col\" class=\"num\">\(HTMLText.escape(ReportWords.value(group.key.label(fact))))</th>"
            }
            out += "</tr></thead>\n<tbody>\n<tr><th scope=\"row\">Cases</th>"
            func mark(_ level: String, _ group: GroupKey) -> String {
                "data-figure=\"\(level)\" data-by=\"\(HTMLText.escape(fact.name))\" data-group=\"\(HTMLText.escape(group.label(fact)))\""
            }
            for group in breakdown.groups {
                out += "<td class=\"num\" \(mark("cases", group.key)) data-field=\"cases\">\(group.scorecard.cases)</td>"
            }
            out += "</tr>\n"
            func row(_ title: String, level: String, id: String, sub: Bool, _ figure: (Scorecard) -> GroupScore) {
                out += "<tr\(sub ? " class=\"sub\"" : "")><th scope=\"row\">\(HTMLText.escape(title))</th>"
                for group in breakdown.groups {
                    let value = figure(group.scorecard)
                    out += "<td class=\"num\" \(mark(self.figure(level, id), group.key))><span data-field=\"score\">"
                        + "\(score(value.score, value.smallBase))</span> n=<span data-field=\"base\">\(value.cases)</span>"
                        + (value.band.map { "<br><span class=\"band\" data-field=\"band\">\(HTMLText.escape($0))</span>" } ?? "") + "</td>"
                }
                out += "</tr>\n"
            }
            for (index, outcome) in set.outcomes.enumerated() {
                row(outcome.title, level: "outcome", id: outcome.id, sub: false) { $0.outcomes[index] }
                for (criterion, model) in set.criteria.enumerated() where model.outcome == index {
                    row(model.id + " " + model.title, level: "criterion", id: model.id, sub: true) { $0.criteria[criterion] }
                }
            }
            if set.scoring.overall != nil {
                out += "<tr><th scope=\"row\">Overall rating</th>"
                for group in breakdown.groups {
                    guard let overall = group.scorecard.overall else { continue }
                    out += "<td class=\"num\" \(mark("overall", group.key))><span data-field=\"band\">\(HTMLText.escape(overall.band ?? "–"))</span>"
                        + " (<span data-field=\"points\">\(overall.points)</span>/<span data-field=\"maximum\">\(overall.maximum)</span>)</td>"
                }
                out += "</tr>\n"
            }
            out += "</tbody>\n</table></div>\n"
        }
        return out + "</section>\n"
    }

    /// A count as a share of the sample: "16.3%".
    static func share(_ count: Int, of cases: Int) -> String {
        Percent.text(cases > 0 ? Double(count) / Double(cases) : nil)
    }
}
