/// The findings `lint` adds to an evaluated case beyond what reading and evaluating report:
/// applicable questions left unanswered, and questions whose applicability cannot be decided.
struct CaseLint {
    let set: CriteriaSet
    /// Unanswered applicable questions are errors rather than warnings.
    let requireComplete: Bool
    /// One undetermined finding per question, rather than one per case for each cause.
    var verbose = false
    /// One unanswered finding per question, rather than one per case for the questions it has no
    /// key for (a facts-only record, as `sample` writes, would otherwise give a hundred warnings).
    var eachUnanswered = false
    /// The note under each question's `case.unanswered` finding (its text and options), made once:
    /// a large caseload has many such findings.
    private let unansweredNotes: [[Diagnostic.Note]]
    /// The facts whether each question applies depends on, by question, worked out once.
    private let applicabilityFacts: [[Int]]
    /// The notes of `case.undetermined` findings: what to record, by fact; the question, by question.
    private let factNotes: [Diagnostic.Note]
    private let answerNotes: [Diagnostic.Note]
    private static let verboseNote = Diagnostic.Note("lint --verbose gives one finding per question, with its text and options")

    init(set: CriteriaSet, requireComplete: Bool, verbose: Bool = false, eachUnanswered: Bool = false) {
        self.set = set
        self.requireComplete = requireComplete
        self.verbose = verbose
        self.eachUnanswered = eachUnanswered
        applicabilityFacts = set.questions.indices.map { CaseEvaluation.applicabilityFacts($0, in: set) }
        factNotes = set.facts.map { Diagnostic.Note("record \($0.name) (\($0.label)) in the case's facts") }
        answerNotes = set.questions.map { Diagnostic.Note("\($0.id): \($0.text)") }
        unansweredNotes = set.questions.map { question in
            guard question.compute == nil else { return [] }
            return [Diagnostic.Note("\(question.text) (\(set.scales[question.scale].options.joined(separator: ", ")))")]
        }
    }

    /// Why whether questions apply cannot be decided: facts not recorded, else (when every fact is
    /// there) answers their conditions read that have no value. Findings are grouped by cause (and
    /// by question when verbose).
    private struct Cause: Equatable {
        var facts: [Int]
        var answers: [Int]
        var question: Int?
    }

    func findings(_ evaluation: CaseEvaluation) -> [Diagnostic] {
        let record = evaluation.record
        var findings: [Diagnostic] = []
        // Each cause with the questions it leaves undecided, in order of first appearance: a case
        // has few causes, so a list searched from the end beats hashing arrays.
        var undetermined: [(cause: Cause, questions: [Int])] = []
        // Questions with no key in the case and no computation: one finding for them all, unless
        // each is asked for. The index is where that finding goes among the others.
        var keyless: [QuestionResult] = []
        var keylessIndex = 0
        // Where the case starts, with its line: the place of every finding on a keyless question.
        lazy var recordLocation = record.location
        for result in evaluation.results {
            switch result.kind {
            case .unanswered:
                // A computation that lacks a fact whose value was rejected is already reported there.
                let lacking = evaluation.missingFacts(for: result, in: set, applying: applicabilityFacts)
                if lacking.contains(where: record.positions.rejectedFacts.contains) { continue }
                if let key = record.positions.answers[result.question] {
                    findings.append(unanswered(result, record, lacking: lacking, at: record.location(key)))
                } else if eachUnanswered || set.questions[result.question].compute != nil {
                    findings.append(unanswered(result, record, lacking: lacking, at: recordLocation))
                } else {
                    if keyless.isEmpty { keylessIndex = findings.count }
                    keyless.append(result)
                }
            case .undetermined:
                // A fact whose value was rejected is reported where it is written; the questions it
                // leaves undecided are not reported again, nor the other facts their conditions read
                // (rosh_assessed is read only when rosh_recorded is missing).
                let missing = evaluation.missingFacts(for: result, in: set, applying: applicabilityFacts)
                if missing.contains(where: record.positions.rejectedFacts.contains) { continue }
                let cause = Cause(
                    facts: missing, answers: missing.isEmpty ? undecidedAnswers(result.question, evaluation) : [],
                    question: verbose ? result.question : nil)
                if !verbose, let index = undetermined.lastIndex(where: { $0.cause == cause }) {
                    undetermined[index].questions.append(result.question)
                } else {
                    undetermined.append((cause, [result.question]))
                }
            default:
                continue
            }
        }
        // Questions whether they apply waits on answers not given yet are counted in the grouped
        // finding: a case still being assessed, not a wrong one.
        var waiting = 0
        if keyless.count > 1 {
            undetermined.removeAll { group in
                guard isWaiting(group.cause, evaluation) else { return false }
                waiting += group.questions.count
                return true
            }
        }
        if keyless.count == 1 {
            findings.insert(unanswered(keyless[0], record, lacking: [], at: recordLocation), at: keylessIndex)
        } else if !keyless.isEmpty {
            findings.insert(unansweredFinding(keyless, waiting: waiting, record, at: recordLocation), at: keylessIndex)
        }
        for group in undetermined {
            findings.append(undeterminedFinding(group.cause, questions: group.questions, evaluation, at: recordLocation))
        }
        return findings
    }

