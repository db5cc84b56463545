import YAMLKit

/// A case-file skeleton for given facts (`caseaudit template`): the facts, and only the questions
/// that apply to them, each with its text and options as a comment. Questions whose applicability
/// needs a fact not given are listed commented out, with what decides them. Filled in, it lints
/// clean.
public struct CaseTemplate: Sendable {
    public let set: CriteriaSet
    public let facts: [FactValue?]
    public let caseID: String

    /// Parses `name=value,name=value` entries (each `--facts` given). A set fact's elements are
    /// separated by `;`, `+` or `,` (`factors=alcohol_misuse,ete`), `[]` for none. A fact given twice
    /// takes its last value, with a warning.
    public static func facts(_ entries: [String], schema: CaseSchema) -> Result<(values: [FactValue?], warnings: [Diagnostic]), Diagnostic> {
        var facts = [FactValue?](repeating: nil, count: schema.set.facts.count)
        var warnings: [Diagnostic] = []
        var pairs: [(name: String, value: String)] = []
        for piece in entries.flatMap({ $0.split(separator: ",") }) {
            let parts = piece.split(separator: "=", maxSplits: 1).map { $0.trimmingSpaces() }
            if parts.count == 1, let last = pairs.last, let index = schema.fact(named: last.name),
               schema.set.facts[index].type == .set, !parts[0].isEmpty {
                pairs[pairs.count - 1].value += ";" + parts[0]  // another element of the set before
                continue
            }
            guard parts.count == 2, !parts[0].isEmpty else {
                return .failure(usage("'\(piece)' is not name=value"))
            }
            pairs.append((parts[0], parts[1]))
        }
        for (name, value) in pairs {
            guard let index = schema.fact(named: name) else { return .failure(usage(schema.unknownFact(name).message)) }
            if facts[index] != nil {
                warnings.append(Diagnostic(.warning, code: "usage.template-facts", "--facts: \(name) is given twice; the last value, \(value), is used", at: nil))
            }
            do throws(CaseSchema.ValueProblem) {
                let text = schema.set.facts[index].type == .set ? value.replacingAll("+", with: ";") : value
                facts[index] = try schema.value(text, ofFact: index)
            } catch {
                return .failure(usage(error.message))
            }
        }
        return .success((facts, warnings))
    }

    private static func usage(_ message: String) -> Diagnostic {
        Diagnostic(.error, code: "usage.template-facts", "--facts: " + message, at: nil)
    }

    public init(set: CriteriaSet, facts: [FactValue?], caseID: String = "NEW-CASE") {
        self.set = set
        self.facts = facts
        self.caseID = caseID
    }

    /// One question's place in the skeleton.
    enum Entry {
        /// Applies (or applies depending only on other answers): answer it.
        case answer(Int, elements: [Int]?, condition: String?)
        /// Cannot be decided without facts that were not given.
        case undecided(Int, missing: [Int])
        /// Answered from the facts.
        case computed(Int)
    }

    /// The given facts evaluated with no answer.
    private func blankEvaluation() -> CaseEvaluation {
        let record = CaseRecord(
            id: caseID, facts: facts, answers: AnswerTable(count: set.questions.count),
            source: SourceText(path: "<template>", bytes: []), positions: CasePositions(record: .start))
        return Evaluator(set).evaluate(record)
    }

    /// The facts not given that still matter for the given ones: those an undecided question waits
    /// for, those a question that may apply computes from or runs over, and those a check that may
    /// apply reads. Apart, the facts no question or check reads at all (for breakdowns). A fact
    /// read only by questions and checks the given facts rule out (`licence_conditions` for a
    /// community order) is in neither list.
    func missingFacts(_ entries: [Entry]) -> (needed: [Int], breakdowns: [Int]) {
        var needed = Set<Int>()
        for entry in entries {
            switch entry {
            case .undecided(_, let missing):
                needed.formUnion(missing)
            case .answer(let index, _, _), .computed(let index):
                let question = set.questions[index]
                if let compute = question.compute { needed.formUnion(compute.facts) }
                if let each = question.forEach { needed.insert(each) }
            }
        }
        let values = blankEvaluation().values
        for check in set.checks where check.when.map({ $0(values) != .false }) ?? true {
            needed.formUnion(check.assertion.facts)
            needed.formUnion(check.when?.facts ?? [])
        }
        let readers = CaseFactsOutline.readers(set)
        let missing = set.facts.indices.filter { facts[$0] == nil }
        return (missing.filter { needed.contains($0) },
                missing.filter { readers[$0].questions.isEmpty && readers[$0].checks.isEmpty })
    }

