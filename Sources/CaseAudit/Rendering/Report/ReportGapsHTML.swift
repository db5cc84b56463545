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

    mutating func begin(_ set: CriteriaSet) { self.set = set }

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
        for gap in gaps {
            let row = ReportGapRow(gap, set, includeNotes: includeNotes)
            out += "<tr><td>\(HTMLText.escape(row.criterion))</td><td>\(HTMLText.escape(row.question))"
                + "<span class=\"id\">\(HTMLText.escape(row.questionID))</span></td><td>\(HTMLText.escape(row.answer))"
                + "<span class=\"kind\">\(HTMLText.escape(row.kind))</span></td><td>\(HTMLText.escape(row.missing))</td>"
            if let note = row.note { out += "<td class=\"case-note\">\(HTMLText.escape(note))</td>" }
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
