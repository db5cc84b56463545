/// Per-case gaps as CSV: one row per gap, for a spreadsheet or a case system.
public struct GapsCSV: GapWriter {
    let sink: OutputSink
    let includeNotes: Bool
    private var set: CriteriaSet?
    private var groupColumns = ["", ""]

    public init(_ sink: OutputSink, includeNotes: Bool) {
        self.sink = sink
        self.includeNotes = includeNotes
    }

    public mutating func begin(_ set: CriteriaSet) {
        self.set = set
        sink.write(CSVWriter.row([
            "by", "group", "case", "assessor", "outcome", "criterion", "question", "element", "question_text",
            "result", "answer", "gap_kind", "gap", "note", "file", "line", "column",
        ]))
    }

    public mutating func group(_ facts: [Fact], _ keys: [GroupKey]) {
        groupColumns = [facts.map(\.name).joined(separator: ";"), zip(facts, keys).map { $1.label($0) }.joined(separator: ";")]
    }

    public mutating func write(_ entry: GapCase) {
        let gaps = entry.gaps
        guard let set else { return }
        var out = ""
        for gap in gaps {
            let question = set.questions[gap.question]
            let criterion = set.criteria[question.criterion]
            let element = gap.element.flatMap { element in question.forEach.map { set.facts[$0].values[element] } } ?? ""
            out += CSVWriter.row(groupColumns + [
                gap.caseID, gap.assessor ?? "", set.outcomes[criterion.outcome].id, criterion.id, question.id, element,
                question.text, gap.result.rawValue, GapWords.answer(gap, set), GapWords.kind(gap),
                gap.result == .insufficient ? question.gap ?? "" : "", includeNotes ? gap.note ?? "" : "",
            ] + (entry.hidesSource ? ["", "", ""] : [gap.location.path, "\(gap.location.line)", "\(gap.location.column)"]))
        }
        sink.write(out)
    }

    public mutating func end(_ summary: GapsRun.Summary) {}
}
