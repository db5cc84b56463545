import YAMLKit

/// One gap in one case: a scored question instance that is insufficient, unanswered, undetermined
/// or invalid, with what supervision feedback needs.
public struct Gap: Sendable {
    public var caseID: String
    public var assessor: String?
    public var question: Int
    /// For a `for_each` instance, the element's index.
    public var element: Int?
    public var result: ResultKind
    public var answer: AnswerValue?
    public var computed: Bool
    /// For an insufficient answer: whether the work or its recording fell short.
    public var kind: GapKind?
    public var note: String?
    /// For an undetermined or uncomputable result: the facts the case does not record that decide it.
    public var missingFacts: [Int]
    /// The answer in the case file, or the case when there is no answer (without the line's text).
    public var location: SourceLocation
}

extension CaseEvaluation {
    /// The case's gaps, in question order. Descriptive questions have none.
    public func gaps(_ set: CriteriaSet) -> [Gap] {
        // The question's fields are read in place: this runs for every result of every case.
        results.compactMap { result in
            guard result.kind.isGap, set.questions[result.question].scored else { return nil }
            var kind: GapKind?
            if result.kind == .insufficient, case .option(let option)? = result.answer {
                kind = set.scales[set.questions[result.question].scale].gapKind(of: option)
            }
            let position = elementPosition(result) ?? record.positions.answers[result.question] ?? record.positions.record
            let missing = result.kind == .undetermined || result.kind == .unanswered ? missingFacts(for: result, in: set) : []
            return Gap(
                caseID: record.id, assessor: record.assessor, question: result.question, element: result.element,
                result: result.kind, answer: result.answer, computed: result.computed, kind: kind,
                note: record.notes.isEmpty ? nil : record.notes[result.question], missingFacts: missing,
                location: SourceLocation(path: record.source.path, position: position))
        }
    }

    private func elementPosition(_ result: QuestionResult) -> SourcePosition? {
        guard let element = result.element, case .perElement(let answers)? = record.answers[result.question] else { return nil }
        return answers.first { $0.element == element }?.position
    }
}
