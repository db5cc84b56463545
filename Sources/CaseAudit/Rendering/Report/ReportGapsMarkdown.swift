/// The report's per-case gaps in Markdown, streamed: a heading per group (`--gaps-by`) and per case
/// with gaps, each with a table. Notes are printed only when included.
struct ReportGapsMarkdown: GapWriter {
    let sink: OutputSink
    let includeNotes: Bool
    private var set: CriteriaSet?
    private var grouped = false

    init(_ sink: OutputSink, includeNotes: Bool) {
        self.sink = sink
        self.includeNotes = includeNotes
    }

    mutating func begin(_ set: CriteriaSet) { self.set = set }

    mutating func group(_ facts: [Fact], _ keys: [GroupKey]) {
        guard let fact = facts.first, let key = keys.first else { return }  // --gaps-by names one fact
        grouped = true
        sink.write("\n### \(fact.label): \(ReportWords.value(key.label(fact)))\n")
    }

    mutating func write(_ entry: GapCase) {
        let gaps = entry.gaps
        guard let set, !gaps.isEmpty else { return }
        let headers = ReportGapRow.headers(includeNotes: includeNotes)
        var table = TextTable(headers, alignments: headers.map { _ in .left })
        for gap in gaps {
            let row = ReportGapRow(gap, set, includeNotes: includeNotes)
            let cells = [row.criterion, "`\(row.questionID)` \(row.question)", "\(row.answer) (\(row.kind))", row.missing]
                + (row.note.map { [$0] } ?? [])
            table.add(cells)
        }
        let source = ReportGapRow.source(entry)
        sink.write("\n\(grouped ? "####" : "###") Case \(entry.id)\(source.isEmpty ? "" : " (\(source))")\n\n" + ScoreMarkdown.table(table))
    }

    mutating func end(_ summary: GapsRun.Summary) {
        sink.write("\n\(ReportWords.gapsSummary(summary))\n")
    }
}
