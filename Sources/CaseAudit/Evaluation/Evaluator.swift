import YAMLKit

/// Evaluates cases against a compiled criteria set: applicability, computed answers and one result
/// per question instance.
public struct Evaluator: Sendable {
    public let set: CriteriaSet
    /// The set's `checks`, when they are run (lint does; scoring does not need to).
    private let checks: CaseChecks?
    /// Question indexes in an order where every question comes after those whose answers its
    /// applicability or computation reads (the loader has rejected cycles).
    private let order: [Int32]
    /// True when `order` is the set's question order (no question reads a later one's answer).
    private let inQuestionOrder: Bool
    /// What evaluating each question reads, taken from the set once: reading a `Question`'s fields
    /// per question per case costs copies and reference counting, more than evaluating it.
    private let plans: [Plan]
    /// Every distinct condition and-ed into whether a question applies (an outcome's, a criterion's,
    /// a question's own), each worked out at most once per case: many questions share their
    /// outcome's and criterion's condition, and often their own. Told apart by source text, which
    /// one set compiles to one meaning.
    private let conditions: [CompiledCondition.Part]
    /// The conditions of each question (`plans[i].parts` indexes this), one list after another.
    private let conditionIndexes: [Int32]
    /// Per scale, per option: above the line.
    private let sufficient: [[Bool]]
    /// The most results a case can have (every `for_each` question with every element).
    private let mostResults: Int
    /// The facts whether each question applies depends on, by question.
    private let applicabilityFacts: ApplicabilityFacts

    public init(_ set: CriteriaSet, runsChecks: Bool = false) {
        self.set = set
        checks = runsChecks ? CaseChecks(set) : nil
        let order = Self.dependencyOrder(set.questions)
        self.order = order.map(Int32.init)
        inQuestionOrder = order == Array(set.questions.indices)
        var conditions: [CompiledCondition.Part] = []
        var conditionIndexes: [Int32] = []
        var bySource: [String: Int] = [:]
        plans = set.questions.map { question in
            let start = conditionIndexes.count
            for part in question.applies.parts {
                if let known = bySource[part.source] {
                    conditionIndexes.append(Int32(known))
                } else {
                    bySource[part.source] = conditions.count
                    conditionIndexes.append(Int32(conditions.count))
                    conditions.append(part)
                }
            }
            return Plan(question, parts: start..<conditionIndexes.count)
        }
        self.conditions = conditions
        self.conditionIndexes = conditionIndexes
        sufficient = set.scales.map { scale in scale.options.indices.map { scale.sufficient.contains($0) } }
        mostResults = set.questions.reduce(0) { $0 + ($1.forEach.map { max(1, set.facts[$0].values.count) } ?? 1) }
        applicabilityFacts = ApplicabilityFacts(set, order: order)
    }

    public func evaluate(_ record: CaseRecord) -> CaseEvaluation {
        // Every answer starts unknown; each question is evaluated once, and only a known state
        // (an option, or absent) is written.
        var values = CaseValues(facts: record.facts, answers: Array(repeating: .unknown, count: set.questions.count))
        // One result per question, or the instances of a `for_each` question, in evaluation order;
        // put in question order afterwards if the dependencies made them differ.
        var results: [QuestionResult] = []
        results.reserveCapacity(mostResults)
        var ranges = inQuestionOrder ? [] : Array(repeating: 0..<0, count: set.questions.count)
        var findings: [Diagnostic] = []
        withUnsafeTemporaryAllocation(of: Truth?.self, capacity: conditions.count) { truths in
            truths.initialize(repeating: nil)
            for question in order {
                let index = Int(question)
                let start = results.count
                evaluate(index, record, &values, &results, &findings, truths)
                if !inQuestionOrder { ranges[index] = start..<results.count }
            }
        }
        if !inQuestionOrder { results = ranges.flatMap { results[$0] } }
        if let checks { findings.append(contentsOf: checks.findings(record, values)) }
        return CaseEvaluation(
            record: record, values: values, results: results, findings: findings, applicabilityFacts: applicabilityFacts)
    }

