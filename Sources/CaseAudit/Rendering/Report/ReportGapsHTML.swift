/// The report's per-case gaps in HTML, streamed: a section per group (`--gaps-by`), an article and
/// a table per case with gaps. Notes are printed only when included.
struct ReportGapsHTML: GapWriter {
    let sink: OutputSink
    let includeNotes: Bool
    private var set: CriteriaSet?
    private var groupOpen = false
    private var casesInGroup = 0

    init(_ sink: OutputSink, includeNotes: Bool) {
        self.sink = sink
        self.includeNotes = includeNotes
    }

    /// The escaped cells that are the same for every gap of a question without an element, and
    /// for every plain answer below the line, made once: the gap tables run to megabytes.
    private var rowStarts: [String] = []
    private var missingCells: [String] = []
    private var answerCells: [[String]] = []

    mutating func begin(_ set: CriteriaSet) {
        self.set = set
        rowStarts = set.questions.map { Self.rowStart(set.criteria[$0.criterion].id, ReportWords.label($0), $0.id) }
        missingCells = set.questions.map { Self.missingCell($0.gap ?? "") }
        answerCells = set.scales.map { scale in
            scale.options.indices.map { Self.answerCell(scale.label(of: $0), scale.gapKind(of: $0).rawValue + " gap") }
        }
    }

    private static func rowStart(_ criterion: String, _ question: String, _ questionID: String) -> String {
        "<tr><td>\(HTMLText.escape(criterion))</td><td>\(HTMLText.escape(question))<span class=\"id\">\(HTMLText.escape(questionID))</span></td><td>"
    }

    private static func answerCell(_ answer: String, _ kind: String) -> String {
        "\(HTMLText.escape(answer))<span class=\"kind\">\(HTMLText.escape(kind))</span></td>"
    }

    private static func missingCell(_ missing: String) -> String { "<td>\(HTMLText.escape(missing))</td>" }

    mutating func group(_ facts: [Fact], _ keys: [GroupKey]) {
        guard let fact = facts.first, let key = keys.first else { return }  // --gaps-by names one fact
        closeGroup()
        groupOpen = true
        casesInGroup = 0
        let value = key.label(fact)
        sink.write("<section class=\"gap-group\" data-by=\"\(HTMLText.escape(fact.name))\" data-group=\"\(HTMLText.escape(value))\">\n"
            + "<h3>\(HTMLText.escape(fact.label)): \(HTMLText.escape(ReportWords.value(value)))</h3>\n")
    }

    mutating func write(_ entry: GapCase) {
        let gaps = entry.gaps
        guard let set, !gaps.isEmpty else { return }
        casesInGroup += 1
        let level = groupOpen ? "h4" : "h3"
        var out = "<article class=\"case\" data-case=\"\(HTMLText.escape(entry.id))\">\n<\(level)>Case \(HTMLText.escape(entry.id)) "
            + "<span class=\"where\">\(HTMLText.escape(ReportGapRow.source(entry)))</span></\(level)>\n"
        out += "<div class=\"wide\"><table class=\"gaps\">\n<thead><tr>"
        for header in ReportGapRow.headers(includeNotes: includeNotes) { out += "<th scope=\"col\">\(header)</th>" }
        out += "</tr></thead>\n<tbody>\n"
        out.reserveCapacity(gaps.count * 512)
        for gap in gaps {
            let scale = set.questions[gap.question].scale
            if gap.element == nil, gap.result == .insufficient, !gap.computed, case .option(let option)? = gap.answer,
               answerCells[scale].indices.contains(option) {
                // As ReportGapRow gives it, from the cells made once.
                out += rowStarts[gap.question]
                out += answerCells[scale][option]
                out += missingCells[gap.question]
            } else {
                let row = ReportGapRow(gap, set, includeNotes: includeNotes)
                out += Self.rowStart(row.criterion, row.question, row.questionID)
                out += Self.answerCell(row.answer, row.kind)
                out += Self.missingCell(row.missing)
            }
            if includeNotes { out += "<td class=\"case-note\">\(HTMLText.escape(gap.note ?? ""))</td>" }
            out += "</tr>\n"
        }
        sink.write(out + "</tbody>\n</table></div>\n</article>\n")
    }

    mutating func end(_ summary: GapsRun.Summary) {
        closeGroup()
        sink.write("<p class=\"note\">\(HTMLText.escape(ReportWords.gapsSummary(summary)))</p>\n")
    }

    private mutating func closeGroup() {
        guard groupOpen else { return }
        if casesInGroup == 0 { sink.write("<p>No gaps.</p>\n") }
        sink.write("</section>\n")
        groupOpen = false
    }
}
