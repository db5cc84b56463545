/// Finds one case in the inputs and evaluates it, for `caseaudit explain`.
public enum ExplainRun {
    /// The id as outputs show it: in NFC, and its pseudonym when the stream pseudonymises (so the
    /// id typed on the command line is never echoed).
    public static func shownID(_ id: String, in stream: CaseStream) -> String {
        let id = CaseStream.normalised(id)
        return stream.pseudonymiser?.pseudonym(for: id) ?? id
    }

    /// The case with id `id` (or, when the stream pseudonymises, with that pseudonym), evaluated.
    public static func find(
        _ id: String, in stream: CaseStream, report: ([Diagnostic]) -> Void
    ) -> (evaluation: CaseEvaluation?, summary: CaseStream.Summary) {
        let evaluator = Evaluator(stream.schema.set)
        let wanted: Set<String> = [shownID(id, in: stream), CaseStream.normalised(id)]
        var found: CaseEvaluation?
        let summary = stream.forEach(report: report) { record, _ in
            guard found == nil, wanted.contains(record.id) else { return [] }
            let evaluation = evaluator.evaluate(record)
            found = evaluation
            return evaluation.findings
        }
        return (found, summary)
    }

    /// A usage error for a question id not in the set, with a did-you-mean.
    public static func unknownQuestion(_ id: String, in schema: CaseSchema) -> Diagnostic {
        Diagnostic(.error, code: "usage.unknown-question", schema.unknownQuestion(id).message, at: nil)
    }
}
