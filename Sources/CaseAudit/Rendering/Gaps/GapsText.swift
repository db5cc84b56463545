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
    private var criterionLines: [String] = []
    /// Each question's criterion.
    private var criterionOf: [Int] = []

    public init(_ sink: OutputSink, includeNotes: Bool) {
        self.sink = sink
        self.includeNotes = includeNotes
    }

    public mutating func begin(_ set: CriteriaSet) {
        self.set = set
        questionLines = set.questions.map { "    \($0.id)  \($0.text)\n" }
        criterionLines = set.criteria.map { "  \($0.id) \($0.title)\n" }
        criterionOf = set.questions.map(\.criterion)
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

    /// Each piece goes to the sink as it is made: appending bytes to the sink's buffer costs a
    /// fraction of appending to a String, and gap lists run to megabytes.
    public mutating func write(_ entry: GapCase) {
        guard let set, let first = entry.gaps.first else { return }
        sink.write("\n" + entry.id + (entry.assessor.map { " (assessor \($0))" } ?? "")
            + (entry.hidesSource ? "\n" : "  \(first.location.path):\(entry.line)\n"))
        // One heading per criterion, in the order the criteria first come, even when the set lists
        // its questions apart.
        let criteria = entry.gaps.map { criterionOf[$0.question] }
        var headings: [Int] = []
        for criterion in criteria where !headings.contains(criterion) { headings.append(criterion) }
        for criterion in headings {
            sink.write(criterionLines[criterion])
            for index in criteria.indices where criteria[index] == criterion { write(entry.gaps[index], set) }
        }
    }

    /// One gap's lines: its question, its answer, the gap sentence for an insufficient answer, the note.
    private func write(_ gap: Gap, _ set: CriteriaSet) {
        sink.write(gap.element == nil ? questionLines[gap.question] : "    \(set.instanceID(gap.question, element: gap.element))  \(set.questions[gap.question].text)\n")
        let scale = set.questions[gap.question].scale
        if gap.result == .insufficient, !gap.computed, case .option(let option)? = gap.answer, answerLines[scale].indices.contains(option) {
            sink.write(answerLines[scale][option])
        } else {
            sink.write("      answer: \(GapWords.answer(gap, set)) · \(GapWords.kind(gap)) gap\n")
        }
        if gap.result == .insufficient, let sentence = sentenceLines[gap.question] { sink.write(sentence) }
        if includeNotes, let note = gap.note { sink.write("      note: \(note)\n") }
    }

    public mutating func end(_ summary: GapsRun.Summary) {
        sink.write("\n\(counted(summary.gaps, "gap")) in \(summary.casesWithGaps) of \(counted(summary.read.cases, "case"))\n")
    }
}