    /// One finding for the applicable questions a case has no key for (how many, the first few), and
    /// for the `waiting` questions whether they apply depends on answers not given yet.
    private func unansweredFinding(
        _ results: [QuestionResult], waiting: Int, _ record: CaseRecord, at location: SourceLocation
    ) -> Diagnostic {
        let ids = results.prefix(6).map { set.instanceID($0.question, element: $0.element) }
        let listed = ids.joined(separator: ", ") + (results.count > 6 ? ", …" : "")
        let pending = waiting == 0 ? "" : "; whether \(waiting == 1 ? "1 question applies" : "\(waiting) questions apply") depends on answers not given yet"
        return Diagnostic(
            requireComplete ? .error : .warning, code: "case.unanswered",
            "case \(record.id): \(results.count) applicable questions have no answer (\(listed))\(pending)", at: location,
            notes: [Self.verboseNote])
    }

    /// Whether every fact is there and the answers deciding applicability are simply not given yet.
    private func isWaiting(_ cause: Cause, _ evaluation: CaseEvaluation) -> Bool {
        cause.facts.isEmpty && !cause.answers.isEmpty && cause.answers.allSatisfy { isUnanswered($0, evaluation) }
    }

    /// Whether a question is applicable, not computed and has no answer.
    private func isUnanswered(_ question: Int, _ evaluation: CaseEvaluation) -> Bool {
        set.questions[question].compute == nil && kind(of: question, evaluation) == .unanswered
    }

    /// The result of a question read by another's condition (its first instance).
    private func kind(of question: Int, _ evaluation: CaseEvaluation) -> ResultKind? {
        evaluation.results.first { $0.question == question }?.kind
    }

    /// The questions whose answers the question's applicability reads and that have none.
    private func undecidedAnswers(_ question: Int, _ evaluation: CaseEvaluation) -> [Int] {
        set.questions[question].applies.questions.filter { index in
            if case .unknown = evaluation.values.answers[index] { return true }
            return false
        }
    }

    private func undeterminedFinding(
        _ cause: Cause, questions: [Int], _ evaluation: CaseEvaluation, at location: SourceLocation
    ) -> Diagnostic {
        let ids = questions.prefix(6).map { set.questions[$0].id }
        let listed = ids.joined(separator: ", ") + (questions.count > 6 ? ", …" : "")
        let subject = questions.count == 1 ? "whether \(listed) applies" : "whether \(questions.count) questions apply (\(listed))"
        let message: String
        var notes: [Diagnostic.Note]
        if !cause.facts.isEmpty {
            message = cause.facts.map { set.facts[$0].name }.joined(separator: ", ") + (cause.facts.count == 1 ? " is" : " are")
                + " not recorded, so \(subject) cannot be decided"
            notes = cause.facts.map { factNotes[$0] }
        } else if !cause.answers.isEmpty {
            let states = cause.answers.map { "\(set.questions[$0].id), which \(state(of: $0, evaluation))" }
            message = "\(subject) depends on " + states.joined(separator: ", and ")
            notes = cause.answers.map { answerNotes[$0] }
        } else {
            // Every fact and answer is there, and still unknown: a date sum out of range.
            message = "\(subject) cannot be decided from the recorded facts and answers"
            notes = []
        }
        // Answers not given yet make an incomplete case, not a wrong one: as severe as unanswered.
        let severity: Severity = !requireComplete && isWaiting(cause, evaluation) ? .warning : .error
        return Diagnostic(severity, code: "case.undetermined", "case \(evaluation.record.id): \(message)", at: location, notes: notes)
    }

    /// Why a question read by another's condition has no value, in words after "which".
    private func state(of question: Int, _ evaluation: CaseEvaluation) -> String {
        switch kind(of: question, evaluation) {
        case .undetermined?: return "is itself undecided"
        case .invalid?: return "has an answer that is not one of its options"
        case .unanswered? where set.questions[question].compute != nil: return "cannot be computed"
        default: return "is unanswered"
        }
    }

    /// `lacking`: the facts a computed question's computation lacks.
    private func unanswered(_ result: QuestionResult, _ record: CaseRecord, lacking: [Int], at location: SourceLocation) -> Diagnostic {
        let id = set.instanceID(result.question, element: result.element)
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
