/// `caseaudit report`: the audit report as one self-contained HTML file (inline CSS and SVG, no
/// script, nothing fetched), in the order of a published inspection report: the stamp, contents,
/// the summary table, one section per outcome, the sample profile, the breakdowns, the per-case gaps.
///
/// Every figure is marked for checking against `score --format json`: the element holding it has
/// `data-figure="LEVEL:ID"` (`outcome:public`, `criterion:4.1`, `question:rmp.sufficient`,
/// `element:QUESTION`, `factor:FACT`, `profile:FACT`, `cases`, `sample`), with `data-group` (a
/// value, as the JSON writes it) and `data-by` (a breakdown's fact) where they apply, and each
/// number inside it sits in an element with `data-field` named after its JSON key.
enum ReportHTML {
    /// The document up to the per-case gaps, which are streamed after it (``ReportGapsHTML``).
    static func opening(_ result: ScoreResult, _ options: ReportOptions, inputs: Int) -> String {
        let set = result.set
        var out = "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<title>\(HTMLText.escape(options.heading + " · " + set.title))</title>\n"
        out += "<style>\n\(ReportStyle.css)\n</style>\n</head>\n<body>\n<div class=\"page\">\n"
        out += cover(result, options, inputs: inputs)
        out += contents(result, gaps: options.includesGaps)
        out += "<main>\n" + summary(result.scorecard)
        let trends = options.history?.trends(result.scorecard, date: options.date)
        for outcome in set.outcomes.indices { out += outcomeSection(result.scorecard, outcome, trends: trends?[outcome] ?? []) }
        out += profile(result) + breakdowns(result)
        guard options.includesGaps else { return out }
        out += "<section id=\"gaps\" aria-labelledby=\"h-gaps\">\n<h2 id=\"h-gaps\">Per-case gaps</h2>\n"
        out += "<p class=\"note\">\(HTMLText.escape(ReportWords.gapsIntro(includeNotes: options.includeNotes)))</p>\n"
        return out
    }

    /// Ends the gaps section (when there is one) and the document.
    static func closing(_ options: ReportOptions) -> String {
        (options.includesGaps ? "</section>\n" : "") + "</main>\n</div>\n</body>\n</html>\n"
    }

    /// The title block with the stamp: criteria set, hash, sample, method, and the date when given.
    private static func cover(_ result: ScoreResult, _ options: ReportOptions, inputs: Int) -> String {
        let set = result.set
        let summary = result.summary
        var out = "<header class=\"cover\">\n<p class=\"kicker\">Case audit · \(HTMLText.escape(set.title))</p>\n"
        out += "<h1>\(HTMLText.escape(options.heading))</h1>\n<dl class=\"stamp\">\n"
        out += "<dt>Criteria set</dt><dd>\(HTMLText.escape(set.title)) (<code>\(HTMLText.escape(set.id))</code> "
            + "version \(HTMLText.escape(set.version)))</dd>\n"
        out += "<dt>SHA-256</dt><dd class=\"hash\">\(HTMLText.escape(set.contentHash))</dd>\n"
        out += "<dt>Sample</dt><dd data-figure=\"sample\"><span data-field=\"cases\">\(result.scorecard.cases)</span> cases "
            + "from \(inputs) \(inputs == 1 ? "file" : "files")</dd>\n"
        out += "<dt>Scoring</dt><dd>\(HTMLText.escape(ReportWords.method(set)))</dd>\n"
        if let date = options.date {
            out += "<dt>Date</dt><dd><time datetime=\"\(date)\">\(ReportWords.date(date))</time></dd>\n"
        }
        out += "</dl>\n"
        if summary.errors > 0 || summary.warnings > 0 || summary.unreadable > 0 {
            out += "<p class=\"warning\" data-figure=\"sample\">Reading the case files found <span data-field=\"errors\">"
                + "\(summary.errors)</span> error\(summary.errors == 1 ? "" : "s") and <span data-field=\"warnings\">\(summary.warnings)</span> warning\(summary.warnings == 1 ? "" : "s")"
                + (summary.unreadable > 0 ? "; \(counted(summary.unreadable, "file")) could not be read" : "")
                + ". Rejected values are left out of the figures; <code>caseaudit score</code> lists them.</p>\n"
        }
        return out + "</header>\n"
    }

    private static func contents(_ result: ScoreResult, gaps: Bool) -> String {
        let set = result.set
        var out = "<nav class=\"contents\" aria-labelledby=\"h-contents\">\n<h2 id=\"h-contents\">Contents</h2>\n<ol>\n"
        out += "<li><a href=\"#summary\">Summary</a></li>\n"
        for index in set.outcomes.indices {
            out += "<li><a href=\"#\(outcomeID(set, index))\">\(HTMLText.escape(ReportWords.outcomeHeading(set, index)))</a></li>\n"
        }
        if !result.profile.isEmpty { out += "<li><a href=\"#profile\">Sample profile</a></li>\n" }
        if !result.breakdowns.isEmpty { out += "<li><a href=\"#breakdowns\">Breakdowns</a></li>\n" }
        if gaps { out += "<li><a href=\"#gaps\">Per-case gaps</a></li>\n" }
        return out + "</ol>\n</nav>\n"
    }

    /// The headline table: each outcome's score, base and band, as on the report's Summary page.
    private static func summary(_ card: Scorecard) -> String {
        let set = card.set
        let bands = set.scoring.bands(.outcomes)
        var out = "<section id=\"summary\" aria-labelledby=\"h-summary\">\n<h2 id=\"h-summary\">Summary</h2>\n"
        out += "<table class=\"summary-table\">\n<caption>The proportion of work judged to have been done well enough</caption>\n"
        out += "<thead><tr><th scope=\"col\">Outcome</th><th scope=\"col\" class=\"num\">Score</th>"
            + "<td class=\"meter-cell\"></td><th scope=\"col\" class=\"num\">Base (cases)</th><th scope=\"col\" class=\"num\">Questions</th>"
            + (bands ? "<th scope=\"col\">Band</th>" : "") + "</tr></thead>\n<tbody>\n"
        for outcome in card.outcomes {
            out += "<tr data-figure=\"\(figure("outcome", set.outcomes[outcome.index].id))\">"
            out += "<th scope=\"row\"><a href=\"#\(outcomeID(set, outcome.index))\">"
                + "\(HTMLText.escape(set.outcomes[outcome.index].title))</a></th>"
            out += "<td class=\"num\" data-field=\"score\">\(score(outcome.score, outcome.smallBase))</td>"
                + "<td class=\"meter-cell\" aria-hidden=\"true\">\(BarChartSVG.meter(outcome.score))</td>"
            out += "<td class=\"num\" data-field=\"base\">\(outcome.cases)</td><td class=\"num\" data-field=\"items\">\(outcome.items)</td>"
            if bands { out += "<td data-field=\"band\">\(HTMLText.escape(outcome.band ?? "–"))</td>" }
            out += "</tr>\n"
        }
        out += "</tbody>\n</table>\n"
        return out + ratings(card) + overall(card) + tagTable(card) + "</section>\n"
    }

    /// `data-figure` value, escaped for an attribute.
    static func figure(_ level: String, _ id: String) -> String { HTMLText.escape(level + ":" + id) }

    static func outcomeID(_ set: CriteriaSet, _ index: Int) -> String { HTMLText.id("outcome-", set.outcomes[index].id) }

    /// A score as the tables write it: one decimal, "–" for none, "*" for a small base.
    static func score(_ value: Double?, _ small: Bool) -> String { ScoreText.score(value, small) }
}
