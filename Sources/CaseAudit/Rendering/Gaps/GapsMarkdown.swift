/// Per-case gaps as Markdown: a heading per group and per case, a table of gaps.
public struct GapsMarkdown: GapWriter {
    let sink: OutputSink
    let includeNotes: Bool
    private var set: CriteriaSet?
    private var grouped = false

    public init(_ sink: OutputSink, includeNotes: Bool) {
        self.sink = sink
        self.includeNotes = includeNotes
    }

    public mutating func begin(_ set: CriteriaSet) {
        self.set = set
        sink.write("# Gaps: \(set.title)\n\nCriteria set `\(set.id)` \(set.version), sha256 `\(set.contentHash.prefix(12))`.\n")
    }

    public mutating func summary(_ facts: [Fact], _ groups: [GapsRun.Group]) {
        sink.write("\n" + ScoreMarkdown.table(GapsGroupTable.table(facts, groups)))
    }

    public mutating func group(_ facts: [Fact], _ keys: [GroupKey]) {
        grouped = true
        sink.write("\n## \(GapsGroupTable.title(facts, keys))\n")
    }

    public mutating func write(_ entry: GapCase) {
        let gaps = entry.gaps
        guard let set, !gaps.isEmpty else { return }
        let heading = "\n\(grouped ? "###" : "##") \(entry.id)\n\n"
        var headers = ["Criterion", "Question", "Answer", "Gap", "What was missing"]
        if includeNotes { headers.append("Note") }
        var table = TextTable(headers, alignments: headers.map { _ in .left })
        for gap in gaps {
            let question = set.questions[gap.question]
            var row = [set.criteria[question.criterion].id, "`\(set.instanceID(gap.question, element: gap.element))` \(question.text)",
                       GapWords.answer(gap, set), GapWords.kind(gap), gap.result == .insufficient ? question.gap ?? "" : ""]
            if includeNotes { row.append(gap.note ?? "") }
            table.add(row)
        }
        sink.write(heading + ScoreMarkdown.table(table))
    }

    public mutating func end(_ summary: GapsRun.Summary) {
        sink.write("\n\(counted(summary.gaps, "gap")) in \(summary.casesWithGaps) of \(counted(summary.read.cases, "case")).\n")
    }
}
