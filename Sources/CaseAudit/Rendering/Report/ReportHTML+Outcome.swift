/// One outcome's chapter: the headline score, key strengths and areas for improvement, the
/// criterion table, the data summary (a Yes/No chart and table per criterion, answers by option for
/// multi-valued and descriptive questions) and the factor table of its per-element questions.
extension ReportHTML {
    static func outcomeSection(_ card: Scorecard, _ outcome: Int, trends: [Trend] = []) -> String {
        let set = card.set
        let id = outcomeID(set, outcome)
        var out = "<section class=\"outcome\" id=\"\(id)\" aria-labelledby=\"h-\(id)\">\n"
        out += "<h2 id=\"h-\(id)\">\(HTMLText.escape(ReportWords.outcomeHeading(set, outcome)))</h2>\n"
        out += headline(card, outcome) + highlights(card, outcome) + criteria(card, outcome)
        out += trendSection(trends, outcomeID: id)
        out += "<h3 class=\"data-summary\">Data summary</h3>\n<p class=\"note\">\(HTMLText.escape(ReportWords.dataSummaryNote(cases: card.cases)))</p>\n"
        for criterion in set.criteria.indices where set.criteria[criterion].outcome == outcome {
            out += dataSummary(card, criterion)
        }
        for table in card.elementTables where ReportLayout.outcome(of: table, set) == outcome { out += factorTable(card, table) }
        return out + "</section>\n"
    }

    /// "Overall, 82.1% of work was done well enough", with how the score was made.
    private static func headline(_ card: Scorecard, _ outcome: Int) -> String {
        let set = card.set
        let figure = card.outcomes[outcome]
        let mark = "data-figure=\"\(self.figure("outcome", set.outcomes[outcome].id))\""
        guard figure.score != nil else {
            return "<p class=\"headline\" \(mark)>No score: <span data-field=\"score\">–</span>. "
                + "No scored question of this outcome was answered for a case it applies to.</p>\n"
        }
        var out = "<p class=\"headline\" \(mark)>Overall, <span data-field=\"score\">\(score(figure.score, figure.smallBase))</span> "
            + "of work was done well enough.</p>\n<p class=\"note\" \(mark)>"
        let base = "a base of <span data-field=\"base\">\(figure.cases)</span> case" + (figure.cases == 1 ? "" : "s")
        switch set.scoring.method {
        case .meanOfQuestions:
            out += "The mean of <span data-field=\"items\">\(figure.items)</span> question score" + (figure.items == 1 ? "" : "s") + "; \(base)."
        case .meanOfCriteria:
            let parts = figure.meanOf ?? (0, 0)
            out += "The mean of <span data-field=\"criterion_scores\">\(parts.criteria)</span> criterion score" + (parts.criteria == 1 ? "" : "s")
            if parts.questions > 0 {
                out += " and <span data-field=\"also_scores_questions\">\(parts.questions)</span> question score" + (parts.questions == 1 ? "" : "s")
                    + " from other outcomes' criteria"
            }
            out += "; \(base)."
        case .pooled:
            out += "<span data-field=\"sufficient\">\(figure.sufficient)</span> of <span data-field=\"answers\">\(figure.answers)</span> "
                + (figure.answers == 1 ? "answer was" : "answers were") + " sufficient; \(base)."
        }
        if let band = figure.band { out += " Band: <span data-field=\"band\">\(HTMLText.escape(band))</span>." }
        return out + "</p>\n"
    }

    private static func highlights(_ card: Scorecard, _ outcome: Int) -> String {
        let set = card.set
        let chosen = ReportHighlights(card, outcome: outcome)
        func box(_ kind: String, _ heading: String, _ items: [QuestionScore]) -> String {
            var out = "<div class=\"box \(kind)\">\n<h3>\(heading)</h3>\n"
            guard !items.isEmpty else { return out + "<p>\(ReportWords.noHighlights)</p>\n</div>\n" }
            out += "<ol>\n"
            for item in items {
                out += "<li data-figure=\"\(figure("question", set.questions[item.question].id))\">"
                    + "\(HTMLText.escape(ReportWords.label(set.questions[item.question]))): "
                    + "<span data-field=\"score\">\(score(item.score, item.smallBase))</span> "
                    + "(<span data-field=\"sufficient\">\(item.sufficient)</span> of <span data-field=\"base\">\(item.base)</span>)</li>\n"
            }
            return out + "</ol>\n</div>\n"
        }
        return "<div class=\"highlights\">\n" + box("strengths", chosen.strengthsHeading, chosen.strengths)
            + box("improvements", chosen.improvementsHeading, chosen.improvements) + "</div>\n"
            + "<p class=\"note\">\(HTMLText.escape(ReportWords.highlightsNote(set)))</p>\n"
    }