    /// The fields of a question that evaluating it reads, as plain values in 16 bytes: the plans of
    /// every question are read for every case, and in few cache lines they stay beside the case's
    /// own data. Its conditions are a range of `conditionIndexes`; every index fits in 32 bits, as
    /// a set is read from at most 4 GiB of text, and a question has at most three conditions (its
    /// outcome's, its criterion's, its own).
    private struct Plan: Sendable {
        private let partsStart: Int32
        private let partsCount: UInt8
        let computes: Bool
        let scored: Bool
        private let storedScale: Int32
        /// The set fact of a `for_each` question; -1 for any other.
        private let storedForEach: Int32

        init(_ question: Question, parts: Range<Int>) {
            partsStart = Int32(parts.lowerBound)
            partsCount = UInt8(parts.count)
            computes = question.compute != nil
            scored = question.scored
            storedScale = Int32(question.scale)
            storedForEach = question.forEach.map(Int32.init) ?? -1
        }

        var parts: Range<Int> { Int(partsStart)..<Int(partsStart) + Int(partsCount) }
        var scale: Int { Int(storedScale) }
        var forEach: Int? { storedForEach < 0 ? nil : Int(storedForEach) }
    }

    /// Appends the question's results to `results`: one, or the instances of a `for_each` question.
    /// Runs for every question of every case: what is rare (a finding, a `for_each` or computed
    /// question) is in functions of its own, so this one stays small.
    @inline(__always)
    private func evaluate(
        _ index: Int, _ record: CaseRecord, _ values: inout CaseValues, _ results: inout [QuestionResult],
        _ findings: inout [Diagnostic], _ truths: UnsafeMutableBufferPointer<Truth?>
    ) {
        switch applies(index, values, truths) {
        case .false:
            values.answers[index] = .absent
            if record.answers.isAnswered(index), let position = record.positions.answers[index] {
                findings.append(notApplicable(index, record, values, at: position))
            }
            return results.append(QuestionResult(question: index, element: nil, kind: .notApplicable))
        case .unknown:
            return results.append(QuestionResult(question: index, element: nil, kind: .undetermined))
        case .true:
            break
        }
        if let factIndex = plans[index].forEach {
            return evaluateEach(index, fact: factIndex, record, &results, &findings)
        }
        if plans[index].computes, let compute = set.questions[index].compute {
            return evaluateComputed(index, compute, record, &values, &results, &findings)
        }
        // Nearly every answer is an option of the scale: its result is made here from the number,
        // without making the recorded answer and copying a result through `classify`.
        if let option = record.answers.option(index) {
            values.answers[index] = .option(option)
            return results.append(QuestionResult(question: index, element: nil, kind: kind(index, option: option), answer: .option(option)))
        }
        guard record.answers.isAnswered(index), case .single(let value)? = record.answers[index] else {
            return results.append(QuestionResult(question: index, element: nil, kind: .unanswered))
        }
        results.append(classify(index, element: nil, value))
    }

    /// The warning for an answer to a question that does not apply to the case.
    @inline(never)
    private func notApplicable(_ index: Int, _ record: CaseRecord, _ values: CaseValues, at position: SourcePosition) -> Diagnostic {
        Diagnostic(
            .warning, code: "case.answer-not-applicable",
            "\(set.questions[index].id) does not apply to case \(record.id), so this answer is not used",
            at: record.location(position),
            notes: ApplicabilityReason.notes(index, values: values, record: record, set: set))
    }

    /// The results of an applicable `for_each` question: one per element of its set fact.
    @inline(never)
    private func evaluateEach(
        _ index: Int, fact factIndex: Int, _ record: CaseRecord, _ results: inout [QuestionResult], _ findings: inout [Diagnostic]
    ) {
        guard case .set(let bits) = record.facts[factIndex] else {
            return results.append(QuestionResult(question: index, element: nil, kind: .undetermined))
        }
        var list: [ElementAnswer] = []
        if case .perElement(let given) = record.answers[index] { list = given }
        for answer in list where bits & (1 << UInt64(answer.element)) == 0 {
            let fact = set.facts[factIndex]
            findings.append(Diagnostic(
                .error, code: "case.element-not-in-case",
                "case \(record.id) does not have '\(fact.values[answer.element])' in \(fact.name), so this answer is not used",
                at: record.location(answer.position)))
        }
        // Each element's first answer, found in the list (a few answers, one per element at
        // most once the reader has dropped duplicate keys): dearer in a dictionary per case.
        var remaining = bits
        while remaining != 0 {
            let element = remaining.trailingZeroBitCount
            remaining &= remaining - 1
            var answer: AnswerValue?
            for given in list where given.element == element {
                answer = given.value
                break
            }
            results.append(classify(index, element: element, answer))
        }
    }

