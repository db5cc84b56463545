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
    /// Whether each question is computed, by question.
    private let computes: [Bool]
    /// Question indexes, each after those whose answers it reads.
    private let dependencyOrder: [Int]
    /// For each question, its cause group: questions whose applicability depends on the same facts
    /// and answers are undecided in a case for the same cause, worked out once per case.
    private let causeGroups: [Int]
    private let causeGroupCount: Int
    /// The notes of `case.undetermined` findings: what to record, by fact; the question, by question.
    /// Each is kept as a list of one, the notes of a finding with one cause, shared by every finding.
    private let factNotes: [[Diagnostic.Note]]
    private let answerNotes: [[Diagnostic.Note]]
    /// The note of the grouped `case.unanswered` finding, one list shared by every finding.
    private let verboseNotes = [Diagnostic.Note("lint --verbose gives one finding per question, with its text and options")]

    init(set: CriteriaSet, requireComplete: Bool, verbose: Bool = false, eachUnanswered: Bool = false) {
        self.set = set
        self.requireComplete = requireComplete
        self.verbose = verbose
        self.eachUnanswered = eachUnanswered
        let order = Evaluator.dependencyOrder(set.questions)
        dependencyOrder = order
        // The evaluator's table, which each evaluation carries, is not at hand yet.
        let applicabilityFacts = ApplicabilityFacts(set, order: order)
        computes = set.questions.map { $0.compute != nil }
        var groups: [CauseKey: Int] = [:]
        causeGroups = set.questions.indices.map { index in
            let key = CauseKey(facts: applicabilityFacts.bits(of: index), answers: set.questions[index].applies.questions)
            if let known = groups[key] { return known }
            groups[key] = groups.count
            return groups.count - 1
        }
        causeGroupCount = groups.count
        factNotes = set.facts.map { [Diagnostic.Note("record \($0.name) (\($0.label)) in the case's facts")] }
        answerNotes = set.questions.map { [Diagnostic.Note("\($0.id): \($0.text)")] }
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

    /// Where each cause is in a case's list: searched from the end while the list is short (a case
    /// has few causes), then from a dictionary, so a case with a cause per question (a chain of
    /// `answer()`s, each reading its own fact) costs its number of questions, not their square.
    private struct CauseSlots {
        private static let searched = 8
        private var byCause: [Cause: Int] = [:]

        func slot(of cause: Cause, in list: [(cause: Cause, questions: FirstFew, waiting: Bool)]) -> Int? {
            list.count <= Self.searched ? list.lastIndex { $0.cause == cause } : byCause[cause]
        }

        /// Takes in the cause just appended to `list`; the dictionary is made only once the list is long.
        mutating func appended(to list: [(cause: Cause, questions: FirstFew, waiting: Bool)]) {
            guard list.count > Self.searched else { return }
            if byCause.isEmpty {
                for (slot, entry) in list.enumerated() { byCause[entry.cause] = slot }
            } else {
                byCause[list[list.count - 1].cause] = list.count - 1
            }
        }
    }

    /// What puts questions in one cause group: the facts and the answers their applicability reads.
    private struct CauseKey: Hashable {
        var facts: ArraySlice<UInt64>
        var answers: [Int]
    }

    /// Every finding on an evaluated case: evaluating's (``CaseEvaluation/findings``), then lint's.
    func findings(_ evaluation: CaseEvaluation) -> [Diagnostic] {
        let record = evaluation.record
        let results = evaluation.results
        let rejected = record.positions.rejectedFacts
        var findings = evaluation.findings
        findings.reserveCapacity(findings.count + 4)
        // Each cause with the questions it leaves undecided, in order of first appearance, found
        // through `slots`. `waiting` is set for causes waiting on answers not given yet.
        var undetermined: [(cause: Cause, questions: FirstFew, waiting: Bool)] = []
        var slots = CauseSlots()
        // Questions (indexes of results) with no key in the case and no computation: one finding
        // for them all, unless each is asked for. The index is where it goes among the others.
        var keyless = FirstFew()
        var keylessIndex = 0
        // Where the case starts, with its line: the place of every finding on a keyless question.
        lazy var recordLocation = record.location
        // Where each cause group's questions go in `undetermined` (-1: not seen yet in this case,
        // -2: left out, for a rejected fact). Not used when verbose: then each question is its own.
        withUnsafeTemporaryAllocation(of: Int.self, capacity: verbose ? 0 : causeGroupCount) { groupSlots in
            groupSlots.initialize(repeating: -1)
            // By index, reading the kind first: most results are neither, and copying one costs more.
            for index in results.indices {
                switch results[index].kind {
                case .unanswered:
                    let question = results[index].question
                    if computes[question] {
                        // A computation that lacks a fact whose value was rejected is already reported there.
                        let lacking = evaluation.missingFacts(for: results[index], in: set)
                        if !rejected.isEmpty, lacking.contains(where: rejected.contains) { continue }
                        let location = record.positions.answers[question].map { record.location($0) } ?? recordLocation
                        findings.append(unanswered(results[index], record, lacking: lacking, at: location))
                    } else if let key = record.positions.answers[question] {
                        findings.append(unanswered(results[index], record, lacking: [], at: record.location(key)))
                    } else if eachUnanswered {
                        findings.append(unanswered(results[index], record, lacking: [], at: recordLocation))
                    } else {
                        if keyless.count == 0 { keylessIndex = findings.count }
                        keyless.add(index)
                    }
                case .undetermined:
                    let question = results[index].question
                    let group = verbose ? -1 : causeGroups[question]
                    if group >= 0, groupSlots[group] != -1 {
                        if groupSlots[group] >= 0 { undetermined[groupSlots[group]].questions.add(question) }
                        continue
                    }
                    // A fact whose value was rejected is reported where it is written; the questions it
                    // leaves undecided are not reported again, nor the other facts their conditions read
                    // (rosh_assessed is read only when rosh_recorded is missing).
                    let missing = evaluation.missingFacts(for: results[index], in: set)
                    if !rejected.isEmpty, missing.contains(where: rejected.contains) {
                        if group >= 0 { groupSlots[group] = -2 }
                        continue
                    }
                    let cause = Cause(
                        facts: missing, answers: missing.isEmpty ? undecidedAnswers(question, evaluation) : [],
                        question: verbose ? question : nil)
                    if !verbose, let slot = slots.slot(of: cause, in: undetermined) {
                        undetermined[slot].questions.add(question)
                        groupSlots[group] = slot
                    } else {
                        if group >= 0 { groupSlots[group] = undetermined.count }
                        if undetermined.isEmpty { undetermined.reserveCapacity(4) }
                        undetermined.append((cause, FirstFew(question), false))
                        if !verbose { slots.appended(to: undetermined) }
                    }
                default:
                    continue
                }
            }
        }
        // Questions whether they apply waits on answers not given yet (directly, or through
        // questions that wait in turn) make a case still being assessed, not a wrong one.
        var waitingQuestions: [Bool]?
        for slot in undetermined.indices where isWaiting(undetermined[slot].cause, evaluation, waitingQuestions: &waitingQuestions) {
            undetermined[slot].waiting = true
        }
        // When the case has questions with no key, they are counted in its unanswered finding.
        var folded = 0
        if keyless.count > 1 {
            for slot in undetermined.indices where undetermined[slot].waiting { folded += undetermined[slot].questions.count }
        }
        if keyless.count == 1 {
            findings.insert(unanswered(results[keyless.first[0]], record, lacking: [], at: recordLocation), at: keylessIndex)
        } else if keyless.count > 1 {
            findings.insert(unansweredFinding(keyless, waiting: folded, evaluation, at: recordLocation), at: keylessIndex)
        }
        // Otherwise, when several causes wait (a chain of questions each reading the last's
        // answer), one finding for them all.
        let waitingSlots = folded > 0 || verbose ? [] : undetermined.indices.filter { undetermined[$0].waiting }
        for slot in undetermined.indices where !undetermined[slot].waiting || (folded == 0 && waitingSlots.count < 2) {
            findings.append(undeterminedFinding(
                undetermined[slot].cause, questions: undetermined[slot].questions, waiting: undetermined[slot].waiting, evaluation,
                at: recordLocation))
        }
        if waitingSlots.count > 1 {
            findings.append(waitingFinding(FirstFew(merging: waitingSlots.map { undetermined[$0].questions }), evaluation, at: recordLocation))
        }
        return findings
    }

    /// One finding for the questions of several causes whether they apply waits on answers not
    /// given yet.
    private func waitingFinding(_ questions: FirstFew, _ evaluation: CaseEvaluation, at location: SourceLocation) -> Diagnostic {
        var message: [UInt8] = []
        message.append(literal: "case ")
        message.append(text: evaluation.record.id)
        message.append(literal: ": whether ")
        message.append(decimal: questions.count)
        message.append(literal: " questions apply (")
        Self.list(questions, into: &message) { set.questions[$0].id }
        message.append(literal: ") depends on answers not given yet")
        return Diagnostic(
            requireComplete ? .error : .warning, code: "case.undetermined", String(decoding: message, as: UTF8.self),
            at: location, notes: verboseNotes)
    }

    /// One finding for the applicable questions a case has no key for (how many, the first few), and
    /// for the `waiting` questions whether they apply depends on answers not given yet.
    private func unansweredFinding(
        _ keyless: FirstFew, waiting: Int, _ evaluation: CaseEvaluation, at location: SourceLocation
    ) -> Diagnostic {
        // Built as bytes: one such finding per case of a freshly drawn sample, and appending to a
        // `String` piece by piece costs several times as much.
        let results = evaluation.results
        var message: [UInt8] = []
        message.reserveCapacity(320)
        message.append(literal: "case ")
        message.append(text: evaluation.record.id)
        message.append(literal: ": ")
        message.append(decimal: keyless.count)
        message.append(literal: " applicable questions have no answer (")
        Self.list(keyless, into: &message) { set.instanceID(results[$0].question, element: results[$0].element) }
        message.append(UInt8(ascii: ")"))
        if waiting == 1 {
            message.append(literal: "; whether 1 question applies depends on answers not given yet")
        } else if waiting > 1 {
            message.append(literal: "; whether ")
            message.append(decimal: waiting)
            message.append(literal: " questions apply depends on answers not given yet")
        }
        return Diagnostic(
            requireComplete ? .error : .warning, code: "case.unanswered", String(decoding: message, as: UTF8.self),
            at: location, notes: verboseNotes)
    }

    /// The names of a list's first few items, `a, b, c`, and `, …` when it has more.
    private static func list(_ items: FirstFew, into out: inout [UInt8], name: (Int) -> String) {
        for (index, item) in items.first.enumerated() {
            if index > 0 { out.append(literal: ", ") }
            out.append(text: name(item))
        }
        if items.count > items.first.count { out.append(literal: ", …") }
    }

    /// Whether every fact is there and the answers deciding applicability are simply not given
    /// yet: each is unanswered, or undecided and waiting in turn (`waitingQuestions`, worked out
    /// for the case the first time a cause reads an undecided answer).
    private func isWaiting(_ cause: Cause, _ evaluation: CaseEvaluation, waitingQuestions: inout [Bool]?) -> Bool {
        guard cause.facts.isEmpty, !cause.answers.isEmpty else { return false }
        for answer in cause.answers {
            switch kind(of: answer, evaluation) {
            case .unanswered? where !computes[answer]:
                continue
            case .undetermined?:
                let table = waitingQuestions ?? waiting(evaluation)
                waitingQuestions = table
                if table[answer] { continue }
                return false
            default:
                return false
            }
        }
        return true
    }

    /// By question, whether it waits on answers not given yet: applicable, not computed and
    /// unanswered; or undecided with every fact it depends on recorded, and each answer it reads
    /// that has no value waiting in turn. Worked out in dependency order, so a chain costs its length.
    private func waiting(_ evaluation: CaseEvaluation) -> [Bool] {
        let recorded = evaluation.record.facts
        var waiting = [Bool](repeating: false, count: set.questions.count)
        for question in dependencyOrder {
            switch kind(of: question, evaluation) {
            case .unanswered?:
                waiting[question] = !computes[question]
            case .undetermined?:
                let answers = undecidedAnswers(question, evaluation)
                waiting[question] = !answers.isEmpty && answers.allSatisfy { waiting[$0] }
                    && evaluation.applicabilityFacts.facts(of: question, where: { recorded[$0] == nil }).isEmpty
            default:
                continue
            }
        }
        return waiting
    }

    /// The result of a question read by another's condition (its first instance), found by
    /// binary search: results are in question order.
    private func kind(of question: Int, _ evaluation: CaseEvaluation) -> ResultKind? {
        let results = evaluation.results
        var low = 0
        var high = results.count
        while low < high {
            let middle = (low + high) / 2
            if results[middle].question < question { low = middle + 1 } else { high = middle }
        }
        return low < results.count && results[low].question == question ? results[low].kind : nil
    }

    /// The questions whose answers the question's applicability reads and that have none.
    private func undecidedAnswers(_ question: Int, _ evaluation: CaseEvaluation) -> [Int] {
        let read = set.questions[question].applies.questions
        let answers = evaluation.values.answers
        func undecided(_ index: Int) -> Bool {
            if case .unknown = answers[index] { return true }
            return false
        }
        // Commonly all of them (a case still being assessed): the set's own list, not a copy.
        return read.allSatisfy(undecided) ? read : read.filter(undecided)
    }

    /// `waiting`: the answers it depends on are not given yet (``isWaiting(_:_:waitingQuestions:)``).
    private func undeterminedFinding(
        _ cause: Cause, questions: FirstFew, waiting: Bool, _ evaluation: CaseEvaluation, at location: SourceLocation
    ) -> Diagnostic {
        // Built as bytes, like the unanswered finding: one or more per case of a sample.
        var message: [UInt8] = []
        message.reserveCapacity(320)
        message.append(literal: "case ")
        message.append(text: evaluation.record.id)
        message.append(literal: ": ")
        func subject() {
            message.append(literal: "whether ")
            if questions.count == 1 {
                message.append(text: set.questions[questions.first[0]].id)
                message.append(literal: " applies")
            } else {
                message.append(decimal: questions.count)
                message.append(literal: " questions apply (")
                Self.list(questions, into: &message) { set.questions[$0].id }
                message.append(UInt8(ascii: ")"))
            }
        }
        let notes: [Diagnostic.Note]
        if !cause.facts.isEmpty {
            message.append(text: ShortList.text(cause.facts) { set.facts[$0].name })
            message.append(literal: cause.facts.count == 1 ? " is not recorded, so " : " are not recorded, so ")
            subject()
            message.append(literal: " cannot be decided")
            notes = cause.facts.count == 1 ? factNotes[cause.facts[0]] : cause.facts.prefix(ShortList.shown).map { factNotes[$0][0] }
        } else if !cause.answers.isEmpty {
            subject()
            message.append(literal: " depends on ")
            for (index, answer) in cause.answers.enumerated() {
                if index > 0 { message.append(literal: ", and ") }
                message.append(text: set.questions[answer].id)
                message.append(literal: ", which ")
                message.append(literal: state(of: answer, evaluation))
            }
            notes = cause.answers.count == 1 ? answerNotes[cause.answers[0]] : cause.answers.map { answerNotes[$0][0] }
        } else {
            // Every fact and answer is there, and still unknown: a date sum out of range.
            subject()
            message.append(literal: " cannot be decided from the recorded facts and answers")
            notes = []
        }
        // Answers not given yet make an incomplete case, not a wrong one: as severe as unanswered.
        let severity: Severity = !requireComplete && waiting ? .warning : .error
        return Diagnostic(
            severity, code: "case.undetermined", String(decoding: message, as: UTF8.self), at: location, notes: notes)
    }

    /// Why a question read by another's condition has no value, in words after "which".
    private func state(of question: Int, _ evaluation: CaseEvaluation) -> StaticString {
        switch kind(of: question, evaluation) {
        case .undetermined?: return "is itself undecided"
        case .invalid?: return "has an answer that is not one of its options"
        case .unanswered? where computes[question]: return "cannot be computed"
        default: return "is unanswered"
        }
    }

    /// `lacking`: the facts a computed question's computation lacks.
    private func unanswered(_ result: QuestionResult, _ record: CaseRecord, lacking: [Int], at location: SourceLocation) -> Diagnostic {
        let id = set.instanceID(result.question, element: result.element)
        let message: String
        if computes[result.question] {
            message = "case \(record.id): \(id) applies but cannot be computed: "
                + (lacking.isEmpty ? "an answer it reads is missing" : ShortList.text(lacking) { set.facts[$0].name } + " not recorded")
        } else {
            message = "case \(record.id): \(id) applies but has no answer"
        }
        return Diagnostic(
            requireComplete ? .error : .warning, code: "case.unanswered", message, at: location,
            notes: unansweredNotes[result.question])
    }

    /// The first six of a list of questions, and how many there are: a finding names six at most.
    private struct FirstFew {
        private(set) var first: [Int] = []
        private(set) var count = 0

        init() {}

        init(_ item: Int) { add(item) }

        /// The first few of several lists of questions together, in question order.
        init(merging lists: [FirstFew]) {
            first = Array(lists.flatMap(\.first).sorted().prefix(6))
            count = lists.reduce(0) { $0 + $1.count }
        }

        mutating func add(_ item: Int) {
            if first.count < 6 {
                if first.isEmpty { first.reserveCapacity(6) }
                first.append(item)
            }
            count += 1
        }
    }
}
