import YAMLKit

/// How two assessors' records of the same cases compare (`caseaudit agree`).
public struct AgreementResult: Sendable {
    /// One question's agreement: on the answer options, and on the sufficient/insufficient line.
    public struct QuestionAgreement: Sendable {
        public var question: Int
        public var options: Agreement
        /// Nil for a descriptive question.
        public var line: Agreement?
    }

    /// Agreement on the line pooled over a criterion's or outcome's questions.
    public struct GroupAgreement: Sendable {
        public var index: Int
        public var line: Agreement
    }

    /// Both answered, differently.
    public struct AnswerDisagreement: Sendable {
        public var caseID: String
        public var question: Int
        public var element: Int?
        public var first: String
        public var second: String
        public var firstNote: String?
        public var secondNote: String?
        public var firstLocation: SourceLocation
        public var secondLocation: SourceLocation
    }

    /// The question applies (or can be decided) on one side and not on the other.
    public struct ApplicabilityDisagreement: Sendable {
        public var caseID: String
        public var question: Int
        public var element: Int?
        public var first: ResultKind
        public var second: ResultKind
        /// The facts the question's applicability reads that the two sides record differently.
        public var facts: [FactDifference]
    }

    public struct FactDifference: Sendable, Equatable {
        public var fact: Int
        public var first: String
        public var second: String
    }

    /// One case's facts recorded differently.
    public struct CaseFacts: Sendable {
        public var caseID: String
        public var facts: [FactDifference]
    }

    /// Agreement for one pair of assessors (`--by assessor`).
    public struct AssessorPair: Sendable {
        public var first: String
        public var second: String
        public var cases: Int
        public var line: Agreement
    }

    public var set: CriteriaSet
    public var firstLabel: String
    public var secondLabel: String
    /// Cases in both.
    public var cases: Int
    public var onlyFirst: [String]
    public var onlySecond: [String]
    /// Questions with at least one answer both gave, in the set's order.
    public var questions: [QuestionAgreement]
    public var criteria: [GroupAgreement]
    public var outcomes: [GroupAgreement]
    /// The line over every scored question.
    public var overall: Agreement
    public var disagreements: [AnswerDisagreement]
    public var applicability: [ApplicabilityDisagreement]
    public var facts: [CaseFacts]
    /// Empty unless asked for.
    public var assessors: [AssessorPair]
}

/// Compares two sets of case files answering the same case ids: reads the first side's cases
/// (compactly: facts, results and notes), then streams the second and compares case by case.
public enum AgreementRun {
    public static func run(
        first: CaseStream, second: CaseStream, labels: (String, String), byAssessor: Bool,
        report: ([Diagnostic]) -> Void
    ) -> (result: AgreementResult, summaries: [CaseStream.Summary]) {
        let set = first.schema.set
        let evaluator = Evaluator(set)
        var firstCases: [String: Side] = [:]
        var firstOrder: [String] = []
        let firstSummary = first.forEach(report: report) { record, _ in
            let evaluation = evaluator.evaluate(record)
            firstCases[record.id] = Side(evaluation)
            firstOrder.append(record.id)
            return evaluation.findings
        }
        var tally = Tally(set)
        var matched = Set<String>()
        var onlySecond: [String] = []
        let secondSummary = second.forEach(report: report) { record, _ in
            let evaluation = evaluator.evaluate(record)
            guard let earlier = firstCases[record.id] else {
                onlySecond.append(record.id)
                return evaluation.findings
            }
            matched.insert(record.id)
            tally.compare(record.id, earlier, Side(evaluation), byAssessor: byAssessor)
            return evaluation.findings
        }
        let result = AgreementResult(
            set: set, firstLabel: labels.0, secondLabel: labels.1, cases: matched.count,
            onlyFirst: firstOrder.filter { !matched.contains($0) }, onlySecond: onlySecond,
            questions: set.questions.indices.compactMap { index in
                tally.options[index].count == 0 ? nil
                    : .init(question: index, options: tally.options[index], line: set.questions[index].scored ? tally.line[index] : nil)
            },
            criteria: set.criteria.indices.map { criterion in
                .init(index: criterion, line: tally.pooled { set.questions[$0].criterion == criterion })
            },
            outcomes: set.outcomes.indices.map { outcome in
                .init(index: outcome, line: tally.pooled { question in
                    set.criteria[set.questions[question].criterion].outcome == outcome || set.questions[question].alsoScores.contains(outcome)
                })
            },
            overall: tally.pooled { _ in true },
            disagreements: tally.disagreements, applicability: tally.applicability, facts: tally.facts,
            assessors: tally.assessors.keys.sorted { ($0.a, $0.b) < ($1.a, $1.b) }.compactMap { key in
                tally.assessors[key].map { .init(first: key.a, second: key.b, cases: $0.cases, line: $0.line) }
            })
        return (result, [firstSummary, secondSummary])
    }

