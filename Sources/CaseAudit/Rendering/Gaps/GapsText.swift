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

    public mutating func group(_ fact: Fact, _ key: GroupKey) {
        let title = "\(fact.label): \(key.label(fact))"
        sink.write("\n" + title + "\n" + String(repeating: "═", count: title.count) + "\n")
    }

    public mutating func write(_ record: CaseRecord, _ gaps: [Gap]) {
        guard let set, let first = gaps.first else { return }
        var out = "\n\(record.id)" + (record.assessor.map { " (assessor \($0))" } ?? "")
        out += "  \(first.location.path):\(record.positions.record.line)\n"
        var criterion = -1
        for gap in gaps {
            let question = set.questions[gap.question]
            if question.criterion != criterion {
                criterion = question.criterion
                out += "  \(set.criteria[criterion].id) \(set.criteria[criterion].title)\n"
            }
            out += "    \(GapWords.id(gap, set))  \(question.text)\n"
            out += "      answer: \(GapWords.answer(gap, set)) · \(GapWords.kind(gap)) gap\n"
            if gap.result == .insufficient, let sentence = question.gap { out += "      \(sentence)\n" }
            if includeNotes, let note = gap.note { out += "      note: \(note)\n" }
        }
        sink.write(out)
    }

    public mutating func end(_ summary: GapsRun.Summary) {
        sink.write("\n\(summary.gaps) gaps in \(summary.casesWithGaps) of \(summary.read.cases) cases\n")
    }
}
