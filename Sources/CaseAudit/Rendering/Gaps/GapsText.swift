/// Per-case gaps for the terminal: one block per case, each gap with its criterion, question,
/// answer, gap sentence and note.
public struct GapsText: GapWriter {
    let sink: OutputSink
    let includeNotes: Bool
    private var set: CriteriaSet?

    public init(_ sink: OutputSink, includeNotes: Bool) {
        self.sink = sink
        self.includeNotes = includeNotes
    }

    public mutating func begin(_ set: CriteriaSet) {
        self.set = set
        sink.write("Gaps: " + ScoreStamp.line(set) + "\n")
    }

    public mutating func summary(_ facts: [Fact], _ groups: [GapsRun.Group]) {
        sink.write("\n" + GapsGroupTable.table(facts, groups).render())
    }

    public mutating func group(_ facts: [Fact], _ keys: [GroupKey]) {
        let title = GapsGroupTable.title(facts, keys)
        sink.write("\n" + title + "\n" + String(repeating: "═", count: title.count) + "\n")
    }

    public mutating func write(_ entry: GapCase) {
        let gaps = entry.gaps
        guard let set, let first = gaps.first else { return }
        var out = "\n\(entry.id)" + (entry.assessor.map { " (assessor \($0))" } ?? "")
        out += entry.hidesSource ? "\n" : "  \(first.location.path):\(entry.line)\n"
        // One heading per criterion, even when the set lists its questions apart.
        var criteria: [Int] = []
        for gap in gaps where !criteria.contains(set.questions[gap.question].criterion) {
            criteria.append(set.questions[gap.question].criterion)
        }
        for criterion in criteria {
            out += "  \(set.criteria[criterion].id) \(set.criteria[criterion].title)\n"
            for gap in gaps where set.questions[gap.question].criterion == criterion {
                let question = set.questions[gap.question]
                out += "    \(GapWords.id(gap, set))  \(question.text)\n"
                out += "      answer: \(GapWords.answer(gap, set)) · \(GapWords.kind(gap)) gap\n"
                if gap.result == .insufficient, let sentence = question.gap { out += "      \(sentence)\n" }
                if includeNotes, let note = gap.note { out += "      note: \(note)\n" }
            }
        }
        sink.write(out)
    }

    public mutating func end(_ summary: GapsRun.Summary) {
        sink.write("\n\(counted(summary.gaps, "gap")) in \(summary.casesWithGaps) of \(counted(summary.read.cases, "case"))\n")
    }
}