    /// What one side recorded of a case, kept compactly.
    struct Side {
        var assessor: String?
        var facts: [FactValue?]
        var results: [QuestionResult]
        var notes: [Int: String]
        var answerLocations: [Int: SourceLocation]
        var location: SourceLocation

        init(_ evaluation: CaseEvaluation) {
            let record = evaluation.record
            assessor = record.assessor
            facts = record.facts
            results = evaluation.results
            notes = record.notes
            answerLocations = record.positions.answers.mapValues { record.location($0) }
            location = record.location
        }

        func answerLocation(_ question: Int) -> SourceLocation { answerLocations[question] ?? location }
    }

    /// The running comparison.
    struct Tally {
        let set: CriteriaSet
        var options: [Agreement]
        var line: [Agreement]
        var disagreements: [AgreementResult.AnswerDisagreement] = []
        var applicability: [AgreementResult.ApplicabilityDisagreement] = []
        var facts: [AgreementResult.CaseFacts] = []
        var assessors: [Pair: (cases: Int, line: Agreement)] = [:]

        struct Pair: Hashable {
            var a: String, b: String
        }

        init(_ set: CriteriaSet) {
            self.set = set
            options = set.questions.map { Agreement(categories: set.scales[$0.scale].options.count) }
            line = set.questions.map { _ in Agreement(categories: 2) }
        }

        func pooled(_ include: (Int) -> Bool) -> Agreement {
            var total = Agreement(categories: 2)
            for index in set.questions.indices where set.questions[index].scored && include(index) { total.add(line[index]) }
            return total
        }

        mutating func compare(_ id: String, _ first: Side, _ second: Side, byAssessor: Bool) {
            let differing = set.facts.indices.filter { first.facts[$0] != second.facts[$0] }.map { fact in
                AgreementResult.FactDifference(
                    fact: fact, first: first.facts[fact].map { $0.text(set.facts[fact]) } ?? "(not recorded)",
                    second: second.facts[fact].map { $0.text(set.facts[fact]) } ?? "(not recorded)")
            }
            if !differing.isEmpty { facts.append(.init(caseID: id, facts: differing)) }
            var pairLine = Agreement(categories: 2)
            // Results of both sides by question instance.
            var secondResults: [InstanceKey: QuestionResult] = [:]
            for result in second.results { secondResults[InstanceKey(result)] = result }
            var seen = Set<InstanceKey>()
            for result in first.results {
                let key = InstanceKey(result)
                seen.insert(key)
                let other = secondResults[key] ?? QuestionResult(question: result.question, element: result.element, kind: .notApplicable)
                compare(id, result, other, first, second, differing, &pairLine)
            }
            for result in second.results where !seen.contains(InstanceKey(result)) {
                compare(id, QuestionResult(question: result.question, element: result.element, kind: .notApplicable), result, first, second, differing, &pairLine)
            }
            if byAssessor {
                let pair = Pair(a: first.assessor ?? "(no assessor)", b: second.assessor ?? "(no assessor)")
                var entry = assessors[pair] ?? (0, Agreement(categories: 2))
                entry.cases += 1
                entry.line.add(pairLine)
                assessors[pair] = entry
            }
        }

        private mutating func compare(
            _ id: String, _ a: QuestionResult, _ b: QuestionResult, _ first: Side, _ second: Side,
            _ differing: [AgreementResult.FactDifference], _ pairLine: inout Agreement
        ) {
            let question = set.questions[a.question]
            let appliesA = a.kind != .notApplicable && a.kind != .undetermined
            let appliesB = b.kind != .notApplicable && b.kind != .undetermined
            if a.kind != b.kind, !(appliesA && appliesB) {
                if a.kind == .notApplicable && b.kind == .notApplicable { return }
                let read = Set(question.applies.facts)
                applicability.append(.init(
                    caseID: id, question: a.question, element: a.element, first: a.kind, second: b.kind,
                    facts: differing.filter { read.contains($0.fact) }))
                return
            }
            // Computed answers are not judgments: they follow the facts, compared above.
            guard !a.computed, !b.computed, case .option(let x)? = a.answer, case .option(let y)? = b.answer,
                  a.kind != .invalid, b.kind != .invalid else { return }
            options[a.question].add(x, y)
            if question.scored {
                let lineA = a.kind == .sufficient ? 0 : 1, lineB = b.kind == .sufficient ? 0 : 1
                line[a.question].add(lineA, lineB)
                pairLine.add(lineA, lineB)
            }
            if x != y {
                let scale = set.scales[question.scale]
                disagreements.append(.init(
                    caseID: id, question: a.question, element: a.element, first: scale.options[x], second: scale.options[y],
                    firstNote: first.notes[a.question], secondNote: second.notes[a.question],
                    firstLocation: first.answerLocation(a.question), secondLocation: second.answerLocation(a.question)))
            }
        }
    }

    struct InstanceKey: Hashable {
        var question: Int
        var element: Int?
        init(_ result: QuestionResult) {
            question = result.question
            element = result.element
        }
    }
}
