/// Finds one case in the inputs and evaluates it, for `caseaudit explain`.
public enum ExplainRun {
    public static func find(
        _ id: String, in stream: CaseStream, report: ([Diagnostic]) -> Void
    ) -> (evaluation: CaseEvaluation?, summary: CaseStream.Summary) {
        let evaluator = Evaluator(stream.schema.set)
        var found: CaseEvaluation?
        let summary = stream.forEach(report: report) { record, _ in
            guard found == nil, record.id == id else { return [] }
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