    /// The questions of the skeleton, in the set's order.
    func entries() -> [Entry] {
        let evaluation = blankEvaluation()
        var values = evaluation.values  // each undecided question's answers tried in place
        var entries: [Entry] = []
        var seen = Set<Int>()
        for result in evaluation.results where !seen.contains(result.question) {
            seen.insert(result.question)
            let question = set.questions[result.question]
            switch result.kind {
            case .notApplicable:
                continue
            case .undetermined:
                // Undecided for now: it may hang only on other answers. Try every answer it reads.
                let truths = ConditionSpace.truths(question.applies, set, trying: &values, openFacts: false)
                let missing = evaluation.missingFacts(for: result, in: set).filter {
                    decides($0, question.applies, trying: &values)
                }
                if truths == [.false] { continue }
                if truths?.contains(.true) == true, question.compute != nil {
                    entries.append(.computed(result.question))
                } else if truths?.contains(.true) == true, question.forEach.map({ facts[$0] != nil }) ?? true {
                    entries.append(.answer(result.question, elements: elements(question), condition: conditions(result.question)))
                } else {
                    entries.append(.undecided(result.question, missing: missing))
                }
            default:
                if question.compute != nil {
                    entries.append(.computed(result.question))
                } else {
                    entries.append(.answer(result.question, elements: elements(question), condition: nil))
                }
            }
        }
        return entries
    }

    /// False when no value of the missing `fact` changes what `condition` gives for the facts given
    /// (`licence_conditions` in `case_type == licence and any(licence_conditions, …)` for a community
    /// order). True for a fact the condition does not read itself (it reaches it through an answer),
    /// and for a number, date or text, which cannot be tried value by value. A set of more than 12
    /// values is tried empty, full and with each value alone.
    /// `values` are tried in place and left as they were.
    private func decides(_ fact: Int, _ condition: CompiledCondition, trying values: inout CaseValues) -> Bool {
        guard condition.facts.contains(fact) else { return true }
        let model = set.facts[fact]
        let candidates: [FactValue]
        switch model.type {
        case .bool: candidates = [.bool(true), .bool(false)]
        case .enum, .ordinal: candidates = model.values.indices.map { .option($0) }
        case .set where model.values.count <= 12: candidates = (0..<(UInt64(1) << UInt64(model.values.count))).map { .set($0) }
        case .set:  // too many subsets: none, each element alone, all of them
            let all = model.values.indices.reduce(UInt64(0)) { $0 | 1 << UInt64($1) }
            candidates = [.set(0), .set(all)] + model.values.indices.map { .set(1 << UInt64($0)) }
        case .int, .date, .string: return true
        }
        let unrecorded = condition(values)
        let recorded = values.facts[fact]
        defer { values.facts[fact] = recorded }
        for candidate in candidates {
            values.facts[fact] = candidate
            if condition(values) != unrecorded { return true }
        }
        return false
    }

    /// The conditions that decide a question, as written (the outcome's, the criterion's, its own).
    private func conditions(_ index: Int) -> String {
        set.conditions(ofQuestion: index).compactMap { $0.condition?.source }.joined(separator: " and ")
    }

    private func elements(_ question: Question) -> [Int]? {
        guard let each = question.forEach else { return nil }
        guard case .set(let bits) = facts[each] else { return [] }
        return set.facts[each].values.indices.filter { bits & (1 << UInt64($0)) != 0 }
    }

    /// "yes | no" for a question's scale.
    func options(_ question: Question) -> String {
        set.scales[question.scale].options.joined(separator: " | ")
    }

    func given() -> String {
        set.facts.indices.compactMap { index in facts[index].map { "\(set.facts[index].name)=\($0.text(set.facts[index]))" } }
            .joined(separator: ", ")
    }
}
