/// One gap as the report's gap tables show it, in HTML and Markdown alike.
struct ReportGapRow {
    var criterion: String
    var questionID: String
    var question: String
    var answer: String
    /// "practice gap", "recording gap" or "audit record gap".
    var kind: String
    /// The question's gap sentence, for an insufficient answer.
    var missing: String
    /// The assessor's note, when notes are included.
    var note: String?

    static func headers(includeNotes: Bool) -> [String] {
        ["Criterion", "Question", "Answer (kind of gap)", "What was missing"] + (includeNotes ? ["Note"] : [])
    }

    init(_ gap: Gap, _ set: CriteriaSet, includeNotes: Bool) {
        let question = set.questions[gap.question]
        criterion = set.criteria[question.criterion].id
        questionID = set.instanceID(gap.question, element: gap.element)
        self.question = ReportWords.label(question)
        answer = GapWords.answer(gap, set)
        kind = GapWords.kind(gap) + " gap"
        missing = gap.result == .insufficient ? question.gap ?? "" : ""
        note = includeNotes ? gap.note ?? "" : nil
    }

    /// Where the case is written, and who assessed it: "assessor AB · om-01.yaml line 7" (not
    /// where, for a pseudonymised case).
    static func source(_ entry: GapCase) -> String {
        let place = entry.hidesSource ? nil : "\(entry.path) line \(entry.line)"
        return [entry.assessor.map { "assessor \($0)" }, place].compactMap { $0 }.joined(separator: " · ")
    }
}
