/// Per-case gaps for the terminal: one block per case, each gap with its criterion, question,
/// answer, gap sentence and note.
public struct GapsText: GapWriter {
    let sink: OutputSink
    let includeNotes: Bool
    private var set: CriteriaSet?
    /// Lines that are the same for every gap of a question (its heading, its gap sentence) or of
    /// an option below the line (the answer line), made once: gap lists run to megabytes.
    private var questionLines: [String] = []
    private var sentenceLines: [String?] = []
    private var answerLines: [[String]] = []

    public init(_ sink: OutputSink, includeNotes: Bool) {
        self.sink = sink
        self.includeNotes = includeNotes
    }

    public mutating func begin(_ set: CriteriaSet) {
        self.set = set
        questionLines = set.questions.map { "    \($0.id)  \($0.text)\n" }
        sentenceLines = set.questions.map { question in question.gap.map { "      \($0)\n" } }
        answerLines = set.scales.map { scale in
            scale.options.indices.map { "      answer: \(scale.label(of: $0)) · \(scale.gapKind(of: $0).rawValue) gap\n" }
        }
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
        out.reserveCapacity(gaps.count * 256)
        out += entry.hidesSource ? "\n" : "  \(first.location.path):\(entry.line)\n"
        // One heading per criterion, even when the set lists its questions apart.
        var criteria: [Int] = []
        for gap in gaps where !criteria.contains(set.questions[gap.question].criterion) {
            criteria.append(set.questions[gap.question].criterion)
        }
        for criterion in criteria {
            out += "  \(set.criteria[criterion].id) \(set.criteria[criterion].title)\n"
            for gap in gaps where set.questions[gap.question].criterion == criterion {
                out += gap.element == nil ? questionLines[gap.question] : "    \(GapWords.id(gap, set))  \(set.questions[gap.question].text)\n"
                if gap.result == .insufficient, !gap.computed, case .option(let option)? = gap.answer,
                   answerLines[set.questions[gap.question].scale].indices.contains(option) {
                    out += answerLines[set.questions[gap.question].scale][option]
                } else {
                    out += "      answer: \(GapWords.answer(gap, set)) · \(GapWords.kind(gap)) gap\n"
                }
                if gap.result == .insufficient, let sentence = sentenceLines[gap.question] { out += sentence }
                if includeNotes, let note = gap.note { out += "      note: \(note)\n" }
            }
        }
        sink.write(out)
    }

    public mutating func end(_ summary: GapsRun.Summary) {
        sink.write("\n\(counted(summary.gaps, "gap")) in \(summary.casesWithGaps) of \(counted(summary.read.cases, "case"))\n")
    }
}
