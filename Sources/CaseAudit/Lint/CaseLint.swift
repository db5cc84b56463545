/// The findings `lint` adds to an evaluated case beyond what reading and evaluating report:
/// applicable questions left unanswered, and questions whose applicability cannot be decided.
struct CaseLint {
    let set: CriteriaSet
    /// Unanswered applicable questions are errors rather than warnings.
    let requireComplete: Bool
    /// One undetermined finding per question, rather than one per case for each cause.
    var verbose = false
    /// The note under each question's `case.unanswered` finding (its text and options), made once:
    /// a large caseload has millions of such findings.
    private let unansweredNotes: [[Diagnostic.Note]]

    init(set: CriteriaSet, requireComplete: Bool, verbose: Bool = false) {
        self.set = set
        self.requireComplete = requireComplete
        self.verbose = verbose
        unansweredNotes = set.questions.map { question in
            guard question.compute == nil else { return [] }
            return [Diagnostic.Note("\(question.text) (\(set.scales[question.scale].options.joined(separator: ", ")))")]
        }
    }

    /// Why whether questions apply cannot be decided: facts not recorded, else (when every fact is
    /// there) answers their conditions read that have no value. Findings are grouped by cause (and
    /// by question when verbose).
    private struct Cause: Hashable {
        var facts: [Int]
        var answers: [Int]
        var question: Int?
    }

    func findings(_ evaluation: CaseEvaluation) -> [Diagnostic] {
        let record = evaluation.record
        var findings: [Diagnostic] = []
        var undetermined: [Cause: [String]] = [:]
        var order: [Cause] = []
        // Where the case starts: the place of every finding on a question with no key in the case.
        var recordLocation: SourceLocation?
        for result in evaluation.results {
            switch result.kind {
            case .unanswered:
                // A computation that lacks a fact whose value was rejected is already reported there.
                let lacking = evaluation.missingFacts(for: result, in: set)
                if lacking.contains(where: record.positions.rejectedFacts.contains) { continue }
                let location: SourceLocation
                if let key = record.positions.answers[result.question] {
                    location = record.location(key)
                } else {
                    location = recordLocation ?? record.location
                    recordLocation = location
                }
                findings.append(unanswered(result, record, lacking: lacking, at: location))
            case .undetermined:
                // A fact whose value was rejected is reported where it is written; the questions it
                // leaves undecided are not reported again, nor the other facts their conditions read
                // (rosh_assessed is read only when rosh_recorded is missing).
                let missing = evaluation.missingFacts(for: result, in: set)
                if missing.contains(where: record.positions.rejectedFacts.contains) { continue }
                let cause = Cause(
                    facts: missing, answers: missing.isEmpty ? undecidedAnswers(result.question, evaluation) : [],
                    question: verbose ? result.question : nil)
                if undetermined[cause] == nil { order.append(cause) }
                undetermined[cause, default: []].append(set.questions[result.question].id)
            default:
                continue
            }
        }
        for cause in order {
            findings.append(undeterminedFinding(cause, questions: undetermined[cause] ?? [], evaluation))
        }
        return findings
    }

    /// The questions whose answers the question's applicability reads and that have none.
    private func undecidedAnswers(_ question: Int, _ evaluation: CaseEvaluation) -> [Int] {
        set.questions[question].applies.questions.filter { index in
            if case .unknown = evaluation.values.answers[index] { return true }
            return false
        }.sorted()
    }

    private func undeterminedFinding(_ cause: Cause, questions ids: [String], _ evaluation: CaseEvaluation) -> Diagnostic {
        let listed = ids.prefix(6).joined(separator: ", ") + (ids.count > 6 ? ", …" : "")
        let subject = ids.count == 1 ? "whether \(ids.first ?? "") applies" : "whether \(ids.count) questions apply (\(listed))"
        let message: String
        var notes: [Diagnostic.Note]
        if !cause.facts.isEmpty {
            message = cause.facts.map { set.facts[$0].name }.joined(separator: ", ") + (cause.facts.count == 1 ? " is" : " are")
                + " not recorded, so \(subject) cannot be decided"
            notes = cause.facts.map { Diagnostic.Note("record \(set.facts[$0].name) (\(set.facts[$0].label)) in the case's facts") }
        } else if !cause.answers.isEmpty {
            let states = cause.answers.map { "\(set.questions[$0].id), which \(state(of: $0, evaluation))" }
            message = "\(subject) depends on " + states.joined(separator: ", and ")
            notes = cause.answers.map { Diagnostic.Note("\(set.questions[$0].id): \(set.questions[$0].text)") }
        } else {
            // Every fact and answer is there, and still unknown: a date sum out of range.
            message = "\(subject) cannot be decided from the recorded facts and answers"
            notes = []
        }
        return Diagnostic(.error, code: "case.undetermined", "case \(evaluation.record.id): \(message)", at: evaluation.record.location, notes: notes)
    }

    /// Why a question read by another's condition has no value, in words after "which".
    private func state(of question: Int, _ evaluation: CaseEvaluation) -> String {
        switch evaluation.results.first(where: { $0.question == question })?.kind {
        case .undetermined?: return "is itself undecided"
        case .invalid?: return "has an answer that is not one of its options"
        case .unanswered? where set.questions[question].compute != nil: return "cannot be computed"
        default: return "is unanswered"
        }
    }

    /// `lacking`: the facts a computed question's computation lacks.
    private func unanswered(_ result: QuestionResult, _ record: CaseRecord, lacking: [Int], at location: SourceLocation) -> Diagnostic {
        var id = set.questions[result.question].id
        if let element = result.element, let each = set.questions[result.question].forEach { id += "[\(set.facts[each].values[element])]" }
        let message: String
        if set.questions[result.question].compute != nil {
            message = "case \(record.id): \(id) applies but cannot be computed: "
                + (lacking.isEmpty ? "an answer it reads is missing" : lacking.map { set.facts[$0].name }.joined(separator: ", ") + " not recorded")
        } else {
            message = "case \(record.id): \(id) applies but has no answer"
        }
        return Diagnostic(
            requireComplete ? .error : .warning, code: "case.unanswered", message, at: location,
            notes: unansweredNotes[result.question])
    }
}
