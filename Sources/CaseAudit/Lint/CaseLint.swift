/// The findings `lint` adds to an evaluated case beyond what reading and evaluating report:
/// applicable questions left unanswered, and questions whose applicability cannot be decided.
struct CaseLint {
    let set: CriteriaSet
    /// Unanswered applicable questions are errors rather than warnings.
    let requireComplete: Bool

    func findings(_ evaluation: CaseEvaluation) -> [Diagnostic] {
        let record = evaluation.record
        var findings: [Diagnostic] = []
        var undetermined: [[Int]: [String]] = [:]
        var order: [[Int]] = []
        for result in evaluation.results {
            let question = set.questions[result.question]
            switch result.kind {
            case .unanswered:
                // A computation that lacks only facts whose values were rejected is already reported.
                let lacking = evaluation.missingFacts(for: result, in: set)
                if !lacking.isEmpty, lacking.allSatisfy(record.positions.rejectedFacts.contains) { continue }
                findings.append(unanswered(result, question, record, lacking: lacking))
            case .undetermined:
                // Facts whose values were rejected are reported where they are written, not again here.
                let lacking = evaluation.missingFacts(for: result, in: set)
                let missing = lacking.filter { !record.positions.rejectedFacts.contains($0) }
                if missing.isEmpty, !lacking.isEmpty { continue }
                if undetermined[missing] == nil { order.append(missing) }
                undetermined[missing, default: []].append(question.id)
            default:
                continue
            }
        }
        for missing in order {
            let ids = undetermined[missing] ?? []
            let listed = ids.prefix(6).joined(separator: ", ") + (ids.count > 6 ? ", …" : "")
            let subject = ids.count == 1 ? "whether \(ids[0]) applies" : "whether \(ids.count) questions apply (\(listed))"
            let cause = missing.isEmpty
                ? "an answer they depend on is missing or undecided, so \(subject) cannot be decided"
                : missing.map { set.facts[$0].name }.joined(separator: ", ") + (missing.count == 1 ? " is" : " are")
                    + " not recorded, so \(subject) cannot be decided"
            findings.append(Diagnostic(
                .error, code: "case.undetermined", "case \(record.id): \(cause)", at: record.location,
                notes: missing.map { Diagnostic.Note("record \(set.facts[$0].name) (\(set.facts[$0].label)) in the case's facts") }))
        }
        return findings
    }

    /// `lacking`: the facts a computed question's computation lacks.
    private func unanswered(_ result: QuestionResult, _ question: Question, _ record: CaseRecord, lacking: [Int]) -> Diagnostic {
        var id = question.id
        if let element = result.element, let each = question.forEach { id += "[\(set.facts[each].values[element])]" }
        let message: String
        if question.compute != nil {
            message = "case \(record.id): \(id) applies but cannot be computed: "
                + (lacking.isEmpty ? "an answer it reads is missing" : lacking.map { set.facts[$0].name }.joined(separator: ", ") + " not recorded")
        } else {
            message = "case \(record.id): \(id) applies but has no answer"
        }
        let options = set.scales[question.scale].options.joined(separator: ", ")
        return Diagnostic(
            requireComplete ? .error : .warning, code: "case.unanswered", message,
            at: record.location(record.positions.answers[result.question] ?? record.positions.record),
            notes: question.compute == nil ? [Diagnostic.Note("\(question.text) (\(options))")] : [])
    }
}