    private static func criteria(_ card: Scorecard, _ outcome: Int) -> String {
        let set = card.set
        let banded = set.scoring.bands(.criteria)
        var out = "<h3>Criteria</h3>\n<table>\n<thead><tr><th scope=\"col\">Criterion</th><th scope=\"col\" class=\"num\">Score</th>"
            + "<td class=\"meter-cell\"></td><th scope=\"col\" class=\"num\">Base (cases)</th><th scope=\"col\" class=\"num\">Answers</th>"
            + "<th scope=\"col\" class=\"num\">Questions</th>" + (banded ? "<th scope=\"col\">Rating</th>" : "") + "</tr></thead>\n<tbody>\n"
        for figure in card.criteria where set.criteria[figure.index].outcome == outcome {
            let model = set.criteria[figure.index]
            let name = HTMLText.escape(model.id + " " + model.title)
            let charted = !ReportLayout.questions(set, criterion: figure.index).isEmpty
            out += "<tr data-figure=\"\(self.figure("criterion", model.id))\"><th scope=\"row\">"
                + (charted ? "<a href=\"#\(criterionID(model))\">\(name)</a>" : name) + "</th>"
                + "<td class=\"num\" data-field=\"score\">\(score(figure.score, figure.smallBase))</td>"
                + "<td class=\"meter-cell\" aria-hidden=\"true\">\(BarChartSVG.meter(figure.score))</td>"
                + "<td class=\"num\" data-field=\"base\">\(figure.cases)</td><td class=\"num\" data-field=\"answers\">\(figure.answers)</td>"
                + "<td class=\"num\" data-field=\"items\">\(figure.items)</td>"
                + (banded ? "<td class=\"band\" data-field=\"band\">\(HTMLText.escape(figure.band ?? "–"))</td>" : "") + "</tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }

    /// A criterion's charts, each followed by its table.
    private static func dataSummary(_ card: Scorecard, _ criterion: Int) -> String {
        let set = card.set
        let model = set.criteria[criterion]
        let members = ReportLayout.questions(set, criterion: criterion)
        guard !members.isEmpty else { return "" }
        var out = "<h4 id=\"\(criterionID(model))\">\(HTMLText.escape(model.id + " " + model.title))</h4>\n"
        let scored = members.filter { set.questions[$0].scored }
        if !scored.isEmpty { out += yesNo(card, model, scored) }
        for group in ReportLayout.optionGroups(set, members) {
            out += options(card, model, group)
        }
        return out
    }

    /// The Data Summary chart: sufficient (Yes) and insufficient (No) answers per question. Questions
    /// asked once per element (`for_each`) count instances, not cases: they get a chart of their own,
    /// with its own axis, after the per-case one.
    private static func yesNo(_ card: Scorecard, _ criterion: Criterion, _ questions: [Int]) -> String {
        let set = card.set
        let tableID = HTMLText.id("data-", criterion.id)
        var groups: [(each: Int?, questions: [Int])] = []
        for index in questions {
            let each = set.questions[index].forEach
            if let at = groups.firstIndex(where: { $0.each == each }) { groups[at].questions.append(index) } else { groups.append((each, [index])) }
        }
        var out = ""
        for group in groups.sorted(by: { ($0.each ?? -1) < ($1.each ?? -1) }) {
            let perElement = group.each.map { set.facts[$0].label.lowercasedFirst() }
            var chart = BarChartSVG(title: "\(criterion.id) \(criterion.title): sufficient and insufficient answers"
                                    + (perElement.map { ", per element of \($0)" } ?? ""), bars: group.questions.map { index in
                let figure = card.questions[index]
                return BarChartSVG.Bar(
                    label: ReportWords.label(set.questions[index]),
                    segments: [
                        .init(value: figure.sufficient, style: "yes", dark: true, field: "sufficient"),
                        .init(value: figure.insufficient, style: "no", dark: false, field: "insufficient"),
                    ],
                    note: [.init(text: score(figure.score, figure.smallBase), field: "score"), .init(text: " of ", field: nil),
                           .init(text: "\(figure.base)", field: "base")],
                    figure: "question:" + set.questions[index].id)
            })
            if perElement != nil { chart.axisTitle = "Number of instances (a case once per element)" }
            out += "<figure aria-details=\"\(tableID)\">\n<figcaption>\(HTMLText.escape(criterion.id)): "
            if let perElement {
                out += "answers given for each of a case's \(HTMLText.escape(perElement)), judged sufficient (Yes) and not (No), "
                    + "with the score and its base in instances</figcaption>\n"
            } else {
                out += "answers judged sufficient (Yes) and not (No), with the score and its base</figcaption>\n"
            }
            out += BarChartSVG.legend([("yes", "Yes: sufficient"), ("no", "No: not sufficient")])
            out += chart.svgs().joined() + "</figure>\n"
        }
        out += "<div class=\"wide\"><table id=\"\(tableID)\">\n<caption>\(HTMLText.escape(criterion.id)): question figures</caption>\n"
        out += "<thead><tr><th scope=\"col\">Question</th>"
        for header in ["Yes", "No", "Base", "Score", "Not applicable", "No answer", "Cannot tell if applies", "Invalid"] {
            out += "<th scope=\"col\" class=\"num\">\(header)</th>"
        }
        out += "</tr></thead>\n<tbody>\n"
        for index in questions {
            let question = set.questions[index]
            let figure = card.questions[index]
            out += "<tr data-figure=\"\(self.figure("question", question.id))\">" + questionHeader(question)
            out += "<td class=\"num\" data-field=\"sufficient\">\(figure.sufficient)</td>"
                + "<td class=\"num\" data-field=\"insufficient\">\(figure.insufficient)</td>"
                + "<td class=\"num\" data-field=\"base\">\(figure.base)</td>"
                + "<td class=\"num\" data-field=\"score\">\(score(figure.score, figure.smallBase))</td>"
            for kind in [ResultKind.notApplicable, .unanswered, .undetermined, .invalid] {
                out += "<td class=\"num\" data-field=\"\(kind.rawValue)\">\(card.tally.count(kind, question: index))</td>"
            }
            out += "</tr>\n"
        }
        return out + "</tbody>\n</table></div>\n"
    }

    /// Answers per option, one segment per option of the scale: multi-valued and descriptive questions.
    private static func options(_ card: Scorecard, _ criterion: Criterion, _ group: ReportLayout.OptionGroup) -> String {
        let set = card.set
        let model = set.scales[group.scale]
        let scored = group.scored
        let questions = group.questions
        let styles = model.options.indices.map { optionStyle(model, $0) }
        let total = scored ? "base" : ResultKind.descriptive.rawValue
        let tableID = HTMLText.id("options-", criterion.id + "-" + model.name + (scored ? "" : "-descriptive"))
        let what = ReportWords.optionsCaption(set, group)
        let chart = BarChartSVG(title: "\(criterion.id) \(criterion.title): \(what)", bars: questions.map { index in
            let counts = card.tally.options[index]
            return BarChartSVG.Bar(
                label: ReportWords.label(set.questions[index]),
                segments: model.options.indices.map { option in
                    .init(value: counts[option], style: styles[option].style, dark: styles[option].dark,
                          field: "answers." + model.options[option])
                },
                note: [.init(text: "n = ", field: nil), .init(text: "\(counts.reduce(0, +))", field: total)],
                figure: "question:" + set.questions[index].id)
        })
        var out = "<figure aria-details=\"\(tableID)\">\n<figcaption>\(HTMLText.escape(criterion.id + ": " + what))</figcaption>\n"
        out += BarChartSVG.legend(model.options.indices.map { (styles[$0].style, ReportWords.option(model, $0, scored: scored)) })
        out += chart.svgs().joined() + "</figure>\n"
        out += "<div class=\"wide\"><table id=\"\(tableID)\">\n<caption>\(HTMLText.escape(criterion.id + ": " + what)), figures</caption>\n"
        out += "<thead><tr><th scope=\"col\">Question</th>"
        for option in model.options.indices {
            out += "<th scope=\"col\" class=\"num\">\(HTMLText.escape(ReportWords.option(model, option, scored: scored)))</th>"
        }
        out += "<th scope=\"col\" class=\"num\">Answers</th></tr></thead>\n<tbody>\n"
        for index in questions {
            let question = set.questions[index]
            let counts = card.tally.options[index]
            out += "<tr data-figure=\"\(figure("question", question.id))\">" + questionHeader(question)
            for option in model.options.indices {
                out += "<td class=\"num\" data-field=\"\(HTMLText.escape("answers." + model.options[option]))\">\(counts[option])</td>"
            }
            out += "<td class=\"num\" data-field=\"\(total)\">\(counts.reduce(0, +))</td></tr>\n"
        }
        return out + "</tbody>\n</table></div>\n"
    }

    /// The offending-related factor table: per element, its cases and each question's score.
    private static func factorTable(_ card: Scorecard, _ table: ElementTable) -> String {
        let set = card.set
        let fact = set.facts[table.fact]
        var out = "<h3>By \(HTMLText.escape(fact.label.lowercasedFirst()))</h3>\n<div class=\"wide\"><table>\n"
        out += "<caption>Of the cases with each value, the proportion where the work was sufficient (sufficient/base)</caption>\n"
        out += "<thead><tr><th scope=\"col\">\(HTMLText.escape(fact.label)) (cases)</th>"
        for question in table.questions {
            out += "<th scope=\"col\" class=\"num\">\(HTMLText.escape(ReportWords.label(set.questions[question])))"
                + "<span class=\"id\">\(HTMLText.escape(set.questions[question].id))</span></th>"
        }
        out += "</tr></thead>\n<tbody>\n"
        for row in table.rows {
            let element = fact.values[row.element]
            let group = " data-group=\"\(HTMLText.escape(element))\""
            out += "<tr><th scope=\"row\" data-figure=\"\(figure("factor", fact.name))\"\(group)>"
                + "\(HTMLText.escape(ReportWords.value(element))) (<span data-field=\"cases\">\(row.cases)</span>)</th>"
            for cell in row.figures {
                out += "<td class=\"num\" data-figure=\"\(figure("element", set.questions[cell.question].id))\"\(group)>"
                    + "<span data-field=\"score\">\(score(cell.score, cell.smallBase))</span> "
                    + "(<span data-field=\"sufficient\">\(cell.sufficient)</span>/<span data-field=\"base\">\(cell.base)</span>)</td>"
            }
            out += "</tr>\n"
        }
        return out + "</tbody>\n</table></div>\n"
    }

    /// A question's row header: its label, and its id under it.
    private static func questionHeader(_ question: Question) -> String {
        "<th scope=\"row\">\(HTMLText.escape(ReportWords.label(question)))<span class=\"id\">\(HTMLText.escape(question.id))</span></th>"
    }

    static func criterionID(_ criterion: Criterion) -> String { HTMLText.id("criterion-", criterion.id) }

    /// The segment style of an option: sufficient options in solid fills from dark to light,
    /// insufficient ones outlined, dashed, grey or dotted, in scale order.
    private static func optionStyle(_ scale: Scale, _ option: Int) -> (style: String, dark: Bool) {
        let sufficient = scale.options.indices.filter { scale.sufficient.contains($0) }
        if let rank = sufficient.firstIndex(of: option) { return ("suf-\(rank % 3 + 1)", rank % 3 == 0) }
        let rank = scale.options.indices.filter { !scale.sufficient.contains($0) }.firstIndex(of: option) ?? 0
        return ("ins-\(rank % 4 + 1)", false)
    }
}