    /// The result of an applicable computed question, and the error for a hand answer that
    /// contradicts the computed one.
    @inline(never)
    private func evaluateComputed(
        _ index: Int, _ compute: CompiledComputation, _ record: CaseRecord, _ values: inout CaseValues,
        _ results: inout [QuestionResult], _ findings: inout [Diagnostic]
    ) {
        let option = compute(values)
        if let option, case .single(let hand)? = record.answers[index], hand != .option(option), let position = record.positions.answers[index] {
            let scale = set.scales[set.questions[index].scale]
            findings.append(Diagnostic(
                .error, code: "case.answer-contradicts-computed",
                "\(set.questions[index].id) is computed from the facts as '\(scale.options[option])'; this answer is not used",
                at: record.location(position), notes: [Diagnostic.Note("computed as: \(compute.source)")]))
        }
        var result = classify(index, element: nil, option.map(AnswerValue.option))
        result.computed = option != nil
        if let option { values.answers[index] = .option(option) }
        results.append(result)
    }

    /// Whether question `index` applies: its conditions and-ed (three-valued), each taken from
    /// `truths` once worked out in this case. Exact: a condition reading `answer()` comes after
    /// the questions it reads in every question that has it, so their answers are final by then.
    @inline(__always)
    private func applies(_ index: Int, _ values: CaseValues, _ truths: UnsafeMutableBufferPointer<Truth?>) -> Truth {
        var truth = Truth.true
        for position in plans[index].parts {
            let slot = Int(conditionIndexes[position])
            let part: Truth
            if let known = truths[slot] {
                part = known
            } else {
                part = conditions[slot].evaluate(values)
                truths[slot] = part
            }
            truth = Logic.and(truth, part)
            if truth == .false { return .false }
        }
        return truth
    }

    /// The result of an applicable instance with this answer. Inlined: a result returned from a
    /// call is copied (it holds the text of an invalid answer) on its way into `results`.
    @inline(__always)
    private func classify(_ index: Int, element: Int?, _ answer: AnswerValue?) -> QuestionResult {
        let kind: ResultKind
        switch answer {
        case nil: kind = .unanswered
        case .invalid?: kind = .invalid
        case .option(let option)?: kind = self.kind(index, option: option)
        }
        return QuestionResult(question: index, element: element, kind: kind, answer: answer)
    }

    /// The result of an applicable instance answered with this option.
    @inline(__always)
    private func kind(_ index: Int, option: Int) -> ResultKind {
        guard plans[index].scored else { return .descriptive }
        let line = sufficient[plans[index].scale]
        return line.indices.contains(option) && line[option] ? .sufficient : .insufficient
    }

    /// Depth-first order over `answer()` dependencies; cycles were rejected when the set loaded.
    /// Iterative, with its own stack: a chain of dependencies as long as the set is deep costs no
    /// call stack.
    static func dependencyOrder(_ questions: [Question]) -> [Int] {
        var order: [Int] = []
        var state = [UInt8](repeating: 0, count: questions.count)  // 0 new, 1 visiting, 2 done
        let dependencies = questions.map { $0.applies.questions + ($0.compute?.questions ?? []) }
        var stack: [(index: Int, next: Int)] = []
        for root in questions.indices where state[root] == 0 {
            state[root] = 1
            stack.append((root, 0))
            while let (index, next) = stack.last {
                if next < dependencies[index].count {
                    stack[stack.count - 1].next += 1
                    let dependency = dependencies[index][next]
                    if state[dependency] == 0 {
                        state[dependency] = 1
                        stack.append((dependency, 0))
                    }
                } else {
                    state[index] = 2
                    order.append(index)
                    stack.removeLast()
                }
            }
        }
        return order
    }
}
